package io.marketintel.api.trading;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An order to place.
 *
 * @param symbol        symbol
 * @param side          BUY or SELL
 * @param type          MARKET or LIMIT
 * @param quantity      base quantity, a positive multiple of the step size
 * @param price         limit price (a multiple of the tick size), null for market orders
 * @param timeInForce   for limit orders; null means GTC
 * @param reduceOnly    whether the order may only reduce a position
 * @param clientOrderId idempotency key, {@code ^[.A-Z:/a-z0-9_-]{1,36}$} as Binance requires
 */
public record OrderRequest(
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal price,
        TimeInForce timeInForce,
        boolean reduceOnly,
        String clientOrderId) {

    private static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");

    public OrderRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("order quantity must be positive, was " + quantity);
        }
        if (type == OrderType.LIMIT) {
            if (price == null || price.signum() <= 0) {
                throw new IllegalArgumentException("a LIMIT order needs a positive price");
            }
            timeInForce = timeInForce == null ? TimeInForce.GTC : timeInForce;
        } else if (price != null) {
            throw new IllegalArgumentException("a MARKET order takes no price");
        }
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (!CLIENT_ID.matcher(clientOrderId).matches()) {
            throw new IllegalArgumentException("clientOrderId [" + clientOrderId
                    + "] must match ^[.A-Z:/a-z0-9_-]{1,36}$");
        }
    }

    /** A market order. */
    public static OrderRequest market(String symbol, Side side, BigDecimal quantity, boolean reduceOnly,
                                      String clientOrderId) {
        return new OrderRequest(symbol, side, OrderType.MARKET, quantity, null, null, reduceOnly, clientOrderId);
    }

    /** A GTC limit order. */
    public static OrderRequest limit(String symbol, Side side, BigDecimal quantity, BigDecimal price,
                                     boolean reduceOnly, String clientOrderId) {
        return new OrderRequest(symbol, side, OrderType.LIMIT, quantity, price, TimeInForce.GTC, reduceOnly,
                clientOrderId);
    }
}
