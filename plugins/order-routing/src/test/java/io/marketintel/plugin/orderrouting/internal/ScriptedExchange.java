package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Position;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exchange the test drives: limit orders rest until the test fills them ({@link #fill}); market orders fill at
 * {@link #marketPrice}. It records what it received, in order. Client order ids are idempotency keys.
 */
final class ScriptedExchange implements Exchange {

    private final String name;
    private final boolean paper;
    private final Clock clock;
    final List<OrderRequest> placed = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();
    private final Map<String, State> orders = new LinkedHashMap<>();
    volatile BigDecimal marketPrice = new BigDecimal("100");
    private long nextId = 1;

    private static final class State {
        final long id;
        final OrderRequest request;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        OrderStatus status = OrderStatus.NEW;

        State(long id, OrderRequest request) {
            this.id = id;
            this.request = request;
        }

        Order order(long now) {
            BigDecimal avg = executed.signum() == 0 ? BigDecimal.ZERO : quote.divide(executed, MathContext.DECIMAL64);
            return new Order(id, request.clientOrderId(), request.symbol(), request.side(), request.type(), status,
                    request.price() == null ? BigDecimal.ZERO : request.price(), request.quantity(), executed, avg, quote,
                    false, now);
        }
    }

    ScriptedExchange(String name, boolean paper, Clock clock) {
        this.name = name;
        this.paper = paper;
        this.clock = clock;
    }

    /** Fills {@code qty} of order {@code clientOrderId} at its limit price. */
    synchronized void fill(String clientOrderId, String qty) {
        State s = orders.get(clientOrderId);
        BigDecimal q = new BigDecimal(qty);
        s.executed = s.executed.add(q);
        s.quote = s.quote.add(q.multiply(s.request.price()));
        s.status = s.executed.compareTo(s.request.quantity()) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    synchronized List<String> placedIds() {
        return placed.stream().map(OrderRequest::clientOrderId).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean paper() {
        return paper;
    }

    @Override
    public Future<Account> account() {
        return Future.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public Future<List<Position>> positions() {
        return Future.succeededFuture(List.of());
    }

    @Override
    public synchronized Future<Order> placeOrder(OrderRequest request) {
        State existing = orders.get(request.clientOrderId());
        if (existing != null) {
            return Future.succeededFuture(existing.order(clock.millis()));
        }
        placed.add(request);
        State s = new State(nextId++, request);
        orders.put(request.clientOrderId(), s);
        if (request.type() == OrderType.MARKET) {
            s.executed = request.quantity();
            s.quote = request.quantity().multiply(marketPrice);
            s.status = OrderStatus.FILLED;
        }
        return Future.succeededFuture(s.order(clock.millis()));
    }

    @Override
    public synchronized Future<Order> cancelOrder(String symbol, String clientOrderId) {
        State s = orders.get(clientOrderId);
        if (s == null) {
            return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "no order " + clientOrderId));
        }
        if (!s.status.isOpen()) {
            return Future.failedFuture(new IntelException(ErrorCode.CONFLICT, "order " + clientOrderId + " is " + s.status));
        }
        cancelled.add(clientOrderId);
        s.status = OrderStatus.CANCELED;
        return Future.succeededFuture(s.order(clock.millis()));
    }

    @Override
    public synchronized Future<Order> order(String symbol, String clientOrderId) {
        State s = orders.get(clientOrderId);
        if (s == null) {
            return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "no order " + clientOrderId));
        }
        return Future.succeededFuture(s.order(clock.millis()));
    }

    @Override
    public synchronized Future<List<Order>> openOrders(String symbol) {
        List<Order> out = new ArrayList<>();
        orders.values().stream().filter(s -> s.status.isOpen()).forEach(s -> out.add(s.order(clock.millis())));
        return Future.succeededFuture(out);
    }

    @Override
    public Future<Integer> setLeverage(String symbol, int leverage) {
        return Future.succeededFuture(leverage);
    }
}
