package io.marketintel.api.trading;

/**
 * Conditional order types, which Binance accepts only through {@code POST /fapi/v1/algoOrder}
 * ({@code /fapi/v1/order} answers {@code -4120} for them).
 */
public enum ConditionalOrderType {
    /** Market order when the trigger price is reached (stop-loss). */
    STOP_MARKET,
    /** Market order when the trigger price is reached (take-profit). */
    TAKE_PROFIT_MARKET,
    /** Limit order at {@code price} when the trigger price is reached (stop-limit). */
    STOP,
    /** Limit order at {@code price} when the trigger price is reached (take-profit limit). */
    TAKE_PROFIT,
    /** Market order when the price retraces {@code callbackRate} % from its best since activation. */
    TRAILING_STOP_MARKET;

    /** Whether the triggered order is a limit order (needs {@code price}). */
    public boolean isLimit() {
        return this == STOP || this == TAKE_PROFIT;
    }
}
