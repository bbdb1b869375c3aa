package io.marketintel.plugin.tpladder.internal;

/** How far the targets reach: the regime's ATR multipliers scaled by the strategy's factor. */
public enum Strategy {
    /** The regime's multipliers as they are (the default). */
    ADAPTIVE,
    /** Wider targets: multipliers × {@code aggressive_multiplier} (1.3). */
    AGGRESSIVE,
    /** Tighter targets: multipliers × {@code conservative_multiplier} (0.7). */
    CONSERVATIVE
}
