package io.marketintel.plugin.orderrouting.internal;

/** How an execution works its order. */
public enum Algorithm {
    /** Equal market slices at equal (slightly randomised) intervals over the duration, the first at once. */
    TWAP,
    /** A small visible limit quantity at the touch, replenished as it fills, re-quoted when the touch moves away. */
    ICEBERG,
    /** Picks one of the others from a market-condition analysis and says why. */
    ADAPTIVE,
    /** One market order at once (split only above the symbol's MARKET_LOT_SIZE maxQty). */
    MARKET,
    /** One limit order (at {@code limit_price}, or at the touch) working until filled or the duration ends. */
    LIMIT;

    /** Whether it sends market orders on a schedule (TWAP, MARKET) rather than working limit orders. */
    boolean scheduled() {
        return this == TWAP || this == MARKET;
    }

    /** Whether it works passive limit orders (ICEBERG, LIMIT). */
    boolean passive() {
        return this == ICEBERG || this == LIMIT;
    }
}
