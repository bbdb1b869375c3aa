package io.marketintel.api.trading;

import io.vertx.core.Future;
import java.util.List;

/**
 * Orders, positions and account of one futures account. On the simulated market it is a paper
 * exchange that fills against the simulated book; on Binance it is the signed REST API.
 *
 * <p>Failures are {@link io.marketintel.api.IntelException}s; a rejected order names the rule it broke.
 */
public interface Exchange {

    /** Name of the venue ({@code paper}, {@code binance}). */
    String name();

    /** Whether orders only move paper money. */
    boolean paper();

    /** The account. */
    Future<Account> account();

    /** Open positions (non-zero size). */
    Future<List<Position>> positions();

    /**
     * Places an order. If an order with the same client order id exists, that order is returned and
     * nothing new is placed.
     */
    Future<Order> placeOrder(OrderRequest request);

    /** Cancels an open order by client order id and returns its final state. */
    Future<Order> cancelOrder(String symbol, String clientOrderId);

    /** The order with this client order id; fails with {@code NOT_FOUND} when the exchange has none. */
    Future<Order> order(String symbol, String clientOrderId);

    /** Open orders of {@code symbol}. */
    Future<List<Order>> openOrders(String symbol);

    /** Sets the leverage of a symbol and answers the leverage in force. */
    Future<Integer> setLeverage(String symbol, int leverage);

    /**
     * Places a conditional order (take-profit, stop, trailing stop) that the exchange holds until its trigger
     * price is reached; on Binance through {@code /fapi/v1/algoOrder}. The client algo id is an idempotency key.
     * Exchanges without conditional orders fail with {@code UPSTREAM_UNAVAILABLE}.
     */
    default Future<ConditionalOrder> placeConditionalOrder(ConditionalOrderRequest request) {
        return unsupported();
    }

    /** Cancels a conditional order by client algo id and returns its final state. */
    default Future<ConditionalOrder> cancelConditionalOrder(String symbol, String clientAlgoId) {
        return unsupported();
    }

    /** The conditional order with this client algo id; {@code NOT_FOUND} when the exchange has none. */
    default Future<ConditionalOrder> conditionalOrder(String symbol, String clientAlgoId) {
        return unsupported();
    }

    /** Conditional orders of {@code symbol} that have not triggered or been cancelled. */
    default Future<List<ConditionalOrder>> openConditionalOrders(String symbol) {
        return unsupported();
    }

    private <T> Future<T> unsupported() {
        return Future.failedFuture(new io.marketintel.api.IntelException(io.marketintel.api.ErrorCode.UPSTREAM_UNAVAILABLE,
                "exchange [" + name() + "] does not support conditional orders"));
    }
}
