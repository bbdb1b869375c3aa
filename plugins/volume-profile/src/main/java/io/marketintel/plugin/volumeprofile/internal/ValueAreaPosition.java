package io.marketintel.plugin.volumeprofile.internal;

/**
 * Where the current price is relative to the value area, in the specification's spelling. The edges belong to the
 * value area: a price exactly at VAH or VAL is {@link #INSIDE_VALUE_AREA}.
 */
public enum ValueAreaPosition {
    /** Strictly above VAH: price exploring higher values (bullish). */
    ABOVE_VALUE_AREA,
    /** From VAL to VAH inclusive: price within the fair value range (neutral). */
    INSIDE_VALUE_AREA,
    /** Strictly below VAL: price exploring lower values (bearish). */
    BELOW_VALUE_AREA
}
