package io.marketintel.plugin.orderbook.internal;

/**
 * Which side's volume dominates the band around mid: {@code BID} (buy pressure) when the imbalance is at or
 * above {@code dominant_threshold_pct}, {@code ASK} (sell pressure) at or below its negative, {@code NEUTRAL}
 * in between. Serialised as the upper-case constant name.
 */
public enum DominantSide {
    BID, ASK, NEUTRAL
}
