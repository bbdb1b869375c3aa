package io.marketintel.plugin.meta.internal;

import java.util.Locale;

/**
 * The stop rule ({@code disabled}, {@code static}, {@code dynamic}, {@code profit_based}, {@code breakeven},
 * {@code smart} on the wire). What each means in the simulated outcome: {@link TradeSimulator}.
 */
enum TrailingMode {
    DISABLED, STATIC, DYNAMIC, PROFIT_BASED, BREAKEVEN, SMART;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
