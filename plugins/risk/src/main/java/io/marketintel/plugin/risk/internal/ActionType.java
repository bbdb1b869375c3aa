package io.marketintel.plugin.risk.internal;

/** What a rebalance action does. */
public enum ActionType {
    /** Exit the whole position with reduce-only market orders. */
    CLOSE_POSITION,
    /** Cut the position by {@code reduce_pct} (50 %) with a reduce-only market order. */
    REDUCE_POSITION,
    /** Lower the symbol's leverage setting to {@code floor(max_avg_leverage)}. */
    ADJUST_LEVERAGE,
    /** Add an opposite position in a correlated symbol (advisory: auto-rebalance only sends reduce-only orders). */
    ADD_HEDGE
}
