package io.marketintel.runtime.market.sim;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrderType;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binance's order filters as the paper exchange enforces them: PRICE_FILTER, LOT_SIZE /
 * MARKET_LOT_SIZE, MIN_NOTIONAL and reduce-only, for orders and conditional orders. A refusal is an {@link ErrorCode#INVALID_PARAMETER}
 * whose message names the rule and the values, with the same facts in its details.
 */
final class OrderRules {

    private OrderRules() {
    }

    /**
     * Checks price and quantity filters and the minimum notional.
     *
     * @param referencePrice the price the notional of a market order is judged at (the last price)
     */
    static void checkFilters(SymbolInfo info, OrderRequest request, BigDecimal referencePrice) {
        boolean market = request.type() == OrderType.MARKET;
        String lotRule = market ? "MARKET_LOT_SIZE" : "LOT_SIZE";
        BigDecimal step = market ? info.marketStepSize() : info.stepSize();
        BigDecimal minQty = market ? info.marketMinQty() : info.minQty();
        BigDecimal maxQty = market ? info.marketMaxQty() : info.maxQty();
        BigDecimal qty = request.quantity();
        if (!multipleOf(qty, step)) {
            throw refuse(lotRule, "quantity", "quantity " + plain(qty) + " is not a multiple of stepSize "
                    + plain(step) + " (" + lotRule + ")", qty, "stepSize", step);
        }
        if (qty.compareTo(minQty) < 0) {
            throw refuse(lotRule, "quantity", "quantity " + plain(qty) + " is below minQty " + plain(minQty)
                    + " (" + lotRule + ")", qty, "minQty", minQty);
        }
        if (qty.compareTo(maxQty) > 0) {
            throw refuse(lotRule, "quantity", "quantity " + plain(qty) + " is above maxQty " + plain(maxQty)
                    + " (" + lotRule + ")", qty, "maxQty", maxQty);
        }
        BigDecimal price = request.price();
        if (!market) {
            if (!multipleOf(price, info.tickSize())) {
                throw refuse("PRICE_FILTER", "price", "price " + plain(price) + " is not a multiple of tickSize "
                        + plain(info.tickSize()) + " (PRICE_FILTER)", price, "tickSize", info.tickSize());
            }
            if (price.compareTo(info.minPrice()) < 0) {
                throw refuse("PRICE_FILTER", "price", "price " + plain(price) + " is below minPrice "
                        + plain(info.minPrice()) + " (PRICE_FILTER)", price, "minPrice", info.minPrice());
            }
            if (price.compareTo(info.maxPrice()) > 0) {
                throw refuse("PRICE_FILTER", "price", "price " + plain(price) + " is above maxPrice "
                        + plain(info.maxPrice()) + " (PRICE_FILTER)", price, "maxPrice", info.maxPrice());
            }
        }
        if (!request.reduceOnly()) {
            BigDecimal notional = qty.multiply(market ? referencePrice : price);
            if (notional.compareTo(info.minNotional()) < 0) {
                throw refuse("MIN_NOTIONAL", "quantity", "notional " + plain(notional) + " (quantity "
                        + plain(qty) + " × price " + plain(market ? referencePrice : price)
                        + ") is below MIN_NOTIONAL " + plain(info.minNotional()), notional, "minNotional",
                        info.minNotional());
            }
        }
    }

    /**
     * Refuses a reduce-only order that would open, increase or flip the position.
     *
     * @param position signed position size
     * @param signedQty signed order quantity (+ buy, − sell)
     */
    static void checkReduceOnly(BigDecimal position, BigDecimal signedQty) {
        if (position.signum() == 0 || position.signum() == signedQty.signum()) {
            throw refuse("REDUCE_ONLY", "reduceOnly", "reduceOnly order of " + plain(signedQty)
                    + " would increase the position of " + plain(position) + " (REDUCE_ONLY)", signedQty, "position",
                    position);
        }
        if (signedQty.abs().compareTo(position.abs()) > 0) {
            throw refuse("REDUCE_ONLY", "reduceOnly", "reduceOnly order of " + plain(signedQty)
                    + " would flip the position of " + plain(position) + " (REDUCE_ONLY)", signedQty, "position",
                    position);
        }
    }

    /**
     * Checks a conditional order's prices and quantity as the order it triggers will be checked: the trigger and
     * activation prices against PRICE_FILTER; the quantity against MARKET_LOT_SIZE (market types) or LOT_SIZE and
     * the limit price against PRICE_FILTER (STOP / TAKE_PROFIT); MIN_NOTIONAL, unless it only reduces, at the limit
     * price, else at the trigger (or activation) price, else at {@code currentPrice}. A close-position order has no
     * quantity to check.
     */
    static void checkConditional(SymbolInfo info, ConditionalOrderRequest request, BigDecimal currentPrice) {
        checkPrice(info, "triggerPrice", request.triggerPrice());
        checkPrice(info, "activationPrice", request.activationPrice());
        if (request.closePosition()) {
            return;
        }
        boolean reduces = request.reduceOnly();
        OrderRequest order;
        BigDecimal reference = currentPrice;
        if (request.type().isLimit()) {
            order = new OrderRequest(request.symbol(), request.side(), OrderType.LIMIT, request.quantity(),
                    request.price(), request.timeInForce(), reduces, request.clientAlgoId());
        } else {
            order = OrderRequest.market(request.symbol(), request.side(), request.quantity(), reduces,
                    request.clientAlgoId());
            if (request.type() == ConditionalOrderType.TRAILING_STOP_MARKET) {
                reference = request.activationPrice() != null ? request.activationPrice() : currentPrice;
            } else {
                reference = request.triggerPrice();
            }
        }
        checkFilters(info, order, reference);
    }

    /** PRICE_FILTER on a price field other than the limit price (null: nothing to check). */
    static void checkPrice(SymbolInfo info, String parameter, BigDecimal price) {
        if (price == null) {
            return;
        }
        if (!multipleOf(price, info.tickSize())) {
            throw refuse("PRICE_FILTER", parameter, parameter + " " + plain(price) + " is not a multiple of tickSize "
                    + plain(info.tickSize()) + " (PRICE_FILTER)", price, "tickSize", info.tickSize());
        }
        if (info.minPrice() != null && price.compareTo(info.minPrice()) < 0) {
            throw refuse("PRICE_FILTER", parameter, parameter + " " + plain(price) + " is below minPrice "
                    + plain(info.minPrice()) + " (PRICE_FILTER)", price, "minPrice", info.minPrice());
        }
        if (info.maxPrice() != null && info.maxPrice().signum() > 0 && price.compareTo(info.maxPrice()) > 0) {
            throw refuse("PRICE_FILTER", parameter, parameter + " " + plain(price) + " is above maxPrice "
                    + plain(info.maxPrice()) + " (PRICE_FILTER)", price, "maxPrice", info.maxPrice());
        }
    }

    /**
     * Refuses a reduce-only conditional order with no position on the other side to reduce. (Its size is not
     * compared with the position: several take-profits may share one; each is capped at what is left when it
     * triggers.)
     *
     * @param position signed position size
     * @param side     the conditional order's side
     */
    static void checkReduceOnlyConditional(BigDecimal position, Side side) {
        if (position.signum() == 0 || position.signum() == side.sign()) {
            String needed = side == Side.SELL ? "long" : "short";
            throw refuse("REDUCE_ONLY", "reduceOnly", "reduceOnly " + side + " conditional order needs a " + needed
                    + " position to reduce, the position is " + plain(position) + " (REDUCE_ONLY)", position,
                    "position", position);
        }
    }

    static boolean multipleOf(BigDecimal value, BigDecimal increment) {
        return increment.signum() <= 0 || value.remainder(increment).signum() == 0;
    }

    private static IntelException refuse(String rule, String parameter, String message, BigDecimal value,
                                         String limitName, BigDecimal limit) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", rule);
        details.put("parameter", parameter);
        details.put("value", plain(value));
        details.put(limitName, plain(limit));
        return new IntelException(ErrorCode.INVALID_PARAMETER, message, details);
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
