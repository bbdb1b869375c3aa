package io.marketintel.runtime.market.binance;

import io.vertx.core.http.HttpMethod;
import java.util.Map;

/**
 * Every Binance USDⓈ-M REST endpoint the connector calls, with its method, security, endpoint family (one
 * circuit breaker each) and request weight as Binance documents it (see {@link #cost(Map)}).
 */
enum Endpoint {
    PING(HttpMethod.GET, "/fapi/v1/ping", Family.MARKET, false),
    TIME(HttpMethod.GET, "/fapi/v1/time", Family.MARKET, false),
    EXCHANGE_INFO(HttpMethod.GET, "/fapi/v1/exchangeInfo", Family.MARKET, false),
    DEPTH(HttpMethod.GET, "/fapi/v1/depth", Family.MARKET, false),
    KLINES(HttpMethod.GET, "/fapi/v1/klines", Family.MARKET, false),
    PREMIUM_INDEX(HttpMethod.GET, "/fapi/v1/premiumIndex", Family.MARKET, false),
    FUNDING_RATE(HttpMethod.GET, "/fapi/v1/fundingRate", Family.MARKET, false),
    OPEN_INTEREST(HttpMethod.GET, "/fapi/v1/openInterest", Family.MARKET, false),
    TICKER_24H(HttpMethod.GET, "/fapi/v1/ticker/24hr", Family.MARKET, false),
    BOOK_TICKER(HttpMethod.GET, "/fapi/v1/ticker/bookTicker", Family.MARKET, false),
    OPEN_INTEREST_HIST(HttpMethod.GET, "/futures/data/openInterestHist", Family.STATISTICS, false),
    GLOBAL_LONG_SHORT_ACCOUNT_RATIO(HttpMethod.GET, "/futures/data/globalLongShortAccountRatio", Family.STATISTICS,
            false),
    TOP_LONG_SHORT_ACCOUNT_RATIO(HttpMethod.GET, "/futures/data/topLongShortAccountRatio", Family.STATISTICS, false),
    TOP_LONG_SHORT_POSITION_RATIO(HttpMethod.GET, "/futures/data/topLongShortPositionRatio", Family.STATISTICS,
            false),
    TAKER_LONG_SHORT_RATIO(HttpMethod.GET, "/futures/data/takerlongshortRatio", Family.STATISTICS, false),
    LEVERAGE_BRACKET(HttpMethod.GET, "/fapi/v1/leverageBracket", Family.ACCOUNT, true),
    POSITION_RISK(HttpMethod.GET, "/fapi/v2/positionRisk", Family.ACCOUNT, true),
    ACCOUNT(HttpMethod.GET, "/fapi/v3/account", Family.ACCOUNT, true),
    ORDER_QUERY(HttpMethod.GET, "/fapi/v1/order", Family.ACCOUNT, true),
    OPEN_ORDERS(HttpMethod.GET, "/fapi/v1/openOrders", Family.ACCOUNT, true),
    ALGO_ORDER_QUERY(HttpMethod.GET, "/fapi/v1/algoOrder", Family.ACCOUNT, true),
    OPEN_ALGO_ORDERS(HttpMethod.GET, "/fapi/v1/openAlgoOrders", Family.ACCOUNT, true),
    ORDER_NEW(HttpMethod.POST, "/fapi/v1/order", Family.TRADE, true),
    ORDER_CANCEL(HttpMethod.DELETE, "/fapi/v1/order", Family.TRADE, true),
    LEVERAGE(HttpMethod.POST, "/fapi/v1/leverage", Family.TRADE, true),
    ALGO_ORDER_NEW(HttpMethod.POST, "/fapi/v1/algoOrder", Family.TRADE, true),
    ALGO_ORDER_CANCEL(HttpMethod.DELETE, "/fapi/v1/algoOrder", Family.TRADE, true);

    /** Endpoint families; each has its own circuit breaker. */
    enum Family {
        /** Public market data under {@code /fapi/v1}. */
        MARKET("market"),
        /** Public statistics under {@code /futures/data}. */
        STATISTICS("statistics"),
        /** Signed reads: account, positions, orders, brackets. */
        ACCOUNT("account"),
        /** Signed writes: orders, leverage. */
        TRADE("trade");

