package io.marketintel.api.trading;

/** Which price a conditional order's trigger watches. */
public enum WorkingType {
    /** The mark price (harder to wick through). */
    MARK_PRICE,
    /** The last traded price (Binance's default). */
    CONTRACT_PRICE
}
