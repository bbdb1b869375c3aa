package io.marketintel.plugin.risk.internal;

/** Where a position's liquidation price comes from. */
public enum LiquidationSource {
    /** As the exchange reports it ({@code positionRisk.liquidationPrice} on Binance, the paper exchange's). */
    EXCHANGE,
    /** The exchange reported none; computed with Binance's formula from the leverage brackets and the account. */
    FORMULA,
    /** No liquidation price applies (the position cannot be liquidated) or none could be computed. */
    NONE
}
