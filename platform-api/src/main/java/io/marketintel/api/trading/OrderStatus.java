package io.marketintel.api.trading;

/** Order status as Binance reports it. */
public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

    /** Whether the order can still fill. */
    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
