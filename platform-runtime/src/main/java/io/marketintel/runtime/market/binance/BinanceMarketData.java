package io.marketintel.runtime.market.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.BookTicker;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link MarketData} on the Binance USDⓈ-M REST API. Parameters are checked against Binance's accepted values
 * before anything is sent ({@code INVALID_PARAMETER} naming the parameter and the accepted set); every call
 * goes through the shared request-weight budget; {@code -1121} becomes {@code UNKNOWN_SYMBOL}.
 * {@link #leverageBrackets(String)} is a signed endpoint and needs credentials. Obtain it from
 * {@link BinanceMarket#marketData()}.
 */
public final class BinanceMarketData implements MarketData {

    /** Accepted {@code /fapi/v1/depth} limits. */
    public static final Set<Integer> DEPTH_LIMITS = Set.of(5, 10, 20, 50, 100, 500, 1000);
    /** Largest {@code /fapi/v1/klines} limit. */
    public static final int MAX_KLINES = 1500;
    /** Largest {@code /fapi/v1/fundingRate} limit. */
    public static final int MAX_FUNDING = 1000;
    /** Largest limit of the {@code /futures/data/*} statistics endpoints. */
    public static final int MAX_STATISTICS = 500;

    private static final String DEPTH_LIMITS_TEXT = "[5, 10, 20, 50, 100, 500, 1000]";

    private final BinanceTransport transport;

    BinanceMarketData(BinanceTransport transport) {
        this.transport = transport;
    }

    @Override
    public String source() {
        return "binance";
    }

    @Override
    public Future<Long> serverTime() {
        return get(Endpoint.TIME, Map.of(), null, json -> BinanceParsers.lng(json, "serverTime"));
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        return get(Endpoint.EXCHANGE_INFO, Map.of(), null, BinanceParsers::exchangeInfo).map(info -> {
            transport.budget().applyLimits(info.rateLimits());
            return info;
        });
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        try {
            String s = symbol(symbol);
            requireInterval(interval);
            range("limit", limit, 1, MAX_KLINES);
            return get(Endpoint.KLINES, params("symbol", s, "interval", interval.code(), "limit",
                    Integer.toString(limit)), s, BinanceParsers::klines);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        try {
            String s = symbol(symbol);
            requireInterval(interval);
            range("limit", limit, 1, MAX_KLINES);
            if (startTime < 0) {
                throw IntelException.invalidParameter("startTime", "parameter [startTime] must not be negative, was "
                        + startTime);
            }
            if (startTime > endTime) {
                throw IntelException.invalidParameter("startTime", "parameter [startTime] must not be after "
                        + "[endTime], was " + startTime + " > " + endTime);
            }
            Map<String, String> p = params("symbol", s, "interval", interval.code(), "startTime",
                    Long.toString(startTime), "endTime", Long.toString(endTime), "limit", Integer.toString(limit));
            return get(Endpoint.KLINES, p, s, BinanceParsers::klines);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        try {
            String s = symbol(symbol);
            if (!DEPTH_LIMITS.contains(limit)) {
                throw IntelException.invalidParameter("limit", "parameter [limit] must be one of " + DEPTH_LIMITS_TEXT
                        + ", was " + limit);
            }
            return get(Endpoint.DEPTH, params("symbol", s, "limit", Integer.toString(limit)), s,
                    json -> BinanceParsers.orderBook(s, json));
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        try {
            String s = symbol(symbol);
            return get(Endpoint.PREMIUM_INDEX, params("symbol", s), s, BinanceParsers::premiumIndex);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        return get(Endpoint.PREMIUM_INDEX, Map.of(), null, BinanceParsers::premiumIndexes);
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        try {
            String s = symbol(symbol);
            range("limit", limit, 1, MAX_FUNDING);
            return get(Endpoint.FUNDING_RATE, params("symbol", s, "limit", Integer.toString(limit)), s,
                    BinanceParsers::fundingRates);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        try {
            String s = symbol(symbol);
            return get(Endpoint.OPEN_INTEREST, params("symbol", s), s, BinanceParsers::openInterest);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        try {
            String s = symbol(symbol);
            requirePeriod(period);
            range("limit", limit, 1, MAX_STATISTICS);
            return get(Endpoint.OPEN_INTEREST_HIST, statisticsParams(s, period, limit), s,
                    json -> BinanceParsers.openInterestHistory(s, json));
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        try {
            String s = symbol(symbol);
            if (series == null) {
                throw IntelException.invalidParameter("series", "parameter [series] is missing");
            }
            requirePeriod(period);
            range("limit", limit, 1, MAX_STATISTICS);
            Endpoint ep = switch (series) {
                case GLOBAL_ACCOUNT -> Endpoint.GLOBAL_LONG_SHORT_ACCOUNT_RATIO;
                case TOP_ACCOUNT -> Endpoint.TOP_LONG_SHORT_ACCOUNT_RATIO;
                case TOP_POSITION -> Endpoint.TOP_LONG_SHORT_POSITION_RATIO;
            };
            return get(ep, statisticsParams(s, period, limit), s, json -> BinanceParsers.longShortRatios(s, json));
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        try {
            String s = symbol(symbol);
            requirePeriod(period);
            range("limit", limit, 1, MAX_STATISTICS);
            return get(Endpoint.TAKER_LONG_SHORT_RATIO, statisticsParams(s, period, limit), s,
                    BinanceParsers::takerRatios);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        try {
            String s = symbol(symbol);
            return get(Endpoint.TICKER_24H, params("symbol", s), s, BinanceParsers::ticker);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        return get(Endpoint.TICKER_24H, Map.of(), null, BinanceParsers::tickers);
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        try {
            String s = symbol(symbol);
            return get(Endpoint.BOOK_TICKER, params("symbol", s), s, BinanceParsers::bookTicker);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    /**
     * Leverage brackets from the signed {@code GET /fapi/v1/leverageBracket}; without credentials it fails with
     * {@code UPSTREAM_UNAVAILABLE} saying that {@code binance.api_key} and {@code binance.api_secret} are needed.
     */
    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        try {
            String s = symbol(symbol);
            return get(Endpoint.LEVERAGE_BRACKET, params("symbol", s), s,
                    json -> BinanceParsers.leverageBrackets(s, json));
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
    }

    private <T> Future<T> get(Endpoint ep, Map<String, String> params, String symbol, Function<JsonNode, T> parser) {
        return transport.call(ep, params).transform(ar -> {
            if (ar.failed()) {
                return Future.failedFuture(Failures.translate(ep, ar.cause(), symbol));
            }
            try {
                return Future.succeededFuture(parser.apply(ar.result()));
            } catch (RuntimeException e) {
                return Future.failedFuture(Failures.unexpected(ep, e));
            }
        });
    }

    static String symbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw IntelException.invalidParameter("symbol", "parameter [symbol] is missing");
        }
        return symbol.strip().toUpperCase(Locale.ROOT);
    }

    private static void requireInterval(Interval interval) {
        if (interval == null) {
            throw IntelException.invalidParameter("interval", "parameter [interval] is missing");
        }
    }

    private static void requirePeriod(Period period) {
        if (period == null) {
            throw IntelException.invalidParameter("period", "parameter [period] is missing");
        }
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw IntelException.invalidParameter(name, "parameter [" + name + "] must be within [" + min + ", " + max
                    + "], was " + value);
        }
    }

    private static Map<String, String> statisticsParams(String symbol, Period period, int limit) {
        return params("symbol", symbol, "period", period.code(), "limit", Integer.toString(limit));
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }
}
