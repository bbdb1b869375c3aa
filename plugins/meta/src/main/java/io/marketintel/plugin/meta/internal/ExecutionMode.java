package io.marketintel.plugin.meta.internal;

import java.util.Locale;

/**
 * How a position is entered ({@code static}, {@code sniper}, {@code pyramid}, {@code dca} on the wire). What each
 * means in the simulated outcome: {@link TradeSimulator}.
 */
enum ExecutionMode {
    /** Everything at once at the recommendation price. */
    STATIC,
    /** One limit order half a unit better than the price, working for the first sixth of the horizon. */
    SNIPER,
    /** Thirds; the second and third only while the position is in profit (scaling into winners). */
    PYRAMID,
    /** Thirds at fixed times whatever the price (averaging). */
    DCA;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
