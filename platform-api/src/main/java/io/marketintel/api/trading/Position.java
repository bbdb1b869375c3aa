package io.marketintel.api.trading;

import java.math.BigDecimal;

/**
 * An open position (one-way mode).
 *
 * @param symbol           symbol
 * @param positionAmt      signed size: positive long, negative short
 * @param entryPrice       average entry price
 * @param markPrice        current mark price
 * @param unrealizedProfit unrealised PnL at the mark price, quote asset
 * @param liquidationPrice estimated liquidation price, zero when none applies
 * @param leverage         leverage setting
 * @param marginType       cross or isolated
 * @param isolatedMargin   margin of an isolated position, zero for cross
 * @param notional         signed notional at the mark price
 * @param updateTime       last update, ms
 */
public record Position(
        String symbol,
        BigDecimal positionAmt,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal unrealizedProfit,
        BigDecimal liquidationPrice,
        int leverage,
        MarginType marginType,
        BigDecimal isolatedMargin,
        BigDecimal notional,
        long updateTime) {
}
