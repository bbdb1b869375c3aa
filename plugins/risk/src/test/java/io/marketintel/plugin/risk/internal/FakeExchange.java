package io.marketintel.plugin.risk.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An exchange for tests: fixed account, positions that market orders really change (filled at the mark price),
 * a record of every order and leverage call, client order ids as idempotency keys, reduce-only enforced like
 * Binance (an order that would open, increase or flip a position is refused), and injectable failures.
 */
final class FakeExchange implements Exchange {

    final List<OrderRequest> placed = new ArrayList<>();
    final List<String> lookups = new ArrayList<>();
    final List<String> leverageCalls = new ArrayList<>();
    final Map<String, Position> positions = new LinkedHashMap<>();
    final Map<String, Order> orders = new LinkedHashMap<>();
    final Set<String> failingSymbols = new HashSet<>();
    final Set<String> failingLeverage = new HashSet<>();
    Account account = Fixtures.account(10_000, 0);
    boolean paper = true;
    /** When set, placeOrder answers a pending future, completed by {@link #release()}. */
    boolean stall;
    private final List<Runnable> stalled = new ArrayList<>();
    private long nextId = 1;

    void hold(Position... ps) {
        for (Position p : ps) {
            positions.put(p.symbol(), p);
        }
    }

    @Override
    public String name() {
        return paper ? "fake-paper" : "fake-binance";
    }

    @Override
    public boolean paper() {
        return paper;
    }

    @Override
    public Future<Account> account() {
        return Future.succeededFuture(account);
    }

    @Override
    public Future<List<Position>> positions() {
        return Future.succeededFuture(List.copyOf(positions.values()));
    }

    /** Completes the stalled orders. */
    void release() {
        stall = false;
        List<Runnable> now = List.copyOf(stalled);
        stalled.clear();
        now.forEach(Runnable::run);
    }

    @Override
    public Future<Order> placeOrder(OrderRequest r) {
        if (stall) {
            io.vertx.core.Promise<Order> p = io.vertx.core.Promise.promise();
            stalled.add(() -> fill(r).onComplete(p));
            return p.future();
        }
        return fill(r);
    }

    private Future<Order> fill(OrderRequest r) {
        placed.add(r);
        Order existing = orders.get(r.symbol() + "|" + r.clientOrderId());
        if (existing != null) {
            return Future.succeededFuture(existing);
        }
        if (failingSymbols.contains(r.symbol())) {
            return Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_ERROR, "the exchange refused "
                    + r.clientOrderId() + " (injected failure)"));
        }
        Position p = positions.get(r.symbol());
        BigDecimal held = p == null ? BigDecimal.ZERO : p.positionAmt();
        BigDecimal signed = r.side() == Side.BUY ? r.quantity() : r.quantity().negate();
        if (r.reduceOnly() && (held.signum() == 0 || held.signum() == signed.signum()
                || signed.abs().compareTo(held.abs()) > 0)) {
            return Future.failedFuture(new IntelException(ErrorCode.INVALID_PARAMETER, "reduceOnly order of "
                    + signed + " would increase or flip the position " + held));
        }
        BigDecimal mark = p == null ? BigDecimal.ONE : p.markPrice();
        BigDecimal after = held.add(signed);
        if (after.signum() == 0) {
            positions.remove(r.symbol());
        } else {
            positions.put(r.symbol(), Fixtures.resized(p, after));
        }
        Order o = new Order(nextId++, r.clientOrderId(), r.symbol(), r.side(), r.type(), OrderStatus.FILLED,
                BigDecimal.ZERO, r.quantity(), r.quantity(), mark, r.quantity().multiply(mark), r.reduceOnly(),
                Fixtures.T0);
        orders.put(r.symbol() + "|" + r.clientOrderId(), o);
        return Future.succeededFuture(o);
    }

    @Override
    public Future<Order> cancelOrder(String symbol, String clientOrderId) {
        return Future.failedFuture(new UnsupportedOperationException("the risk plugin never cancels"));
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        lookups.add(symbol + "|" + clientOrderId);
        Order o = orders.get(symbol + "|" + clientOrderId);
        return o != null ? Future.succeededFuture(o) : Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND,
                "order [" + clientOrderId + "] of [" + symbol + "] does not exist"));
    }

    @Override
    public Future<List<Order>> openOrders(String symbol) {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Integer> setLeverage(String symbol, int leverage) {
        leverageCalls.add(symbol + "=" + leverage);
        if (failingLeverage.contains(symbol)) {
            return Future.failedFuture(new IntelException(ErrorCode.CONFLICT, "leverage of " + symbol
                    + " cannot change now (injected failure)"));
        }
        Position p = positions.get(symbol);
        if (p != null) {
            positions.put(symbol, Fixtures.withLeverage(p, leverage));
        }
        return Future.succeededFuture(leverage);
    }
}
