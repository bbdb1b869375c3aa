package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.ConditionalOrder;
import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.MarginType;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Position;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exchange that records the conditional orders it is sent and answers them as NEW (idempotent by client algo id),
 * with a settable position, paper flag and a failure on a chosen client algo id.
 */
class FakeExchange implements Exchange {

    final List<ConditionalOrderRequest> sent = new ArrayList<>();
    final Map<String, ConditionalOrder> held = new LinkedHashMap<>();
    boolean paper = true;
    BigDecimal position = BigDecimal.ZERO;
    String positionSymbol = Fixtures.BTC;
    /** Client algo id refused with {@link #refusal}, or null. */
    String refuse;
    IntelException refusal = new IntelException(ErrorCode.CONFLICT, "conditional order would immediately trigger");
    /** When set, positions() fails with it. */
    IntelException positionsFailure;
    private long nextId = 1000;

    @Override
    public String name() {
        return paper ? "paper" : "binance";
    }

    @Override
    public boolean paper() {
        return paper;
    }

    @Override
    public Future<Account> account() {
        return Future.failedFuture(new UnsupportedOperationException("not used"));
    }

    @Override
    public Future<List<Position>> positions() {
        if (positionsFailure != null) {
            return Future.failedFuture(positionsFailure);
        }
        if (position.signum() == 0) {
            return Future.succeededFuture(List.of());
        }
        return Future.succeededFuture(List.of(new Position(positionSymbol, position, new BigDecimal("43250"),
                new BigDecimal("43250"), BigDecimal.ZERO, BigDecimal.ZERO, 10, MarginType.CROSS, BigDecimal.ZERO,
                position.multiply(new BigDecimal("43250")), 0)));
    }

    @Override
    public Future<ConditionalOrder> placeConditionalOrder(ConditionalOrderRequest r) {
        sent.add(r);
        if (r.clientAlgoId().equals(refuse)) {
            return Future.failedFuture(refusal);
        }
        ConditionalOrder existing = held.get(r.clientAlgoId());
        if (existing != null) {
            return Future.succeededFuture(existing);
        }
        ConditionalOrder o = new ConditionalOrder(nextId++, r.clientAlgoId(), r.symbol(), r.side(), r.type(),
                ConditionalOrderStatus.NEW, r.quantity(), r.triggerPrice(), r.price(), r.timeInForce(), r.workingType(),
                r.reduceOnly(), r.closePosition(), r.priceProtect(), "", Fixtures.T0, Fixtures.T0, 0);
        held.put(r.clientAlgoId(), o);
        return Future.succeededFuture(o);
    }

    @Override
    public Future<Order> placeOrder(OrderRequest request) {
        return Future.failedFuture(new UnsupportedOperationException("not used"));
    }

    @Override
    public Future<Order> cancelOrder(String symbol, String clientOrderId) {
        return Future.failedFuture(new UnsupportedOperationException("not used"));
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        return Future.failedFuture(new UnsupportedOperationException("not used"));
    }

    @Override
    public Future<List<Order>> openOrders(String symbol) {
        return Future.failedFuture(new UnsupportedOperationException("not used"));
    }

    @Override
    public Future<Integer> setLeverage(String symbol, int leverage) {
        return Future.failedFuture(new UnsupportedOperationException("not used"));
    }
}
