package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.vertx.core.Future;

/**
 * Where an execution's child orders go: the runtime's journaling exchange ({@link LiveVenue}; the paper exchange on
 * the simulated market) or a book-walking simulation that sends nothing ({@link DryRunVenue}). The algorithms are
 * written once against this port.
 */
interface Venue {

    /** {@code dry-run} or the exchange's name. */
    String name();

    /** Whether orders stay in this process (dry run). */
    boolean dryRun();

    /** Places an order; the client order id is the idempotency key. */
    Future<Order> place(OrderRequest request);

    /** Cancels an open order and answers its final state (also when it had already finished). */
    Future<Order> cancel(String symbol, String clientOrderId);

    /** The order's current state. */
    Future<Order> order(String symbol, String clientOrderId);
}