        private final String label;

        Family(String label) {
            this.label = label;
        }

        /** Lower-case name for messages and status. */
        String label() {
            return label;
        }
    }

    private final HttpMethod method;
    private final String path;
    private final Family family;
    private final boolean signed;

    Endpoint(HttpMethod method, String path, Family family, boolean signed) {
        this.method = method;
        this.path = path;
        this.family = family;
        this.signed = signed;
    }

    HttpMethod method() {
        return method;
    }

    String path() {
        return path;
    }

    Family family() {
        return family;
    }

    /** Whether the endpoint needs the API key and a signature. */
    boolean signed() {
        return signed;
    }

    /** Whether a failed attempt may simply be repeated (GETs only; writes are never resent blindly). */
    boolean idempotent() {
        return method == HttpMethod.GET;
    }

    /** {@code GET /fapi/v1/depth}, for messages. */
    String label() {
        return method.name() + " " + path;
    }

    /**
     * The documented cost of a call with {@code params}:
     * <ul>
     *   <li>depth: limit 5, 10, 20, 50 → 2; 100 → 5; 500 (default) → 10; 1000 → 20</li>
     *   <li>klines: limit [1, 100) → 1; [100, 500) → 2; [500, 1000] → 5 (default 500); above 1000 → 10</li>
     *   <li>premiumIndex: 1 with symbol, 10 without; ticker/24hr: 1 / 40; ticker/bookTicker: 2 / 5;
     *   openOrders and openAlgoOrders: 1 / 40</li>
     *   <li>fundingRate: 1, plus one call of its own 500 per 5 min bucket</li>
     *   <li>{@code /futures/data/*}: weight 0, one call of the 1000 per 5 min statistics bucket</li>
     *   <li>positionRisk (v2), account (v3): 5</li>
     *   <li>new order and new algo order: 0 weight, one order against the ORDERS limits</li>
     *   <li>everything else (ping, time, exchangeInfo, openInterest, order query/cancel, leverage,
     *   leverageBracket, algo order query/cancel): 1</li>
     * </ul>
     */
    Cost cost(Map<String, String> params) {
        boolean symbol = params.containsKey("symbol");
        return switch (this) {
            case DEPTH -> Cost.weight(depthWeight(intParam(params, "limit", 500)));
            case KLINES -> Cost.weight(klinesWeight(intParam(params, "limit", 500)));
            case PREMIUM_INDEX -> Cost.weight(symbol ? 1 : 10);
            case TICKER_24H -> Cost.weight(symbol ? 1 : 40);
            case BOOK_TICKER -> Cost.weight(symbol ? 2 : 5);
            case OPEN_ORDERS, OPEN_ALGO_ORDERS -> Cost.weight(symbol ? 1 : 40);
            case FUNDING_RATE -> new Cost(1, 0, 0, 1);
            case OPEN_INTEREST_HIST, GLOBAL_LONG_SHORT_ACCOUNT_RATIO, TOP_LONG_SHORT_ACCOUNT_RATIO,
                    TOP_LONG_SHORT_POSITION_RATIO, TAKER_LONG_SHORT_RATIO -> new Cost(0, 0, 1, 0);
            case POSITION_RISK, ACCOUNT -> Cost.weight(5);
            case ORDER_NEW, ALGO_ORDER_NEW -> new Cost(0, 1, 0, 0);
            default -> Cost.weight(1);
        };
    }

    /** Weight of {@code GET /fapi/v1/depth} with {@code limit}. */
    static int depthWeight(int limit) {
        if (limit <= 50) {
            return 2;
        } else if (limit <= 100) {
            return 5;
        } else if (limit <= 500) {
            return 10;
        }
        return 20;
    }

    /** Weight of {@code GET /fapi/v1/klines} with {@code limit}. */
    static int klinesWeight(int limit) {
        if (limit < 100) {
            return 1;
        } else if (limit < 500) {
            return 2;
        } else if (limit <= 1000) {
            return 5;
        }
        return 10;
    }

    private static int intParam(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
