package io.marketintel.api.trading;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A conditional order for {@code POST /fapi/v1/algoOrder} ({@code algoType=CONDITIONAL}). Validated here,
 * naming the field: market types need a trigger price and either a quantity or {@code closePosition};
 * STOP / TAKE_PROFIT also need a limit price and a quantity; TRAILING_STOP_MARKET needs a quantity and a
 * callback rate (0.1 … 10 %) and takes an optional activation price.
 *
 * @param symbol          symbol
 * @param side            BUY or SELL
 * @param type            conditional type
 * @param quantity        base quantity (a multiple of the step size); null with {@code closePosition}
 * @param triggerPrice    trigger price (a multiple of the tick size); null for trailing stops
 * @param price           limit price of STOP / TAKE_PROFIT, else null
 * @param timeInForce     GTC, IOC or FOK for STOP / TAKE_PROFIT; null means GTC
 * @param workingType     price the trigger watches; null means Binance's default (CONTRACT_PRICE)
 * @param reduceOnly      may only reduce a position (not with {@code closePosition})
 * @param closePosition   close the whole position when triggered (STOP_MARKET / TAKE_PROFIT_MARKET only)
 * @param priceProtect    Binance's trigger protection (STOP_MARKET / TAKE_PROFIT_MARKET)
 * @param activationPrice trailing stop activation price, or null
 * @param callbackRate    trailing stop callback rate in percent, or null
 * @param clientAlgoId    idempotency key, {@code ^[.A-Z:/a-z0-9_-]{1,36}$}
 */
public record ConditionalOrderRequest(
        String symbol,
        Side side,
        ConditionalOrderType type,
        BigDecimal quantity,
        BigDecimal triggerPrice,
        BigDecimal price,
        TimeInForce timeInForce,
        WorkingType workingType,
        boolean reduceOnly,
        boolean closePosition,
        boolean priceProtect,
        BigDecimal activationPrice,
        BigDecimal callbackRate,
        String clientAlgoId) {

    private static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    private static final BigDecimal MIN_CALLBACK = new BigDecimal("0.1");
    private static final BigDecimal MAX_CALLBACK = BigDecimal.TEN;

    public ConditionalOrderRequest {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("field [symbol] is missing");
        }
        Objects.requireNonNull(side, "field [side] is missing");
        Objects.requireNonNull(type, "field [type] is missing");
        if (clientAlgoId == null || !CLIENT_ID.matcher(clientAlgoId).matches()) {
            throw new IllegalArgumentException("field [clientAlgoId] must match ^[.A-Z:/a-z0-9_-]{1,36}$, was "
                    + (clientAlgoId == null ? "missing" : "\"" + clientAlgoId + "\""));
        }
        positive("quantity", quantity);
        positive("triggerPrice", triggerPrice);
        positive("price", price);
        positive("activationPrice", activationPrice);
        if (closePosition && reduceOnly) {
            throw new IllegalArgumentException("fields [closePosition] and [reduceOnly] cannot both be set");
        }
        if (closePosition && quantity != null) {
            throw new IllegalArgumentException("field [quantity] must be absent with [closePosition]");
        }
        if (timeInForce == TimeInForce.GTX) {
            throw new IllegalArgumentException("field [timeInForce] must be GTC, IOC or FOK, was GTX");
        }
        switch (type) {
            case STOP_MARKET, TAKE_PROFIT_MARKET -> {
                require("triggerPrice", triggerPrice, type);
                if (!closePosition) {
                    require("quantity", quantity, type);
                }
                absent("price", price, type);
                absent("callbackRate", callbackRate, type);
                absent("activationPrice", activationPrice, type);
            }
            case STOP, TAKE_PROFIT -> {
                require("triggerPrice", triggerPrice, type);
                require("price", price, type);
                require("quantity", quantity, type);
                noClose(closePosition, type);
                absent("callbackRate", callbackRate, type);
                absent("activationPrice", activationPrice, type);
                timeInForce = timeInForce == null ? TimeInForce.GTC : timeInForce;
            }
            case TRAILING_STOP_MARKET -> {
                require("quantity", quantity, type);
                require("callbackRate", callbackRate, type);
                if (callbackRate.compareTo(MIN_CALLBACK) < 0 || callbackRate.compareTo(MAX_CALLBACK) > 0) {
                    throw new IllegalArgumentException("field [callbackRate] must be within [0.1, 10] percent, was "
                            + callbackRate.toPlainString());
                }
                absent("triggerPrice", triggerPrice, type);
                absent("price", price, type);
                noClose(closePosition, type);
            }
            default -> throw new IllegalArgumentException("field [type] " + type + " is not supported");
        }
        if (!type.isLimit() && timeInForce != null) {
            throw new IllegalArgumentException("field [timeInForce] applies to STOP and TAKE_PROFIT only, not " + type);
        }
    }

    /** A stop-loss market order for {@code quantity}, triggered by the mark price. */
    public static ConditionalOrderRequest stopMarket(String symbol, Side side, BigDecimal quantity,
                                                     BigDecimal triggerPrice, boolean reduceOnly,
                                                     String clientAlgoId) {
        return new ConditionalOrderRequest(symbol, side, ConditionalOrderType.STOP_MARKET, quantity, triggerPrice, null,
                null, WorkingType.MARK_PRICE, reduceOnly, false, false, null, null, clientAlgoId);
    }

    /** A take-profit market order for {@code quantity}, triggered by the mark price. */
    public static ConditionalOrderRequest takeProfitMarket(String symbol, Side side, BigDecimal quantity,
                                                           BigDecimal triggerPrice, boolean reduceOnly,
                                                           String clientAlgoId) {
        return new ConditionalOrderRequest(symbol, side, ConditionalOrderType.TAKE_PROFIT_MARKET, quantity,
                triggerPrice, null, null, WorkingType.MARK_PRICE, reduceOnly, false, false, null, null, clientAlgoId);
    }

    /** A stop market order that closes the whole position, triggered by the mark price. */
    public static ConditionalOrderRequest closePositionStop(String symbol, Side side, BigDecimal triggerPrice,
                                                            String clientAlgoId) {
        return new ConditionalOrderRequest(symbol, side, ConditionalOrderType.STOP_MARKET, null, triggerPrice, null,
                null, WorkingType.MARK_PRICE, false, true, false, null, null, clientAlgoId);
    }

    private static void positive(String name, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException("field [" + name + "] must be positive, was " + value.toPlainString());
        }
    }

    private static void require(String name, Object value, ConditionalOrderType type) {
        if (value == null) {
            throw new IllegalArgumentException("field [" + name + "] is required for " + type);
        }
    }

    private static void absent(String name, Object value, ConditionalOrderType type) {
        if (value != null) {
            throw new IllegalArgumentException("field [" + name + "] does not apply to " + type);
        }
    }

    private static void noClose(boolean closePosition, ConditionalOrderType type) {
        if (closePosition) {
            throw new IllegalArgumentException("field [closePosition] applies to STOP_MARKET and TAKE_PROFIT_MARKET "
                    + "only, not " + type);
        }
    }
}
