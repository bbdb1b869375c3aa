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
     * The wall was in a snapshot and, in the next one, lost more than half its quantity although the price never
     * reached it and its price was still within the analysed depth: pulled, not filled.
     */
    VANISHED
}
