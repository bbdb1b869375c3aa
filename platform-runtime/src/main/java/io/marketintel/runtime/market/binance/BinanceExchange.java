package io.marketintel.runtime.market.binance;

import io.marketintel.api.trading.ConditionalOrderRequest;
import io.marketintel.api.trading.ConditionalOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Position;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@link Exchange} on Binance's signed USDⓈ-M endpoints: positions ({@code GET /fapi/v2/positionRisk}), account
 * ({@code GET /fapi/v3/account}), orders ({@code POST/DELETE/GET /fapi/v1/order}, {@code GET /fapi/v1/openOrders}),
 * leverage ({@code POST /fapi/v1/leverage}) and conditional orders ({@code /fapi/v1/algoOrder}, which Binance now
 * requires for STOP_MARKET, TAKE_PROFIT_MARKET and the other conditional types).
 *
 * <p>Client order ids are idempotency keys. A write whose outcome is unknown (timeout, 5xx, garbled answer) is
 * never resent: the order is looked up by its client id first and returned when Binance has it; when Binance
 * does not know it the call fails with {@code UPSTREAM_UNAVAILABLE} and placing it again with the same id is the
 * caller's safe retry. An id Binance reports as duplicated returns the existing order. Without credentials every
 * call fails with {@code UPSTREAM_UNAVAILABLE} saying credentials are needed. Obtain it from
 * {@link BinanceMarket#exchange()}.
 */
public final class BinanceExchange implements Exchange {

    /** Binance's "Order does not exist." */
    static final int ORDER_DOES_NOT_EXIST = -2013;
    /** Binance's "Unknown order sent." (cancel of a finished or unknown order). */
    static final int UNKNOWN_ORDER = -2011;
    /** Binance's "Client order id is not valid." */
    static final int CLIENT_ORDER_ID_INVALID = -4015;
    /** Binance's "ClientOrderId is duplicated." */
    static final int CLIENT_ORDER_ID_DUPLICATED = -4116;

    private static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    private static final Set<Integer> CALLER_MISTAKES = Set.of(-1013, -1102, -1106, -1111, -1130, -4003, -4004,
            -4005, -4013, -4014, -4015, -4023, -4024, -4028, -4164);
    private static final Set<Integer> STATE_CONFLICTS = Set.of(-2019, -2020, -2021, -2022, -2027, -2028, -4046, -4059,
            -5021, -5022);

    private final BinanceTransport transport;

    BinanceExchange(BinanceTransport transport) {
        this.transport = transport;
    }

    @Override
    public String name() {
        return "binance";
    }

    @Override
    public boolean paper() {
        return false;
    }

    @Override
    public Future<Account> account() {
        return read(Endpoint.ACCOUNT, Map.of(), null, BinanceParsers::account);
    }

    @Override
    public Future<List<Position>> positions() {
        return read(Endpoint.POSITION_RISK, Map.of(), null, BinanceParsers::positions);
    }

    @Override
    public Future<Order> placeOrder(OrderRequest request) {
        if (request == null) {
            return Future.failedFuture(IntelException.invalidParameter("request", "parameter [request] is missing"));
        }
        String symbol;
        try {
            symbol = BinanceMarketData.symbol(request.symbol());
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("side", request.side().name());
        p.put("type", request.type().name());
        p.put("quantity", request.quantity().toPlainString());
        if (request.type() == OrderType.LIMIT) {
            p.put("timeInForce", request.timeInForce().name());
            p.put("price", request.price().toPlainString());
        }
        if (request.reduceOnly()) {
            p.put("reduceOnly", "true");
        }
        p.put("newClientOrderId", request.clientOrderId());
        p.put("newOrderRespType", "RESULT");
        String id = request.clientOrderId();
        return transport.call(Endpoint.ORDER_NEW, p).transform(ar -> {
            if (ar.succeeded()) {
                return parse(Endpoint.ORDER_NEW, ar.result(), BinanceParsers::order);
            }
            Throwable f = ar.cause();
            if (f instanceof BinanceFailure bf && bf.outcomeUnknown()) {
                return afterUnknownOutcome(Endpoint.ORDER_NEW, symbol, id, bf);
            }
            if (f instanceof BinanceFailure bf && (bf.binanceCode() == CLIENT_ORDER_ID_DUPLICATED
                    || bf.binanceCode() == CLIENT_ORDER_ID_INVALID)) {
                // The id is taken: the order already exists; answer it instead of a second one.
                return order(symbol, id).recover(lookup -> Future.failedFuture(orderFailure(Endpoint.ORDER_NEW,
                        bf, symbol, id)));
            }
            return Future.failedFuture(orderFailure(Endpoint.ORDER_NEW, f, symbol, id));
        });
    }

    @Override
    public Future<Order> cancelOrder(String symbol, String clientOrderId) {
        String s;
        try {
            s = BinanceMarketData.symbol(symbol);
            clientId("clientOrderId", clientOrderId);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        return transport.call(Endpoint.ORDER_CANCEL, BinanceMarketData.params("symbol", s, "origClientOrderId",
                clientOrderId)).transform(ar -> {
                    if (ar.succeeded()) {
                        return parse(Endpoint.ORDER_CANCEL, ar.result(), BinanceParsers::order);
                    }
                    Throwable f = ar.cause();
                    if (f instanceof BinanceFailure bf && bf.outcomeUnknown()) {
                        return order(s, clientOrderId).transform(look -> {
                            if (look.succeeded() && !look.result().status().isOpen()) {
                                return Future.succeededFuture(look.result());
                            }
                            return Future.failedFuture(unknownOutcome(Endpoint.ORDER_CANCEL, clientOrderId, s, bf,
                                    look.succeeded() ? "the order is still " + look.result().status()
                                            : "the lookup failed: " + look.cause().getMessage()));
                        });
                    }
                    if (f instanceof BinanceFailure bf && (bf.binanceCode() == UNKNOWN_ORDER
                            || bf.binanceCode() == ORDER_DOES_NOT_EXIST)) {
                        return order(s, clientOrderId).compose(existing -> Future.failedFuture(new IntelException(
                                ErrorCode.CONFLICT, "order [" + clientOrderId + "] of [" + s + "] is "
                                + existing.status() + " and cannot be canceled", Map.of("clientOrderId",
                                clientOrderId, "status", existing.status().name()))));
                    }
                    return Future.failedFuture(orderFailure(Endpoint.ORDER_CANCEL, f, s, clientOrderId));
                });
    }

    @Override
    public Future<Order> order(String symbol, String clientOrderId) {
        String s;
        try {
            s = BinanceMarketData.symbol(symbol);
            clientId("clientOrderId", clientOrderId);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        return transport.call(Endpoint.ORDER_QUERY, BinanceMarketData.params("symbol", s, "origClientOrderId",
                clientOrderId)).transform(ar -> ar.succeeded()
                ? parse(Endpoint.ORDER_QUERY, ar.result(), BinanceParsers::order)
                : Future.failedFuture(orderFailure(Endpoint.ORDER_QUERY, ar.cause(), s, clientOrderId)));
    }

    /**
     * Open MARKET and LIMIT orders of {@code symbol}. Orders of other types (legacy conditional orders placed
     * elsewhere) cannot be represented by {@link Order} and are left out; conditional orders placed through
     * this connector are listed by {@link #openConditionalOrders(String)}.
     */
    @Override
    public Future<List<Order>> openOrders(String symbol) {
        String s;
        try {
            s = BinanceMarketData.symbol(symbol);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        return read(Endpoint.OPEN_ORDERS, BinanceMarketData.params("symbol", s), s, json -> {
            if (!json.isArray()) {
                throw new MalformedAnswer("openOrders is not a JSON array");
            }
            List<Order> out = new ArrayList<>();
            for (JsonNode o : json) {
                if (BinanceParsers.isPlainOrder(o)) {
                    out.add(BinanceParsers.order(o));
                }
            }
            return out;
        });
    }

    @Override
    public Future<Integer> setLeverage(String symbol, int leverage) {
        String s;
        try {
            s = BinanceMarketData.symbol(symbol);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        if (leverage < 1 || leverage > 125) {
            return Future.failedFuture(IntelException.invalidParameter("leverage", "parameter [leverage] must be "
                    + "within [1, 125], was " + leverage));
        }
        return transport.call(Endpoint.LEVERAGE, BinanceMarketData.params("symbol", s, "leverage",
                Integer.toString(leverage))).transform(ar -> {
                    if (ar.succeeded()) {
                        return parse(Endpoint.LEVERAGE, ar.result(), BinanceParsers::leverage);
                    }
                    if (ar.cause() instanceof BinanceFailure bf && bf.binanceCode() == -4028) {
                        return Future.failedFuture(IntelException.invalidParameter("leverage", "parameter [leverage] "
                                + leverage + " is not valid for " + s + " on Binance: " + bf.binanceMessage()));
                    }
                    return Future.failedFuture(Failures.translate(Endpoint.LEVERAGE, ar.cause(), s));
                });
    }

    // ---- conditional (algo) orders ----

    /**
     * Places a conditional order through {@code POST /fapi/v1/algoOrder} ({@code algoType=CONDITIONAL}). The
     * client algo id is the idempotency key: after an unknown outcome or a duplicate id the existing order is
     * looked up ({@code GET /fapi/v1/algoOrder}) and returned; nothing is resent.
     */
    @Override
    public Future<ConditionalOrder> placeConditionalOrder(ConditionalOrderRequest request) {
        if (request == null) {
            return Future.failedFuture(IntelException.invalidParameter("request", "parameter [request] is missing"));
        }
        String symbol;
        try {
            symbol = BinanceMarketData.symbol(request.symbol());
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("algoType", "CONDITIONAL");
        p.put("symbol", symbol);
        p.put("side", request.side().name());
        p.put("type", request.type().name());
        putDecimal(p, "quantity", request.quantity());
        putDecimal(p, "price", request.price());
        putDecimal(p, "triggerPrice", request.triggerPrice());
        if (request.timeInForce() != null) {
            p.put("timeInForce", request.timeInForce().name());
        }
        if (request.workingType() != null) {
            p.put("workingType", request.workingType().name());
        }
        if (request.priceProtect()) {
            p.put("priceProtect", "TRUE");
        }
        if (request.reduceOnly()) {
            p.put("reduceOnly", "true");
        }
        if (request.closePosition()) {
            p.put("closePosition", "true");
        }
        putDecimal(p, "activationPrice", request.activationPrice());
        putDecimal(p, "callbackRate", request.callbackRate());
        p.put("clientAlgoId", request.clientAlgoId());
        String id = request.clientAlgoId();
        return transport.call(Endpoint.ALGO_ORDER_NEW, p).transform(ar -> {
            if (ar.succeeded()) {
                return parse(Endpoint.ALGO_ORDER_NEW, ar.result(), BinanceParsers::algoOrder);
            }
            Throwable f = ar.cause();
            if (f instanceof BinanceFailure bf && (bf.outcomeUnknown()
                    || bf.binanceCode() == CLIENT_ORDER_ID_DUPLICATED)) {
                return conditionalOrder(id).recover(lookup -> Future.failedFuture(bf.outcomeUnknown()
                        ? unknownOutcome(Endpoint.ALGO_ORDER_NEW, id, symbol, bf, lookupReason(lookup))
                        : orderFailure(Endpoint.ALGO_ORDER_NEW, bf, symbol, id)));
            }
            return Future.failedFuture(orderFailure(Endpoint.ALGO_ORDER_NEW, f, symbol, id));
        });
    }

    /** Cancels an open conditional order by client algo id and answers its final state. */
    @Override
    public Future<ConditionalOrder> cancelConditionalOrder(String symbol, String clientAlgoId) {
        return cancelConditionalOrder(clientAlgoId);
    }

    /** Cancels by client algo id (Binance needs no symbol). */
    public Future<ConditionalOrder> cancelConditionalOrder(String clientAlgoId) {
        try {
            clientId("clientAlgoId", clientAlgoId);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        return transport.call(Endpoint.ALGO_ORDER_CANCEL, BinanceMarketData.params("clientAlgoId", clientAlgoId))
                .transform(ar -> {
                    if (ar.succeeded() || ar.cause() instanceof BinanceFailure bf && bf.outcomeUnknown()) {
                        return conditionalOrder(clientAlgoId).compose(o -> !o.status().isOpen()
                                ? Future.succeededFuture(o)
                                : Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE,
                                "cancel of conditional order [" + clientAlgoId + "] did not take effect; it is still "
                                        + o.status(), Map.of("clientAlgoId", clientAlgoId))));
                    }
                    if (ar.cause() instanceof BinanceFailure bf && bf.kind() == BinanceFailure.Kind.REJECTED) {
                        return conditionalOrder(clientAlgoId).compose(existing -> Future.failedFuture(
                                new IntelException(ErrorCode.CONFLICT, "conditional order [" + clientAlgoId + "] is "
                                        + existing.status() + " and cannot be canceled", Map.of("clientAlgoId",
                                        clientAlgoId, "status", existing.status().name()))));
                    }
                    return Future.failedFuture(orderFailure(Endpoint.ALGO_ORDER_CANCEL, ar.cause(), null,
                            clientAlgoId));
                });
    }

    /** The conditional order with this client algo id; {@code NOT_FOUND} when Binance has none. */
    @Override
    public Future<ConditionalOrder> conditionalOrder(String symbol, String clientAlgoId) {
        return conditionalOrder(clientAlgoId);
    }

    /** The conditional order with this client algo id (Binance needs no symbol). */
    public Future<ConditionalOrder> conditionalOrder(String clientAlgoId) {
        try {
            clientId("clientAlgoId", clientAlgoId);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        return transport.call(Endpoint.ALGO_ORDER_QUERY, BinanceMarketData.params("clientAlgoId", clientAlgoId))
                .transform(ar -> ar.succeeded()
                        ? parse(Endpoint.ALGO_ORDER_QUERY, ar.result(), BinanceParsers::algoOrder)
                        : Future.failedFuture(orderFailure(Endpoint.ALGO_ORDER_QUERY, ar.cause(), null,
                        clientAlgoId)));
    }

    /** Open conditional orders of {@code symbol} ({@code GET /fapi/v1/openAlgoOrders}). */
    @Override
    public Future<List<ConditionalOrder>> openConditionalOrders(String symbol) {
        String s;
        try {
            s = BinanceMarketData.symbol(symbol);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        return read(Endpoint.OPEN_ALGO_ORDERS, BinanceMarketData.params("symbol", s), s, json -> {
            JsonNode list = json.isObject() && json.has("orders") ? json.get("orders") : json;
            if (!list.isArray()) {
                throw new MalformedAnswer("openAlgoOrders is not a JSON array");
            }
            List<ConditionalOrder> out = new ArrayList<>();
            list.forEach(o -> out.add(BinanceParsers.algoOrder(o)));
            return out;
        });
    }

    // ---- helpers ----

    private Future<Order> afterUnknownOutcome(Endpoint ep, String symbol, String clientOrderId, BinanceFailure cause) {
        // Never resend blindly: ask Binance whether the order exists under its client id first.
        return order(symbol, clientOrderId).recover(lookup -> Future.failedFuture(unknownOutcome(ep, clientOrderId,
                symbol, cause, lookupReason(lookup))));
    }

    private static String lookupReason(Throwable lookup) {
        return lookup instanceof IntelException ie && ie.code() == ErrorCode.NOT_FOUND
                ? "Binance does not know the order"
                : "the lookup failed: " + lookup.getMessage();
    }

    private static IntelException unknownOutcome(Endpoint ep, String clientId, String symbol, BinanceFailure cause,
                                                 String lookup) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endpoint", ep.label());
        details.put("client_order_id", clientId);
        details.put("outcome", "unknown");
        if (symbol != null) {
            details.put("symbol", symbol);
        }
        return new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "the outcome of " + ep.label() + " for client id ["
                + clientId + "] is unknown (" + cause.getMessage() + "); " + lookup + "; nothing was resent, and "
                + "retrying with the same client id cannot duplicate an order Binance has recorded", details, cause);
    }

    private static IntelException orderFailure(Endpoint ep, Throwable failure, String symbol, String clientId) {
        if (failure instanceof BinanceFailure bf && bf.kind() == BinanceFailure.Kind.REJECTED) {
            int code = bf.binanceCode();
            String what = (clientId == null ? "" : " [" + clientId + "]") + (symbol == null ? "" : " of [" + symbol
                    + "]");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("binance_code", code);
            if (clientId != null) {
                details.put("client_order_id", clientId);
            }
            if (code == ORDER_DOES_NOT_EXIST) {
                return new IntelException(ErrorCode.NOT_FOUND, "order" + what + " does not exist on Binance", details,
                        bf);
            }
            if (code == Failures.INVALID_SYMBOL && symbol != null) {
                return Failures.translate(ep, bf, symbol);
            }
            if (CALLER_MISTAKES.contains(code)) {
                return new IntelException(ErrorCode.INVALID_PARAMETER, "Binance rejected the order" + what + ": "
                        + code + " " + bf.binanceMessage(), details, bf);
            }
            if (STATE_CONFLICTS.contains(code)) {
                return new IntelException(ErrorCode.CONFLICT, "Binance rejected the order" + what + ": " + code + " "
                        + bf.binanceMessage(), details, bf);
            }
        }
        return Failures.translate(ep, failure, symbol);
    }

    private <T> Future<T> read(Endpoint ep, Map<String, String> params, String symbol, Function<JsonNode, T> parser) {
        return transport.call(ep, params).transform(ar -> ar.succeeded() ? parse(ep, ar.result(), parser)
                : Future.failedFuture(Failures.translate(ep, ar.cause(), symbol)));
    }

    private static <T> Future<T> parse(Endpoint ep, JsonNode json, Function<JsonNode, T> parser) {
        try {
            return Future.succeededFuture(parser.apply(json));
        } catch (RuntimeException e) {
            return Future.failedFuture(Failures.unexpected(ep, e));
        }
    }

    private static void putDecimal(Map<String, String> p, String name, java.math.BigDecimal value) {
        if (value != null) {
            p.put(name, value.toPlainString());
        }
    }

    private static void clientId(String name, String value) {
        if (value == null || !CLIENT_ID.matcher(value).matches()) {
            throw IntelException.invalidParameter(name, "parameter [" + name + "] must match ^[.A-Z:/a-z0-9_-]{1,36}$, "
                    + "was " + (value == null ? "missing" : "\"" + value + "\""));
        }
    }
}
