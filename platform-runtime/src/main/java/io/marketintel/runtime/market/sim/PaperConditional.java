package io.marketintel.runtime.market.sim;

import io.marketintel.api.trading.ConditionalOrder;
import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.ConditionalOrderType;
import io.marketintel.api.trading.Side;
import io.marketintel.api.trading.WorkingType;
import java.math.BigDecimal;

/**
 * The mutable state of one paper conditional (algo) order; guarded by the {@link PaperExchange}'s lock.
 *
 * <p>Trigger rules, as Binance documents them for {@code workingType}'s price {@code p}:
 * <ul>
 *   <li>TAKE_PROFIT / TAKE_PROFIT_MARKET: SELL when {@code p >= triggerPrice}, BUY when {@code p <= triggerPrice};</li>
 *   <li>STOP / STOP_MARKET: SELL when {@code p <= triggerPrice}, BUY when {@code p >= triggerPrice};</li>
 *   <li>TRAILING_STOP_MARKET: armed at placement (or, with an activation price, once a SELL sees
 *   {@code p >= activationPrice} / a BUY {@code p <= activationPrice}); then a SELL triggers when {@code p} falls
 *   {@code callbackRate} % below the highest price since it was armed, a BUY when {@code p} rises that much above
 *   the lowest.</li>
 * </ul>
 * An order whose rule already holds at placement "would immediately trigger" (Binance {@code -2021}).
 */
final class PaperConditional {

    final long algoId;
    final String clientAlgoId;
    final String symbol;
    final Side side;
    final ConditionalOrderType type;
    final BigDecimal quantity;
    final BigDecimal triggerPrice;
    final BigDecimal price;
    final io.marketintel.api.trading.TimeInForce timeInForce;
    final WorkingType workingType;
    final boolean reduceOnly;
    final boolean closePosition;
    final boolean priceProtect;
    final BigDecimal activationPrice;
    final BigDecimal callbackRate;
    final long createTime;

    ConditionalOrderStatus status = ConditionalOrderStatus.NEW;
    long updateTime;
    long triggerTime;
    /** The order placed when it triggered, or null. */
    PaperOrder actual;

    // trailing stops: whether armed, and the best price seen since
    private boolean armed;
    private double extreme;

    PaperConditional(long algoId, ConditionalOrderRequest r, long time) {
        this.algoId = algoId;
        this.clientAlgoId = r.clientAlgoId();
        this.symbol = r.symbol();
        this.side = r.side();
        this.type = r.type();
        this.quantity = r.quantity();
        this.triggerPrice = r.triggerPrice();
        this.price = r.price();
        this.timeInForce = r.timeInForce();
        this.workingType = r.workingType() == null ? WorkingType.CONTRACT_PRICE : r.workingType();
        this.reduceOnly = r.reduceOnly();
        this.closePosition = r.closePosition();
        this.priceProtect = r.priceProtect();
        this.activationPrice = r.activationPrice();
        this.callbackRate = r.callbackRate();
        this.createTime = time;
        this.updateTime = time;
    }

    /** Whether its triggered order may only reduce the position. */
    boolean reducing() {
        return reduceOnly || closePosition;
    }

    /**
     * +1 when the order triggers on a price at or above its trigger price, −1 at or below (for a trailing stop:
     * the side of its activation price).
     */
    int direction() {
        boolean takeProfit = type == ConditionalOrderType.TAKE_PROFIT || type == ConditionalOrderType.TAKE_PROFIT_MARKET;
        if (type == ConditionalOrderType.TRAILING_STOP_MARKET) {
            return side == Side.SELL ? 1 : -1;     // a SELL is armed by a rise to its activation price
        }
        return (takeProfit == (side == Side.SELL)) ? 1 : -1;
    }

    /**
     * Why the order would trigger at once at {@code current} (Binance -2021), or null when it would not. For a
     * trailing stop only its activation price is checked: a SELL's must be above the price, a BUY's below.
     */
    String immediateTrigger(double current) {
        BigDecimal level = type == ConditionalOrderType.TRAILING_STOP_MARKET ? activationPrice : triggerPrice;
        if (level == null) {
            return null;
        }
        double l = level.doubleValue();
        boolean now = direction() > 0 ? current >= l : current <= l;
        if (!now) {
            return null;
        }
        String what = type == ConditionalOrderType.TRAILING_STOP_MARKET ? "activationPrice" : "triggerPrice";
        return type + " " + side + " " + (type == ConditionalOrderType.TRAILING_STOP_MARKET ? "activates" : "triggers")
                + " when the " + priceName() + " is " + (direction() > 0 ? "at or above " : "at or below ") + what
                + " " + OrderRules.plain(level) + ", and it is " + OrderRules.plain(BigDecimal.valueOf(current)) + " now";
    }

    /** The watched price, in words. */
    String priceName() {
        return workingType == WorkingType.MARK_PRICE ? "mark price" : "last price";
    }

    /** Arms a trailing stop without activation price at placement, with the price then. */
    void armAt(double current) {
        if (type == ConditionalOrderType.TRAILING_STOP_MARKET && activationPrice == null) {
            armed = true;
            extreme = current;
        }
    }

    /**
     * Feeds the watched price of one second; answers whether the order triggers on it.
     */
    boolean observe(double p) {
        if (type != ConditionalOrderType.TRAILING_STOP_MARKET) {
            double l = triggerPrice.doubleValue();
            return direction() > 0 ? p >= l : p <= l;
        }
        double rate = callbackRate.doubleValue() / 100;
        if (!armed) {
            double a = activationPrice.doubleValue();
            if (side == Side.SELL ? p >= a : p <= a) {
                armed = true;
                extreme = p;
            }
            return false;
        }
        if (side == Side.SELL) {
            extreme = Math.max(extreme, p);
            return p <= extreme * (1 - rate);
        }
        extreme = Math.min(extreme, p);
        return p >= extreme * (1 + rate);
    }

    void finish(ConditionalOrderStatus finalStatus, long time) {
        status = finalStatus;
        updateTime = time;
    }

    /** Records the order its trigger placed. */
    void triggered(PaperOrder order, long time) {
        actual = order;
        triggerTime = time;
        finish(order.status.isOpen() ? ConditionalOrderStatus.TRIGGERED : ConditionalOrderStatus.FINISHED, time);
    }

    /** A TRIGGERED order whose order has left the book becomes FINISHED. */
    void refresh() {
        if (status == ConditionalOrderStatus.TRIGGERED && actual != null && !actual.status.isOpen()) {
            finish(ConditionalOrderStatus.FINISHED, Math.max(updateTime, actual.updateTime));
        }
    }

    ConditionalOrder toConditionalOrder() {
        BigDecimal shownTrigger = type == ConditionalOrderType.TRAILING_STOP_MARKET ? activationPrice : triggerPrice;
        return new ConditionalOrder(algoId, clientAlgoId, symbol, side, type, status, quantity, shownTrigger, price,
                timeInForce, workingType, reduceOnly, closePosition, priceProtect,
                actual == null ? "" : Long.toString(actual.orderId), createTime, updateTime, triggerTime);
    }
}
