package io.marketintel.plugin.orderbook.internal;

/**
 * Why a wall is suspected of being a spoof. Only walls of at least {@code spoof_min_multiple} × their side's mean
 * level quantity count. Serialised as the upper-case constant name.
 */
public enum SpoofReason {
    /**
     * The wall stands strictly beyond {@code spoof_distance_pct} from mid and the other side has no wall that far:
     * size shown far from the price on one side only.
     */
    FAR_ONE_SIDED,
    /**
     * The wall had stood in at least {@code spoof_min_snapshots} successive snapshots and, in the next one, was no
     * wall any more and had lost more than half its quantity while the price came at least
     * {@code spoof_min_approach} of the way toward it without reaching it, its price still within the analysed
     * depth: pulled as the price approached, not filled. Walls seen once, or pulled while the price stood still or
     * moved away, are ordinary liquidity churn and are no evidence.
     */
    VANISHED
}
