package io.marketintel.runtime.market.cache;

import com.github.benmanes.caffeine.cache.Ticker;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link MarketData} that caches another one.
 *
 * <ul>
 *   <li>Keyed by the full request: method and every argument ({@code orderBook(BTCUSDT, 100)} and
 *       {@code orderBook(BTCUSDT, 500)} are different entries).</li>
 *   <li>Time-to-live per {@link DataKind} ({@link CacheTtls}), counted from the end of the load; klines
 *       of 1 h and longer intervals use {@link CacheTtls#klinesLong()}. {@link #serverTime()} is never
 *       cached.</li>
 *   <li>Identical requests made while one is loading share its single upstream call.</li>
 *   <li>A failed load is not cached: the next request calls upstream again.</li>
 *   <li>At most {@code maximumSize} entries.</li>
 *   <li>Answers complete on the caller's Vert.x context when called from one.</li>
 *   <li>Cached lists are unmodifiable, since every caller shares them.</li>
 * </ul>
 */
public final class CachingMarketData implements MarketData {

    /** Entries kept at most by {@link #CachingMarketData(MarketData, CacheTtls)}. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final MarketData delegate;
    private final CacheTtls ttls;
    private final CoalescingCache<RequestKey, Object> cache;

    /** Caches {@code delegate} with {@value #DEFAULT_MAXIMUM_SIZE} entries at most, on the system ticker. */
    public CachingMarketData(MarketData delegate, CacheTtls ttls) {
        this(delegate, ttls, DEFAULT_MAXIMUM_SIZE, Ticker.systemTicker());
    }

    /**
     * Caches {@code delegate}.
     *
     * @param delegate    the source (sim, Binance, replay)
     * @param ttls        time-to-live per data kind
     * @param maximumSize entries kept at most, positive
     * @param ticker      time source of expiry ({@link Ticker#systemTicker()}, or a {@link ClockTicker})
     */
    public CachingMarketData(MarketData delegate, CacheTtls ttls, long maximumSize, Ticker ticker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ttls = Objects.requireNonNull(ttls, "ttls");
        this.cache = new CoalescingCache<>(maximumSize, ticker, (key, value) -> ttls.ttl(key.kind()).toNanos());
    }

    /** The time-to-live in use. */
    public CacheTtls ttls() {
        return ttls;
    }

    /** Counters since creation. */
    public CacheStats stats() {
        return cache.stats();
    }

    /** Drops every cached entry (loads in flight still answer their callers). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** The kind of klines of {@code interval}: long from one hour up. */
    static DataKind klineKind(Interval interval) {
        return interval != null && interval.millis() >= Interval.H1.millis() ? DataKind.KLINES_LONG : DataKind.KLINES;
    }

    @Override
    public String source() {
        return delegate.source();
    }

    @Override
    public Future<Long> serverTime() {
        cache.countUncachedLoad();
        return delegate.serverTime();
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        return cached(DataKind.EXCHANGE_INFO, "exchangeInfo", delegate::exchangeInfo);
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        return cachedList(klineKind(interval), "klines", () -> delegate.klines(symbol, interval, limit),
                symbol, interval, limit);
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return cachedList(klineKind(interval), "klinesRange",
                () -> delegate.klines(symbol, interval, startTime, endTime, limit),
                symbol, interval, startTime, endTime, limit);
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return cached(DataKind.ORDER_BOOK, "orderBook", () -> delegate.orderBook(symbol, limit), symbol, limit);
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        return cached(DataKind.FUNDING, "premiumIndex", () -> delegate.premiumIndex(symbol), symbol);
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        return cachedList(DataKind.FUNDING, "premiumIndexAll", delegate::premiumIndexAll);
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return cachedList(DataKind.FUNDING, "fundingRateHistory", () -> delegate.fundingRateHistory(symbol, limit),
                symbol, limit);
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return cached(DataKind.LIQUIDATION_INPUTS, "openInterest", () -> delegate.openInterest(symbol), symbol);
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return cachedList(DataKind.LIQUIDATION_INPUTS, "openInterestHistory",
                () -> delegate.openInterestHistory(symbol, period, limit), symbol, period, limit);
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return cachedList(DataKind.LIQUIDATION_INPUTS, "longShortRatio",
                () -> delegate.longShortRatio(symbol, series, period, limit), symbol, series, period, limit);
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return cachedList(DataKind.LIQUIDATION_INPUTS, "takerBuySellRatio",
                () -> delegate.takerBuySellRatio(symbol, period, limit), symbol, period, limit);
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        return cached(DataKind.TICKERS, "ticker24h", () -> delegate.ticker24h(symbol), symbol);
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        return cachedList(DataKind.TICKERS, "tickers24h", delegate::tickers24h);
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return cached(DataKind.TICKERS, "bookTicker", () -> delegate.bookTicker(symbol), symbol);
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return cachedList(DataKind.LIQUIDATION_INPUTS, "leverageBrackets", () -> delegate.leverageBrackets(symbol),
                symbol);
    }

    @SuppressWarnings("unchecked")
    private <T> Future<T> cached(DataKind kind, String method, Supplier<Future<T>> load, Object... args) {
        return (Future<T>) cache.get(new RequestKey(method, kind, args), () -> (Future<Object>) load.get());
    }

    private <E> Future<List<E>> cachedList(DataKind kind, String method, Supplier<Future<List<E>>> load,
                                           Object... args) {
        return cached(kind, method, () -> load.get().map(List::copyOf), args);
    }

    @Override
    public String toString() {
        return "CachingMarketData[" + delegate.source() + "]";
    }

    /**
     * A request: method and arguments (nulls allowed, so that the delegate, not the cache, answers a bad
     * argument), and the kind that decides its time-to-live.
     */
    record RequestKey(String method, DataKind kind, List<Object> args) {

        RequestKey(String method, DataKind kind, Object... args) {
            this(method, kind, Collections.unmodifiableList(Arrays.asList(args.clone())));
        }
    }
}
