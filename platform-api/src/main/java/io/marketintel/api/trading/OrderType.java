package io.marketintel.api.trading;

/** Order types the port supports. */
public enum OrderType {
    MARKET, LIMIT
}
