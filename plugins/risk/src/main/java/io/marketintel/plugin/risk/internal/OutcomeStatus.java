package io.marketintel.plugin.risk.internal;

/** Where a rebalance step stands after a run. */
public enum OutcomeStatus {
    /** Dry run: nothing was sent; {@code orders} are exactly what a live run with the same id sends. */
    DRY_RUN,
    /** Every order filled completely, or the leverage was set. */
    EXECUTED,
    /** Some quantity filled, not all (an order failed or expired with a remainder). */
    PARTIAL,
    /** Nothing was done: every order (or the leverage change) failed; {@code error} says why. */
    FAILED,
    /** The step has nothing to send (a reduction that rounds below the minimum quantity); {@code note} says why. */
    SKIPPED,
    /** ADD_HEDGE: a recommendation; auto-rebalance only sends reduce-only orders, so it never opens a hedge. */
    ADVISORY
}
