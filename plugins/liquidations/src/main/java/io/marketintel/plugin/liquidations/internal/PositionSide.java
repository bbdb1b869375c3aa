package io.marketintel.plugin.liquidations.internal;

/** The side of the positions a liquidation zone would close: longs liquidate below price, shorts above. */
public enum PositionSide {
    LONG, SHORT;

    /** +1 for LONG, −1 for SHORT: the {@code side} of Binance's liquidation formula. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
