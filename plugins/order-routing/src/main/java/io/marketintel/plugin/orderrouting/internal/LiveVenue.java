package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.vertx.core.Future;

/**
 * The runtime's exchange ({@code ctx.exchange()}): every place and cancel is journaled by the runtime before it is sent
 * and completed after; on a real exchange the runtime refuses them unless {@code trading.live}.
 */
final class LiveVenue implements Venue {

    private final Exchange exchange;

    LiveVenue(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public String name() {
        return exchange.name();
    }

    @Override
    public boolean dryRun() {
        return false;
    }

    @Override
    public Future<Order> place(OrderRequest request) {
        return exchange.placeOrder(request);
    }

    /** A cancel the exchange refuses (the order filled meanwhile) answers the order's state instead. */
    @Override
    public Future<Order> cancel(String symbol, String clientOrderId) {
        return exchange.cancelOrder(symbol, clientOrderId).recover(e -> {
            if (e instanceof IntelException ie && ie.code().httpStatus() < 500) {
                return exchange.order(symbol, clientOrderId).recover(x -> Future.failedFuture(e));
            }
            return Future.failedFuture(e);
        });
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        return exchange.order(symbol, clientOrderId);
    }
}
