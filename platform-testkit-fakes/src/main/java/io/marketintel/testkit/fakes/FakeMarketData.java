package io.marketintel.testkit.fakes;

import io.marketintel.api.ErrorCode;
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
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link MarketData} that answers what a test scripted, per symbol, and records every request.
 *
 * <h2>Scripting</h2>
 * The scripting methods return {@code this} and can be called at any time (between two requests too, to move the
 * market): {@link #klines(String, List)} (every interval) or {@link #klines(String, Interval, List)} (one interval,
 * which wins), {@link #orderBook(OrderBook)}, {@link #premiumIndex(PremiumIndex)}, {@link #fundingRateHistory},
 * {@link #openInterest(OpenInterest)}, {@link #openInterestHistory}, {@link #longShortRatio}, {@link #takerBuySellRatio},
 * {@link #ticker24h(Ticker24h)}, {@link #bookTicker(BookTicker)}, {@link #leverageBrackets(String, List)},
 * {@link #exchangeInfo(ExchangeInfo)} and {@link #serverTime(long)}.
 *
 * <h2>Answers</h2>
 * Like Binance: series answer the newest {@code limit} points; klines with a time range answer those opening within
 * {@code [startTime, endTime]}, at most {@code limit} counted from the start (unless
 * {@link #ignoreRanges(boolean)} makes a careless source of it); an order book answers at most
 * {@code limit} levels per side; {@link #premiumIndexAll()} and {@link #tickers24h()} answer every scripted symbol
 * in scripting order. A kline {@code limit} outside 1 … {@value #MAX_KLINES} fails with {@code INVALID_PARAMETER}
 * naming {@code limit}, as the platform's sources do (other limits are not checked). The period of statistics
 * requests is recorded but not used to pick data.
 *
 * <p>What was not scripted fails as the platform's sources fail for a symbol they do not list: an
 * {@link IntelException} with {@link ErrorCode#UNKNOWN_SYMBOL} and the symbol in its details (the message also says
 * what the fake was missing). {@link #exchangeInfo()} and {@link #serverTime()} fail with
 * {@link ErrorCode#UPSTREAM_UNAVAILABLE} until scripted.
 *
 * <h2>Requests</h2>
 * {@link #requests()} holds one line per call, in call order: {@code "serverTime"}, {@code "exchangeInfo"},
 * {@code "klines BTCUSDT H1 100"}, {@code "klines BTCUSDT H1 <startTime> <endTime> 100"},
 * {@code "orderBook BTCUSDT 500"}, {@code "premiumIndex BTCUSDT"}, {@code "premiumIndexAll"},
 * {@code "fundingRateHistory BTCUSDT 100"}, {@code "openInterest BTCUSDT"},
 * {@code "openInterestHistory BTCUSDT H1 25"}, {@code "longShortRatio BTCUSDT TOP_POSITION H1 25"},
 * {@code "takerBuySellRatio BTCUSDT H1 25"}, {@code "ticker24h BTCUSDT"}, {@code "tickers24h"},
 * {@code "bookTicker BTCUSDT"}, {@code "leverageBrackets BTCUSDT"} (enum constants by name).
 * {@link #count(String)} counts them by prefix.
 *
 * <h2>Failures and pending answers</h2>
 * {@link #fail(String, Throwable)} makes the requests that start with a prefix fail ({@code "premiumIndex"}, or
 * {@code "klines ETHUSDT"}, or {@code "klines BTCUSDT H4"}). {@link #hold(boolean)} keeps answers pending until the
 * test calls {@link #releaseNext()}, to count requests in flight.
 *
 * <h2>Special behaviour</h2>
 * Every {@link MarketData} method can be overridden, in a subclass or an anonymous class, for a quirk a test needs
 * (a source that ignores ranges, that throws instead of failing, that never answers); {@link #answer} records,
 * applies scripted failures and holds like the built-in methods do, and {@link #scriptedKlines} reads the script.
 *
 * <p>Thread-safe: a plugin may call it from several threads while the test scripts it.
 */
public class FakeMarketData implements MarketData {

    /** The largest kline {@code limit} Binance (and so every platform source) accepts. */
    public static final int MAX_KLINES = 1500;

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Kline>> klines = new LinkedHashMap<>();
    private final Map<String, Map<Interval, List<Kline>>> klinesByInterval = new LinkedHashMap<>();
    private final Map<String, OrderBook> books = new LinkedHashMap<>();
    private final Map<String, PremiumIndex> premium = new LinkedHashMap<>();
    private final Map<String, List<FundingRate>> funding = new LinkedHashMap<>();
    private final Map<String, OpenInterest> openInterest = new LinkedHashMap<>();
    private final Map<String, List<OpenInterestPoint>> openInterestHistory = new LinkedHashMap<>();
    private final Map<String, Map<RatioSeries, List<LongShortRatio>>> ratios = new LinkedHashMap<>();
    private final Map<String, List<TakerVolumeRatio>> taker = new LinkedHashMap<>();
    private final Map<String, Ticker24h> tickers = new LinkedHashMap<>();
    private final Map<String, BookTicker> bookTickers = new LinkedHashMap<>();
    private final Map<String, List<LeverageBracket>> brackets = new LinkedHashMap<>();
    private final Map<String, Throwable> failures = new LinkedHashMap<>();
    private final Deque<Runnable> held = new ArrayDeque<>();
    private ExchangeInfo exchangeInfo;
    private Long serverTime;
    private String source = "fake";
    private boolean hold;
    private boolean ignoreRanges;
    private int maxHeld;

    /** An empty market: nothing scripted, source {@code "fake"}. */
    public FakeMarketData() {
    }

    // ---------------------------------------------------------------- scripting

    /**
     * Names the source ({@link #source()}), which some results echo.
     *
     * @param name the source name
     * @return this
     */
    public synchronized FakeMarketData source(String name) {
        this.source = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Scripts a symbol's klines for every interval (the fake does not aggregate).
     *
     * @param symbol the symbol
     * @param series the klines, oldest first
     * @return this
     */
    public synchronized FakeMarketData klines(String symbol, List<Kline> series) {
        klines.put(symbol, List.copyOf(series));
        return this;
    }

    /**
     * Scripts a symbol's klines of one interval; they win over {@link #klines(String, List)} for that interval.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @param series   the klines, oldest first
     * @return this
     */
    public synchronized FakeMarketData klines(String symbol, Interval interval, List<Kline> series) {
        klinesByInterval.computeIfAbsent(symbol, s -> new EnumMap<>(Interval.class)).put(interval, List.copyOf(series));
        return this;
    }

    /**
     * Scripts the order book of {@code book.symbol()}; answers cut it to the requested depth.
     *
     * @param book the full book
     * @return this
     */
    public synchronized FakeMarketData orderBook(OrderBook book) {
        books.put(book.symbol(), book);
        return this;
    }

    /**
     * Scripts the premium index (mark price, funding) of {@code index.symbol()}.
     *
     * @param index the premium index
     * @return this
     */
    public synchronized FakeMarketData premiumIndex(PremiumIndex index) {
        premium.put(index.symbol(), index);
        return this;
    }

    /**
     * Scripts a symbol's funding rate history.
     *
     * @param symbol  the symbol
     * @param history the funding rates, oldest first
     * @return this
     */
    public synchronized FakeMarketData fundingRateHistory(String symbol, List<FundingRate> history) {
        funding.put(symbol, List.copyOf(history));
        return this;
    }

    /**
     * Scripts the current open interest of {@code oi.symbol()}.
     *
     * @param oi the open interest
     * @return this
     */
    public synchronized FakeMarketData openInterest(OpenInterest oi) {
        openInterest.put(oi.symbol(), oi);
        return this;
    }

    /**
     * Scripts a symbol's open interest history (answered for every period).
     *
     * @param symbol  the symbol
     * @param history the points, oldest first
     * @return this
     */
    public synchronized FakeMarketData openInterestHistory(String symbol, List<OpenInterestPoint> history) {
        openInterestHistory.put(symbol, List.copyOf(history));
        return this;
    }

    /**
     * Scripts one of a symbol's long/short ratio series (answered for every period).
     *
     * @param symbol the symbol
     * @param series which ratio
     * @param points the points, oldest first
     * @return this
     */
    public synchronized FakeMarketData longShortRatio(String symbol, RatioSeries series, List<LongShortRatio> points) {
        ratios.computeIfAbsent(symbol, s -> new EnumMap<>(RatioSeries.class)).put(series, List.copyOf(points));
        return this;
    }

    /**
     * Scripts a symbol's taker buy/sell volume ratio (answered for every period).
     *
     * @param symbol the symbol
     * @param points the points, oldest first
     * @return this
     */
    public synchronized FakeMarketData takerBuySellRatio(String symbol, List<TakerVolumeRatio> points) {
        taker.put(symbol, List.copyOf(points));
        return this;
    }

    /**
     * Scripts the 24 h ticker of {@code ticker.symbol()}.
     *
     * @param ticker the ticker
     * @return this
     */
    public synchronized FakeMarketData ticker24h(Ticker24h ticker) {
        tickers.put(ticker.symbol(), ticker);
        return this;
    }

    /**
     * Scripts the best bid/ask of {@code ticker.symbol()}.
     *
     * @param ticker the book ticker
     * @return this
     */
    public synchronized FakeMarketData bookTicker(BookTicker ticker) {
        bookTickers.put(ticker.symbol(), ticker);
        return this;
    }

    /**
     * Scripts a symbol's leverage brackets.
     *
     * @param symbol   the symbol
     * @param brackets the brackets
     * @return this
     */
    public synchronized FakeMarketData leverageBrackets(String symbol, List<LeverageBracket> brackets) {
        this.brackets.put(symbol, List.copyOf(brackets));
        return this;
    }

    /**
     * Scripts the exchange info (symbols and their filters).
     *
     * @param info the exchange info
     * @return this
     */
    public synchronized FakeMarketData exchangeInfo(ExchangeInfo info) {
        this.exchangeInfo = Objects.requireNonNull(info, "info");
        return this;
    }

    /**
     * Scripts the server time.
     *
     * @param epochMillis the time {@link #serverTime()} answers
     * @return this
     */
    public synchronized FakeMarketData serverTime(long epochMillis) {
        this.serverTime = epochMillis;
        return this;
    }

    /**
     * Makes every request whose line ({@link #requests() as recorded}) is {@code request} or starts with
     * {@code request + " "} fail with {@code failure}, until {@link #clearFailures()}. For example
     * {@code "premiumIndex"}, {@code "klines ETHUSDT"} or {@code "klines BTCUSDT H4"}.
     *
     * @param request the request prefix
     * @param failure the failure they answer
     * @return this
     */
    public synchronized FakeMarketData fail(String request, Throwable failure) {
        failures.put(request, Objects.requireNonNull(failure, "failure"));
        return this;
    }

    /**
     * Forgets every failure set with {@link #fail}: the market answers its script again.
     *
     * @return this
     */
    public synchronized FakeMarketData clearFailures() {
        failures.clear();
        return this;
    }

    /**
     * While on, kline requests with a time range ignore it and answer the newest {@code limit} klines, the forming
     * one included: a source that does not honour {@code endTime} (or a cache that kept an older answer). For
     * testing that a plugin drops what it did not ask for.
     *
     * @param on whether to ignore {@code startTime} and {@code endTime}
     * @return this
     */
    public synchronized FakeMarketData ignoreRanges(boolean on) {
        this.ignoreRanges = on;
        return this;
    }

    /**
     * While on, answers (successes and failures) stay pending until {@link #releaseNext()}; switching it off does
     * not release those already held.
     *
     * @param on whether to hold the answers of the next requests
     * @return this
     */
    public synchronized FakeMarketData hold(boolean on) {
        this.hold = on;
        return this;
    }

    /**
     * Completes the oldest pending answer.
     *
     * @throws IllegalStateException when none is pending
     */
    public void releaseNext() {
        Runnable next;
        synchronized (this) {
            if (held.isEmpty()) {
                throw new IllegalStateException("no answer is held");
            }
            next = held.removeFirst();
        }
        next.run();
    }

    /**
     * How many answers are pending now.
     *
     * @return the number of held answers
     */
    public synchronized int held() {
        return held.size();
    }

    /**
     * The most answers that were pending at once.
     *
     * @return the high-water mark of {@link #held()}
     */
    public synchronized int maxHeld() {
        return maxHeld;
    }

    // ---------------------------------------------------------------- reading the record and the script

    /**
     * Every request so far, one line each, in call order (formats in the class comment). The live list: a test
     * may clear it.
     *
     * @return the recorded requests
     */
    public List<String> requests() {
        return requests;
    }

    /**
     * How many requests were {@code request} or started with {@code request + " "}: {@code count("klines")}
     * counts every kline request, {@code count("klines ETHUSDT")} those of one symbol.
     *
     * @param request the request prefix
     * @return the number of matching requests
     */
    public int count(String request) {
        synchronized (requests) {
            return (int) requests.stream().filter(r -> matches(r, request)).count();
        }
    }

    /**
     * The klines scripted for a symbol and interval: those of the interval if any, otherwise those of every
     * interval.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @return the full scripted series, oldest first
     * @throws IntelException UNKNOWN_SYMBOL when none were scripted
     */
    public synchronized List<Kline> scriptedKlines(String symbol, Interval interval) {
        Map<Interval, List<Kline>> byInterval = klinesByInterval.get(symbol);
        if (byInterval != null && byInterval.containsKey(interval)) {
            return byInterval.get(interval);
        }
        return scripted(klines, symbol, "klines");
    }

    /**
     * Records {@code request} and answers {@code value}: with the failure scripted for the request if any, with
     * the exception {@code value} throws if it throws, held while {@link #hold(boolean)} is on. What every
     * method of this class does; for subclasses that override one.
     *
     * @param request the request line to record
     * @param value   computes the answer (may throw, like a source refusing the request)
     * @param <T>     the answer's type
     * @return the answer
     */
    protected final <T> Future<T> answer(String request, Supplier<T> value) {
        requests.add(request);
        Future<T> result;
        Throwable failure = failureFor(request);
        if (failure != null) {
            result = Future.failedFuture(failure);
        } else {
            try {
                result = Future.succeededFuture(value.get());
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
        }
        synchronized (this) {
            if (!hold) {
                return result;
            }
            Promise<T> pending = Promise.promise();
            Future<T> answer = result;
            held.addLast(() -> {
                if (answer.succeeded()) {
                    pending.complete(answer.result());
                } else {
                    pending.fail(answer.cause());
                }
            });
            maxHeld = Math.max(maxHeld, held.size());
            return pending.future();
        }
    }

    private synchronized Throwable failureFor(String request) {
        for (Map.Entry<String, Throwable> f : failures.entrySet()) {
            if (matches(request, f.getKey())) {
                return f.getValue();
            }
        }
        return null;
    }

    private static boolean matches(String line, String prefix) {
        return line.equals(prefix) || line.startsWith(prefix + " ");
    }

    private synchronized <T> T scripted(Map<String, T> data, String symbol, String what) {
        T value = data.get(symbol);
        if (value == null) {
            throw new IntelException(ErrorCode.UNKNOWN_SYMBOL, "symbol [" + symbol
                    + "] is not listed by the market (the fake market has no " + what + " scripted for it)",
                    Map.of("symbol", symbol));
        }
        return value;
    }

    private static <T> List<T> newest(List<T> series, int limit) {
        return List.copyOf(series.subList(Math.max(0, series.size() - Math.max(0, limit)), series.size()));
    }

    private static void checkKlineLimit(int limit) {
        if (limit < 1 || limit > MAX_KLINES) {
            throw IntelException.invalidParameter("limit", "parameter [limit] must be within [1, " + MAX_KLINES
                    + "], was " + limit);
        }
    }

    // ---------------------------------------------------------------- MarketData

    /** The name given with {@link #source(String)}; {@code "fake"} by default. */
    @Override
    public synchronized String source() {
        return source;
    }

    @Override
    public Future<Long> serverTime() {
        return answer("serverTime", () -> {
            synchronized (this) {
                if (serverTime == null) {
                    throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "the fake market has no server time scripted");
                }
                return serverTime;
            }
        });
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        return answer("exchangeInfo", () -> {
            synchronized (this) {
                if (exchangeInfo == null) {
                    throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE,
                            "the fake market has no exchange info scripted");
                }
                return exchangeInfo;
            }
        });
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        return answer("klines " + symbol + " " + interval + " " + limit, () -> {
            checkKlineLimit(limit);
            return newest(scriptedKlines(symbol, interval), limit);
        });
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return answer("klines " + symbol + " " + interval + " " + startTime + " " + endTime + " " + limit, () -> {
            checkKlineLimit(limit);
            synchronized (this) {
                if (ignoreRanges) {
                    return newest(scriptedKlines(symbol, interval), limit);
                }
            }
            List<Kline> out = new ArrayList<>();
            for (Kline k : scriptedKlines(symbol, interval)) {
                if (k.openTime() >= startTime && k.openTime() <= endTime && out.size() < limit) {
                    out.add(k);
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return answer("orderBook " + symbol + " " + limit, () -> {
            OrderBook b = scripted(books, symbol, "order book");
            return new OrderBook(b.symbol(), b.lastUpdateId(), b.eventTime(), b.transactionTime(),
                    List.copyOf(b.bids().subList(0, Math.min(limit, b.bids().size()))),
                    List.copyOf(b.asks().subList(0, Math.min(limit, b.asks().size()))));
        });
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        return answer("premiumIndex " + symbol, () -> scripted(premium, symbol, "premium index"));
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        return answer("premiumIndexAll", () -> {
            synchronized (this) {
                return List.copyOf(premium.values());
            }
        });
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return answer("fundingRateHistory " + symbol + " " + limit,
                () -> newest(scripted(funding, symbol, "funding rate history"), limit));
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return answer("openInterest " + symbol, () -> scripted(openInterest, symbol, "open interest"));
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return answer("openInterestHistory " + symbol + " " + period + " " + limit,
                () -> newest(scripted(openInterestHistory, symbol, "open interest history"), limit));
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return answer("longShortRatio " + symbol + " " + series + " " + period + " " + limit, () -> {
            List<LongShortRatio> points = scripted(ratios, symbol, "long/short ratios").get(series);
            if (points == null) {
                scripted(Map.of(), symbol, series + " long/short ratio");
            }
            return newest(points, limit);
        });
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return answer("takerBuySellRatio " + symbol + " " + period + " " + limit,
                () -> newest(scripted(taker, symbol, "taker buy/sell ratio"), limit));
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        return answer("ticker24h " + symbol, () -> scripted(tickers, symbol, "24h ticker"));
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        return answer("tickers24h", () -> {
            synchronized (this) {
                return List.copyOf(tickers.values());
            }
        });
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return answer("bookTicker " + symbol, () -> scripted(bookTickers, symbol, "book ticker"));
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return answer("leverageBrackets " + symbol, () -> scripted(brackets, symbol, "leverage brackets"));
    }
}
