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
import io.marketintel.api.IntelException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
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
 *   <li>Stale fallback, per data kind: when a load fails because the upstream is unreachable, limited,
 *       banned, slow or answered garbage (UPSTREAM_UNAVAILABLE, UPSTREAM_ERROR, RATE_LIMITED, TIMEOUT), the
 *       last good answer to the same request is served instead if it is younger than the kind's
 *       {@code maxStale} (zero = never). Its age shows in the records' own time fields (a plugin's
 *       {@code data_time}); {@link #staleServed()} counts these answers. Caller mistakes (bad limit,
 *       unknown symbol) are never masked.</li>
 * </ul>
 */
public final class CachingMarketData implements MarketData {

    /** Entries kept at most by {@link #CachingMarketData(MarketData, CacheTtls)}. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final MarketData delegate;
    private final CacheTtls ttls;
    private final CoalescingCache<RequestKey, Object> cache;
    private final Map<DataKind, Duration> maxStale;
    private final com.github.benmanes.caffeine.cache.Cache<RequestKey, Object> lastGood;
    private final LongAdder staleServed = new LongAdder();

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
        this(delegate, ttls, Map.of(), maximumSize, ticker);
    }

    /**
     * Caches {@code delegate} and falls back to stale answers.
     *
     * @param delegate    the source (sim, Binance, replay)
     * @param ttls        time-to-live per data kind
     * @param maxStale    how old a last good answer may be to stand in for a failed load, per kind (absent or
     *                    zero = no fallback for that kind)
     * @param maximumSize entries kept at most, positive (each of the cache and the fallback store)
     * @param ticker      time source of expiry
     */
    public CachingMarketData(MarketData delegate, CacheTtls ttls, Map<DataKind, Duration> maxStale, long maximumSize,
                             Ticker ticker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ttls = Objects.requireNonNull(ttls, "ttls");
        this.maxStale = new EnumMap<>(DataKind.class);
        maxStale.forEach((kind, age) -> {
            if (age.isNegative()) {
                throw new IllegalArgumentException("max stale age of [" + kind.key() + "] must not be negative, was " + age);
            }
            if (!age.isZero()) {
                this.maxStale.put(kind, age);
            }
        });
        this.cache = new CoalescingCache<>(maximumSize, ticker, (key, value) -> ttls.ttl(key.kind()).toNanos());
        this.lastGood = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ticker)
                .expireAfter(com.github.benmanes.caffeine.cache.Expiry.<RequestKey, Object>writing(
                        (key, value) -> this.maxStale.getOrDefault(key.kind(), Duration.ZERO)))
                .build();
    }

    /** Answers served from the stale fallback since creation. */
    public long staleServed() {
        return staleServed.sum();
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
        RequestKey key = new RequestKey(method, kind, args);
        if (!maxStale.containsKey(kind)) {
            return (Future<T>) cache.get(key, () -> (Future<Object>) load.get());
        }
        Future<Object> answer = cache.get(key, () -> ((Future<Object>) load.get()).onSuccess(v -> lastGood.put(key, v)));
        return (Future<T>) answer.recover(failure -> {
            Object stale = upstreamFailure(failure) ? lastGood.getIfPresent(key) : null;
            if (stale == null) {
                return Future.failedFuture(failure);
            }
            staleServed.increment();
            return Future.succeededFuture(stale);
        });
    }

    private static boolean upstreamFailure(Throwable failure) {
        if (!(failure instanceof IntelException e)) {
            return false;
        }
        return switch (e.code()) {
            case UPSTREAM_UNAVAILABLE, UPSTREAM_ERROR, RATE_LIMITED, TIMEOUT -> true;
            default -> false;
        };
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
