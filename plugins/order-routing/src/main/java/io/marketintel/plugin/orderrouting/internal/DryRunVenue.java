package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Side;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Dry run: fills against the live (or simulated) book at the moment of each order, WITHOUT sending anything.
 *
 * <ul>
 *   <li>A market order walks the side it takes ({@link BookMath#walk}); what the levels read cannot fill expires,
 *   as on Binance.</li>
 *   <li>A limit order takes the levels at or better than its price the same way and rests the remainder.</li>
 *   <li>A resting order is re-evaluated whenever it is polled: when the opposite best price has reached its price
 *   (a buy: best ask at or below it), it fills from the levels at or better than its price, at its own price (a
 *   maker fill).</li>
 * </ul>
 * Orders live in this object only (a restart loses them; recovery then treats them as cancelled at their last known
 * fills).
 */
final class DryRunVenue implements Venue {

    private final MarketData market;
    private final Clock clock;
    private final IntSupplier bookLimit;
    private final Map<String, Working> orders = new HashMap<>();
    private long nextId = 1;

    DryRunVenue(MarketData market, Clock clock, IntSupplier bookLimit) {
        this.market = market;
        this.clock = clock;
        this.bookLimit = bookLimit;
    }

    /** A dry-run order's state. */
    private static final class Working {
        final long id;
        final OrderRequest request;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        OrderStatus status = OrderStatus.NEW;
        long updateTime;

        Working(long id, OrderRequest request, long now) {
            this.id = id;
            this.request = request;
            this.updateTime = now;
        }

        BigDecimal remaining() {
            return request.quantity().subtract(executed);
        }

        Order toOrder() {
            BigDecimal avg = executed.signum() == 0 ? BigDecimal.ZERO
                    : quote.divide(executed, BookMath.MC).setScale(8, RoundingMode.HALF_UP);
            return new Order(id, request.clientOrderId(), request.symbol(), request.side(), request.type(), status,
                    request.price() == null ? BigDecimal.ZERO : request.price(), request.quantity(), executed, avg,
                    quote.setScale(8, RoundingMode.HALF_UP), request.reduceOnly(), updateTime);
        }
    }

    @Override
    public String name() {
        return "dry-run";
    }

    @Override
    public boolean dryRun() {
        return true;
    }

    @Override
    public Future<Order> place(OrderRequest request) {
        synchronized (this) {
            Working existing = orders.get(key(request.symbol(), request.clientOrderId()));
            if (existing != null) {
                return Future.succeededFuture(existing.toOrder());
            }
        }
        return market.orderBook(request.symbol(), bookLimit.getAsInt()).map(book -> {
            synchronized (this) {
                long now = clock.millis();
                Working w = new Working(nextId++, request, now);
                orders.put(key(request.symbol(), request.clientOrderId()), w);
                BookMath.Walk walk = BookMath.walk(book, request.side(), request.quantity(),
                        request.type() == OrderType.LIMIT ? request.price() : null);
                w.executed = walk.filled();
                w.quote = walk.quote();
                if (request.type() == OrderType.MARKET) {
                    w.status = walk.exhausted() ? OrderStatus.EXPIRED : OrderStatus.FILLED;
                } else {
                    w.status = w.remaining().signum() == 0 ? OrderStatus.FILLED
                            : w.executed.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
                }
                return w.toOrder();
            }
        });
    }

    @Override
    public Future<Order> cancel(String symbol, String clientOrderId) {
        return order(symbol, clientOrderId).map(o -> {
            synchronized (this) {
                Working w = orders.get(key(symbol, clientOrderId));
                if (w.status.isOpen()) {
                    w.status = OrderStatus.CANCELED;
                    w.updateTime = clock.millis();
                }
                return w.toOrder();
            }
        });
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        Working w;
        synchronized (this) {
            w = orders.get(key(symbol, clientOrderId));
        }
        if (w == null) {
            return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "dry-run order [" + clientOrderId
                    + "] of [" + symbol + "] does not exist", Map.of("client_order_id", clientOrderId)));
        }
        if (!w.status.isOpen() || w.request.type() != OrderType.LIMIT) {
            synchronized (this) {
                return Future.succeededFuture(w.toOrder());
            }
        }
        return market.orderBook(symbol, bookLimit.getAsInt()).map(book -> {
            synchronized (this) {
                if (w.status.isOpen()) {
                    restingFill(w, book);
                }
                return w.toOrder();
            }
        });
    }

    /** A resting limit order fills at its own price from the opposite levels that reached it. */
    private void restingFill(Working w, OrderBook book) {
        Side side = w.request.side();
        BookMath.Walk reach = BookMath.walk(book, side, w.remaining(), w.request.price());
        if (reach.filled().signum() == 0) {
            return;
        }
        w.executed = w.executed.add(reach.filled());
        w.quote = w.quote.add(reach.filled().multiply(w.request.price()));
        w.status = w.remaining().signum() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        w.updateTime = clock.millis();
    }

    private static String key(String symbol, String clientOrderId) {
        return symbol + '\u0000' + clientOrderId;
    }
}
