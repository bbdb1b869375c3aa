package io.marketintel.runtime.market.sim;

import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Side;
import io.marketintel.api.trading.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The mutable state of one paper order; guarded by the {@link PaperExchange}'s lock. */
final class PaperOrder {
    final long orderId;
    final String clientOrderId;
    final String symbol;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    /** Limit price, null for market orders. */
    final BigDecimal price;
    final BigDecimal origQty;
    final boolean reduceOnly;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cumQuote = BigDecimal.ZERO;
    OrderStatus status = OrderStatus.NEW;
    long updateTime;
    /** The trades that may fill it while it rests are those after this time (its placement). */
    final long restingSince;

    PaperOrder(long orderId, String clientOrderId, String symbol, Side side, OrderType type, TimeInForce timeInForce,
               BigDecimal price, BigDecimal origQty, boolean reduceOnly, long time) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.symbol = symbol;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.origQty = origQty;
        this.reduceOnly = reduceOnly;
        this.updateTime = time;
        this.restingSince = time;
    }

    BigDecimal remaining() {
        return origQty.subtract(executedQty);
    }

    void fill(BigDecimal qty, BigDecimal fillPrice, long time) {
        executedQty = executedQty.add(qty);
        cumQuote = cumQuote.add(qty.multiply(fillPrice));
        status = remaining().signum() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updateTime = time;
    }

    void finish(OrderStatus finalStatus, long time) {
        status = finalStatus;
        updateTime = time;
    }

    Order toOrder() {
        BigDecimal avg = executedQty.signum() == 0 ? BigDecimal.ZERO
                : cumQuote.divide(executedQty, 8, RoundingMode.HALF_UP);
        return new Order(orderId, clientOrderId, symbol, side, type, status, price == null ? BigDecimal.ZERO : price,
                origQty, executedQty, avg, cumQuote, reduceOnly, updateTime);
    }
}
