package io.marketintel.runtime.market.binance;

import io.marketintel.api.trading.ConditionalOrderType;
import io.marketintel.api.trading.WorkingType;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.ConditionalOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.market.BookTicker;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.market.RateLimit;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.MarginType;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.marketintel.api.trading.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Binance USDⓈ-M answers → the API records, exactly as the records' Javadoc describes them. Numbers that
 * Binance sends as strings are parsed from their text (doubles for market data, exact {@link BigDecimal}s
 * for filters and trading amounts); fields that may be numbers or strings (timestamps) are accepted either
 * way; unknown fields are ignored; a missing required field is a {@link MalformedAnswer} naming it.
 */
final class BinanceParsers {

    private BinanceParsers() {
    }

    // ---- market data ----

    static ExchangeInfo exchangeInfo(JsonNode n) {
        requireObject(n, "exchangeInfo");
        List<RateLimit> limits = new ArrayList<>();
        for (JsonNode l : array(n, "rateLimits")) {
            limits.add(new RateLimit(text(l, "rateLimitType"), text(l, "interval"), (int) lng(l, "intervalNum"),
                    (int) lng(l, "limit")));
        }
        List<SymbolInfo> symbols = new ArrayList<>();
        for (JsonNode s : array(n, "symbols")) {
            SymbolInfo info = symbolInfo(s);
            if (info != null) {
                symbols.add(info);
            }
        }
        long serverTime = n.has("serverTime") ? lng(n, "serverTime") : 0L;
        return new ExchangeInfo(serverTime, limits, symbols);
    }

    /** One symbol, or null when it lacks the PRICE_FILTER / LOT_SIZE an order needs. */
    static SymbolInfo symbolInfo(JsonNode s) {
        JsonNode price = null;
        JsonNode lot = null;
        JsonNode market = null;
        JsonNode notional = null;
        for (JsonNode f : s.path("filters")) {
            switch (f.path("filterType").asText()) {
                case "PRICE_FILTER" -> price = f;
                case "LOT_SIZE" -> lot = f;
                case "MARKET_LOT_SIZE" -> market = f;
                case "MIN_NOTIONAL" -> notional = f;
                default -> {
                    // other filters (PERCENT_PRICE, MAX_NUM_ORDERS, …) are not part of the record
                }
            }
        }
        if (price == null || lot == null || !price.has("tickSize") || !lot.has("stepSize")) {
            return null;
        }
        String symbol = text(s, "symbol");
        return new SymbolInfo(symbol, optText(s, "pair", symbol), optText(s, "contractType", ""),
                optText(s, "status", ""), optText(s, "baseAsset", ""), optText(s, "quoteAsset", ""),
                optText(s, "marginAsset", ""), (int) optLng(s, "pricePrecision", 0),
                (int) optLng(s, "quantityPrecision", 0),
                dec(price, "tickSize"), optDec(price, "minPrice"), optDec(price, "maxPrice"),
                dec(lot, "stepSize"), optDec(lot, "minQty"), optDec(lot, "maxQty"),
                market == null ? null : optDec(market, "stepSize"), market == null ? null : optDec(market, "minQty"),
                market == null ? null : optDec(market, "maxQty"),
                notional == null ? null : notional.has("notional") ? optDec(notional, "notional")
                        : optDec(notional, "minNotional"));
    }

