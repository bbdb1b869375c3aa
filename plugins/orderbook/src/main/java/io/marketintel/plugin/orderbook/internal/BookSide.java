package io.marketintel.plugin.orderbook.internal;

/** A side of the order book. Serialised as the upper-case constant name. */
public enum BookSide {
    /** Resting buy orders, below the mid price. */
    BID,
    /** Resting sell orders, above the mid price. */
    ASK;

    /** Lower-case word for sentences ({@code bid}, {@code ask}). */
    String word() {
        return this == BID ? "bid" : "ask";
    }
}
