package io.marketintel.plugin.tpladder.internal;

import java.math.BigDecimal;

/**
 * One take-profit level.
 *
 * @param level        1-based, nearest the entry first
 * @param price        trigger price, on the tick grid, beyond the entry on the profit side
 * @param quantity     quantity, a multiple of the step size; the levels sum exactly to the position
 * @param quantityPct  {@code quantity} as % of the position (2 decimals)
 * @param targetPct    the regime's split for this level before step rounding, % (2 decimals)
 * @param atrMultiple  distance from the entry in ATRs before tick rounding (strategy factor included)
 * @param distancePct  |price − entry| / entry, %
 * @param notional     quantity × price, quote asset
 * @param profit       quantity × |price − entry|, quote asset, before fees
 * @param reached      whether the watched price (see the ladder's {@code current_price_type}) is already at or
 *                     beyond the level: a take-profit there would trigger at once (Binance -2021)
 * @param reasoning    e.g. {@code TP1: +1.5x ATR (TRENDING)}
 */
public record TpLevel(
        int level,
        BigDecimal price,
        BigDecimal quantity,
        double quantityPct,
        double targetPct,
        double atrMultiple,
        double distancePct,
        BigDecimal notional,
        BigDecimal profit,
        boolean reached,
        String reasoning) {
}