    /** The 12-field kline arrays, oldest first. */
    static List<Kline> klines(JsonNode n) {
        requireArray(n, "klines");
        List<Kline> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode k = n.get(i);
            if (!k.isArray() || k.size() < 11) {
                throw new MalformedAnswer("kline [" + i + "] is not an array of at least 11 fields");
            }
            out.add(new Kline(lng(k, 0, "open time"), dbl(k, 1, "open"), dbl(k, 2, "high"), dbl(k, 3, "low"),
                    dbl(k, 4, "close"), dbl(k, 5, "volume"), lng(k, 6, "close time"), dbl(k, 7, "quote volume"),
                    lng(k, 8, "trades"), dbl(k, 9, "taker buy base volume"), dbl(k, 10, "taker buy quote volume")));
        }
        out.sort(Comparator.comparingLong(Kline::openTime));
        return out;
    }

    static OrderBook orderBook(String symbol, JsonNode n) {
        requireObject(n, "depth");
        return new OrderBook(symbol, lng(n, "lastUpdateId"), optLng(n, "E", 0), optLng(n, "T", 0),
                levels(array(n, "bids"), "bids"), levels(array(n, "asks"), "asks"));
    }

    private static List<PriceLevel> levels(JsonNode side, String name) {
        List<PriceLevel> out = new ArrayList<>(side.size());
        for (int i = 0; i < side.size(); i++) {
            JsonNode l = side.get(i);
            if (!l.isArray() || l.size() < 2) {
                throw new MalformedAnswer("[" + name + "][" + i + "] is not a [price, quantity] pair");
            }
            out.add(new PriceLevel(dbl(l, 0, name + " price"), dbl(l, 1, name + " quantity")));
        }
        return out;
    }

    static PremiumIndex premiumIndex(JsonNode n) {
        requireObject(n, "premiumIndex");
        return new PremiumIndex(text(n, "symbol"), dbl(n, "markPrice"), optDbl(n, "indexPrice"),
                optDbl(n, "estimatedSettlePrice"), optDbl(n, "lastFundingRate"), optDbl(n, "interestRate"),
                optLng(n, "nextFundingTime", 0), lng(n, "time"));
    }

    static List<PremiumIndex> premiumIndexes(JsonNode n) {
        if (n.isObject()) {
            return List.of(premiumIndex(n));
        }
        requireArray(n, "premiumIndex");
        List<PremiumIndex> out = new ArrayList<>(n.size());
        n.forEach(e -> out.add(premiumIndex(e)));
        return out;
    }

    /** Funding history, oldest first. */
    static List<FundingRate> fundingRates(JsonNode n) {
        requireArray(n, "fundingRate");
        List<FundingRate> out = new ArrayList<>(n.size());
        for (JsonNode f : n) {
            out.add(new FundingRate(text(f, "symbol"), dbl(f, "fundingRate"), lng(f, "fundingTime"),
                    optDbl(f, "markPrice")));
        }
        out.sort(Comparator.comparingLong(FundingRate::fundingTime));
        return out;
    }

    static OpenInterest openInterest(JsonNode n) {
        requireObject(n, "openInterest");
        return new OpenInterest(text(n, "symbol"), dbl(n, "openInterest"), lng(n, "time"));
    }

    static List<OpenInterestPoint> openInterestHistory(String symbol, JsonNode n) {
        requireArray(n, "openInterestHist");
        List<OpenInterestPoint> out = new ArrayList<>(n.size());
        for (JsonNode p : n) {
            out.add(new OpenInterestPoint(optText(p, "symbol", symbol), dbl(p, "sumOpenInterest"),
                    dbl(p, "sumOpenInterestValue"), lng(p, "timestamp")));
        }
        out.sort(Comparator.comparingLong(OpenInterestPoint::timestamp));
        return out;
    }

    static List<LongShortRatio> longShortRatios(String symbol, JsonNode n) {
        requireArray(n, "longShortRatio");
        List<LongShortRatio> out = new ArrayList<>(n.size());
        for (JsonNode p : n) {
            // topLongShortPositionRatio has carried longPosition/shortPosition in some versions
            double longShare = p.has("longAccount") ? dbl(p, "longAccount") : dbl(p, "longPosition");
            double shortShare = p.has("shortAccount") ? dbl(p, "shortAccount") : dbl(p, "shortPosition");
            out.add(new LongShortRatio(optText(p, "symbol", symbol), dbl(p, "longShortRatio"), longShare, shortShare,
                    lng(p, "timestamp")));
        }
        out.sort(Comparator.comparingLong(LongShortRatio::timestamp));
        return out;
    }

    static List<TakerVolumeRatio> takerRatios(JsonNode n) {
        requireArray(n, "takerlongshortRatio");
        List<TakerVolumeRatio> out = new ArrayList<>(n.size());
        for (JsonNode p : n) {
            out.add(new TakerVolumeRatio(dbl(p, "buySellRatio"), dbl(p, "buyVol"), dbl(p, "sellVol"),
                    lng(p, "timestamp")));
        }
        out.sort(Comparator.comparingLong(TakerVolumeRatio::timestamp));
        return out;
    }

    static Ticker24h ticker(JsonNode n) {
        requireObject(n, "ticker/24hr");
        return new Ticker24h(text(n, "symbol"), dbl(n, "priceChange"), dbl(n, "priceChangePercent"),
                dbl(n, "weightedAvgPrice"), dbl(n, "lastPrice"), dbl(n, "lastQty"), dbl(n, "openPrice"),
                dbl(n, "highPrice"), dbl(n, "lowPrice"), dbl(n, "volume"), dbl(n, "quoteVolume"), lng(n, "openTime"),
                lng(n, "closeTime"), lng(n, "count"));
    }

    static List<Ticker24h> tickers(JsonNode n) {
        if (n.isObject()) {
            return List.of(ticker(n));
        }
        requireArray(n, "ticker/24hr");
        List<Ticker24h> out = new ArrayList<>(n.size());
        n.forEach(t -> out.add(ticker(t)));
        return out;
    }

    static BookTicker bookTicker(JsonNode n) {
        JsonNode t = n.isArray() && n.size() == 1 ? n.get(0) : n;
        requireObject(t, "ticker/bookTicker");
        return new BookTicker(text(t, "symbol"), dbl(t, "bidPrice"), dbl(t, "bidQty"), dbl(t, "askPrice"),
                dbl(t, "askQty"), optLng(t, "time", 0));
    }

    /** Brackets of {@code symbol}, bracket 1 first; accepts the object and the array form. */
    static List<LeverageBracket> leverageBrackets(String symbol, JsonNode n) {
        JsonNode entry = null;
        if (n.isObject()) {
            entry = n;
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                if (symbol.equals(e.path("symbol").asText())) {
                    entry = e;
                    break;
                }
            }
            if (entry == null && n.size() == 1) {
                entry = n.get(0);
            }
        }
        if (entry == null) {
            throw new MalformedAnswer("no brackets for [" + symbol + "]");
        }
        List<LeverageBracket> out = new ArrayList<>();
        for (JsonNode b : array(entry, "brackets")) {
            out.add(new LeverageBracket((int) lng(b, "bracket"), (int) lng(b, "initialLeverage"),
                    dbl(b, "notionalCap"), dbl(b, "notionalFloor"), dbl(b, "maintMarginRatio"), dbl(b, "cum")));
        }
        out.sort(Comparator.comparingInt(LeverageBracket::bracket));
        return out;
    }

    // ---- trading ----

    /** An order of type MARKET or LIMIT; other types cannot be represented by the port's record. */
    static Order order(JsonNode n) {
        requireObject(n, "order");
        String type = text(n, "type");
        OrderType orderType = switch (type) {
            case "MARKET" -> OrderType.MARKET;
            case "LIMIT" -> OrderType.LIMIT;
            default -> throw new MalformedAnswer("order type [" + type + "] is not MARKET or LIMIT");
        };
        return new Order(lng(n, "orderId"), text(n, "clientOrderId"), text(n, "symbol"), side(text(n, "side")),
                orderType, orderStatus(text(n, "status")), optDecOrZero(n, "price"), dec(n, "origQty"),
                optDecOrZero(n, "executedQty"), optDecOrZero(n, "avgPrice"), optDecOrZero(n, "cumQuote"),
                n.path("reduceOnly").asBoolean(false), optLng(n, "updateTime", 0));
    }

    /** Whether {@code n} is an order the port can represent (MARKET or LIMIT). */
    static boolean isPlainOrder(JsonNode n) {
        String t = n.path("type").asText();
        return "MARKET".equals(t) || "LIMIT".equals(t);
    }

    static OrderStatus orderStatus(String status) {
        return switch (status) {
            case "NEW" -> OrderStatus.NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new MalformedAnswer("order status [" + status + "] is unknown");
        };
    }

    static Side side(String side) {
        return switch (side) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new MalformedAnswer("side [" + side + "] is unknown");
        };
    }

    /** Non-zero positions of {@code /fapi/v2/positionRisk}. */
    static List<Position> positions(JsonNode n) {
        requireArray(n, "positionRisk");
        List<Position> out = new ArrayList<>();
        for (JsonNode p : n) {
            BigDecimal amt = dec(p, "positionAmt");
            if (amt.signum() == 0) {
                continue;
            }
            String marginType = optText(p, "marginType", "cross").toUpperCase(Locale.ROOT);
            out.add(new Position(text(p, "symbol"), amt, dec(p, "entryPrice"), dec(p, "markPrice"),
                    dec(p, "unRealizedProfit"), optDecOrZero(p, "liquidationPrice"), (int) optLng(p, "leverage", 0),
                    "ISOLATED".equals(marginType) ? MarginType.ISOLATED : MarginType.CROSS,
                    optDecOrZero(p, "isolatedMargin"), optDecOrZero(p, "notional"), optLng(p, "updateTime", 0)));
        }
        return out;
    }

    /** {@code /fapi/v3/account} (v2 has the same totals); update time is the latest asset update. */
    static Account account(JsonNode n) {
        requireObject(n, "account");
        long updateTime = optLng(n, "updateTime", 0);
        for (JsonNode a : n.path("assets")) {
            updateTime = Math.max(updateTime, optLng(a, "updateTime", 0));
        }
        return new Account(dec(n, "totalWalletBalance"), dec(n, "totalUnrealizedProfit"), dec(n, "totalMarginBalance"),
                dec(n, "totalInitialMargin"), dec(n, "totalMaintMargin"), dec(n, "availableBalance"), updateTime);
    }

    static int leverage(JsonNode n) {
        requireObject(n, "leverage");
        return (int) lng(n, "leverage");
    }

    static ConditionalOrder algoOrder(JsonNode n) {
        requireObject(n, "algoOrder");
        String tif = optText(n, "timeInForce", "");
        String working = optText(n, "workingType", "");
        return new ConditionalOrder(lng(n, "algoId"), text(n, "clientAlgoId"), text(n, "symbol"), side(text(n, "side")),
                conditionalType(n.has("orderType") ? text(n, "orderType") : text(n, "type")),
                ConditionalOrderStatus.parse(optText(n, "algoStatus", "")), optDec(n, "quantity"), optDec(n, "triggerPrice"),
                optDec(n, "price"), tif.isEmpty() ? null : TimeInForce.valueOf(tif),
                working.isEmpty() ? null : WorkingType.valueOf(working), n.path("reduceOnly").asBoolean(false),
                n.path("closePosition").asBoolean(false), n.path("priceProtect").asBoolean(false),
                optText(n, "actualOrderId", ""), optLng(n, "createTime", 0), optLng(n, "updateTime", 0),
                optLng(n, "triggerTime", 0));
    }

    private static ConditionalOrderType conditionalType(String type) {
        try {
            return ConditionalOrderType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswer("algo order type [" + type + "] is unknown");
        }
    }

    // ---- field helpers ----

    private static void requireObject(JsonNode n, String what) {
        if (n == null || !n.isObject()) {
            throw new MalformedAnswer(what + " is not a JSON object");
        }
    }

    private static void requireArray(JsonNode n, String what) {
        if (n == null || !n.isArray()) {
            throw new MalformedAnswer(what + " is not a JSON array");
        }
    }

    private static JsonNode array(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new MalformedAnswer("field [" + field + "] is missing or not an array");
        }
        return a;
    }

    private static JsonNode field(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new MalformedAnswer("field [" + field + "] is missing");
        }
        return v;
    }

    static String text(JsonNode n, String field) {
        return field(n, field).asText();
    }

    private static String optText(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** A decimal sent as a string or a number, exactly. */
    static BigDecimal dec(JsonNode n, String field) {
        BigDecimal d = decimal(field(n, field), field);
        if (d == null) {
            throw new MalformedAnswer("field [" + field + "] is empty");
        }
        return d;
    }

    private static BigDecimal optDec(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : decimal(v, field);
    }

    private static BigDecimal optDecOrZero(JsonNode n, String field) {
        BigDecimal d = optDec(n, field);
        return d == null ? BigDecimal.ZERO : d;
    }

    private static BigDecimal decimal(JsonNode v, String field) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        String t = v.asText().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new MalformedAnswer("field [" + field + "] is not a number: \"" + abbreviate(t) + "\"");
        }
    }

    static double dbl(JsonNode n, String field) {
        return toDouble(field(n, field), field, false);
    }

    /** NaN when missing or empty (delivery contracts send {@code ""} for funding fields). */
    private static double optDbl(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Double.NaN : toDouble(v, field, true);
    }

    private static double dbl(JsonNode arr, int index, String name) {
        JsonNode v = arr.get(index);
        if (v == null || v.isNull()) {
            throw new MalformedAnswer(name + " is missing");
        }
        return toDouble(v, name, false);
    }

    private static double toDouble(JsonNode v, String field, boolean emptyIsNaN) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        String t = v.asText().strip();
        if (t.isEmpty() && emptyIsNaN) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new MalformedAnswer("field [" + field + "] is not a number: \"" + abbreviate(t) + "\"");
        }
    }

    /** A long sent as a number or a string ({@code "1583127900000"}). */
    static long lng(JsonNode n, String field) {
        return toLong(field(n, field), field);
    }

    private static long optLng(JsonNode n, String field, long fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return fallback;
        }
        return toLong(v, field);
    }

    private static long lng(JsonNode arr, int index, String name) {
        JsonNode v = arr.get(index);
        if (v == null || v.isNull()) {
            throw new MalformedAnswer(name + " is missing");
        }
        return toLong(v, name);
    }

    private static long toLong(JsonNode v, String field) {
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        String t = v.asText().strip();
        try {
            return new BigDecimal(t).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedAnswer("field [" + field + "] is not an integer: \"" + abbreviate(t) + "\"");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
