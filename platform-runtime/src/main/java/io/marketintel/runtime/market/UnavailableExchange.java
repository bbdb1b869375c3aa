package io.marketintel.runtime.market;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Position;
import io.vertx.core.Future;
import java.util.List;

/** The exchange of a market source that has none (replay): every call fails, saying why. */
final class UnavailableExchange implements Exchange {

    private final String why;

    UnavailableExchange(String why) {
        this.why = why;
    }

    private <T> Future<T> refuse() {
        return Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, why));
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean paper() {
        return true;
    }

    @Override
    public Future<Account> account() {
        return refuse();
    }

    @Override
    public Future<List<Position>> positions() {
        return refuse();
    }

    @Override
    public Future<Order> placeOrder(OrderRequest request) {
        return refuse();
    }

    @Override
    public Future<Order> cancelOrder(String symbol, String clientOrderId) {
        return refuse();
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        return refuse();
    }

    @Override
    public Future<List<Order>> openOrders(String symbol) {
        return refuse();
    }

    @Override
    public Future<Integer> setLeverage(String symbol, int leverage) {
        return refuse();
    }
}
