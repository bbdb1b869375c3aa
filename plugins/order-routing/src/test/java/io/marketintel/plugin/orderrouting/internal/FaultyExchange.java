package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Position;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchange seen through a bad connection, to simulate a process dying mid-call: it records every client order id
 * that reached the real exchange behind it, and for the ids the test names it never answers (after forwarding the order,
 * or dropping it), as if the process died before the answer came back. It can also refuse to answer questions about an
 * order (the exchange is unreachable at restart).
 */
final class FaultyExchange implements Exchange {

    private final Exchange delegate;
    /** Client order ids that reached the exchange behind, in order (a duplicate here would be a double send). */
    final List<String> received = new ArrayList<>();
    final Set<String> hangAfterForwarding = ConcurrentHashMap.newKeySet();
    final Set<String> dropAndHang = ConcurrentHashMap.newKeySet();
    final Set<String> unreachableLookups = ConcurrentHashMap.newKeySet();
    /** Completed with the client order id of the first call left unanswered. */
    final java.util.concurrent.CompletableFuture<String> hung = new java.util.concurrent.CompletableFuture<>();

    FaultyExchange(Exchange delegate) {
        this.delegate = delegate;
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean paper() {
        return delegate.paper();
    }

    @Override
    public Future<Account> account() {
        return delegate.account();
    }

    @Override
    public Future<List<Position>> positions() {
        return delegate.positions();
    }

    @Override
    public Future<Order> placeOrder(OrderRequest request) {
        String id = request.clientOrderId();
        if (dropAndHang.contains(id)) {
            hung.complete(id);
            return Promise.<Order>promise().future();
        }
        synchronized (this) {
            received.add(id);
        }
        Future<Order> answer = delegate.placeOrder(request);
        if (hangAfterForwarding.contains(id)) {
            hung.complete(id);
            return Promise.<Order>promise().future();
        }
        return answer;
    }

    @Override
    public Future<Order> cancelOrder(String symbol, String clientOrderId) {
        return delegate.cancelOrder(symbol, clientOrderId);
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        if (unreachableLookups.contains(clientOrderId)) {
            return Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "exchange unreachable"));
        }
        return delegate.order(symbol, clientOrderId);
    }

    @Override
    public Future<List<Order>> openOrders(String symbol) {
        return delegate.openOrders(symbol);
    }

    @Override
    public Future<Integer> setLeverage(String symbol, int leverage) {
        return delegate.setLeverage(symbol, leverage);
    }
}
