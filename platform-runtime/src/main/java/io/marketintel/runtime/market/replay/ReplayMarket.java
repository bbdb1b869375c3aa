package io.marketintel.runtime.market.replay;

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
import io.marketintel.api.market.RateLimit;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code replay} market source: answers {@link MarketData} from a folder of recorded files, as of the
 * replayed time of a {@link ReplayClock}. Analyzers see only the past of the recording.
 *
 * <h2>Files and what they feed</h2>
 * <ul>
 *   <li><b>klines</b> ({@code SYMBOL-1h-2024-01.csv}, daily {@code SYMBOL-1m-2024-01-31.csv}, either also as the
 *   published {@code .zip}; the shared {@code spot_SYMBOL_1h.csv}; freqtrade {@code BASE_QUOTE[_SETTLE]-5m[-futures].json}):
 *   {@link #klines}, {@link #ticker24h}, {@link #tickers24h}, the last price that stands in for the mark price of
 *   {@link #premiumIndex} when no mark klines exist, and the filters of {@link #exchangeInfo} when no exchange info
 *   file lists the symbol. The spot CSV and freqtrade files have no quote volume, trade count or taker-buy
 *   volumes: those are NaN (JSON null) and the count 0; their close time is open time + interval − 1 ms.</li>
 *   <li><b>mark / index price klines</b> (a {@code markPriceKlines/} or {@code indexPriceKlines/} folder in the
 *   data.binance.vision layout, or freqtrade {@code -mark.json}): {@code markPrice} / {@code indexPrice} of
 *   {@link #premiumIndex} (close of the last closed candle).</li>
 *   <li><b>metrics</b> ({@code SYMBOL-metrics-YYYY-MM-DD.csv}, 5-minute rows): {@link #openInterest}
 *   ({@code sum_open_interest}), {@link #openInterestHistory} (+ {@code sum_open_interest_value}),
 *   {@link #longShortRatio} ({@code count_long_short_ratio} = global account,
 *   {@code count_toptrader_long_short_ratio} = top account, {@code sum_toptrader_long_short_ratio} = top
 *   position) and {@link #takerBuySellRatio} ({@code sum_taker_long_short_vol_ratio}). The files hold ratios
 *   only, not the long and short shares: replay derives {@code longAccount = r / (1 + r)} and
 *   {@code shortAccount = 1 / (1 + r)} (exact when the shares add up to one, as Binance's do, up to its 4-decimal
 *   rounding). Taker buy and sell volumes are not in the files (NaN), and so the taker ratio exists for period
 *   {@code 5m} only (a longer period's ratio is a ratio of summed volumes, which 5-minute ratios cannot give).
 *   A period's points are the rows at the start of each period bucket (e.g. every {@code :00} row for 1h).</li>
 *   <li><b>funding</b> ({@code SYMBOL-fundingRate-YYYY-MM.csv}; freqtrade {@code -funding_rate.json}):
 *   {@link #fundingRateHistory} (mark price NaN: the files do not carry it) and {@code lastFundingRate} /
 *   {@code nextFundingTime} of {@link #premiumIndex} / {@link #premiumIndexAll}. {@code lastFundingRate} is the
 *   latest <em>settled</em> rate (Binance sends the running estimate of the next one, which the files do not
 *   have, and the next recorded rate would leak the future); {@code nextFundingTime} follows the settlement
 *   schedule ({@code funding_interval_hours}, or the spacing of freqtrade rows), not the next row.</li>
 *   <li><b>depth snapshots</b> ({@code SYMBOL-depth-<epochMillis>.json}, {@code SYMBOL-depth.json} with
 *   {@code T}/{@code E} inside, or the recorded {@code usdm_symbol_depth1000_snapshot_YYYYMMDD.json}):
 *   {@link #orderBook} and {@link #bookTicker} from the latest snapshot at or before now, however old (its
 *   {@code transactionTime} shows its age). Without a snapshot both fail: a spread is never invented.</li>
 *   <li><b>exchangeInfo.json</b> (any {@code *exchangeInfo*.json}, a {@code /fapi/v1/exchangeInfo} response):
 *   filters and rate limits of the listed symbols. Symbols it does not list get filters <em>derived</em> from
 *   the data: {@code tickSize = 10^-d} for the most decimals {@code d} of any recorded price, {@code stepSize}
 *   likewise from volumes, {@code minPrice = tickSize}, {@code maxPrice} ten times the highest price,
 *   {@code minQty = stepSize}, {@code maxQty} ten times the largest candle volume, {@code minNotional} 5; rate
 *   limits then are Binance's documented 2400 weight/min, 1200 orders/min, 300 orders/10 s. Only symbols with
 *   data in the folder are listed.</li>
 *   <li><b>leverageBracket.json</b> (any {@code *leverageBracket*.json}): {@link #leverageBrackets}.</li>
 * </ul>
 * Any kind a symbol lacks fails with {@link ErrorCode#UPSTREAM_UNAVAILABLE}
 * {@code "replay data has no <kind> for <symbol> (add <file pattern> to <dir>)"}; a symbol without any file is
 * {@link IntelException#unknownSymbol}. Files matching no pattern are logged once and listed by {@link #status()}.
 * A malformed row makes its symbol fail with {@link ErrorCode#UPSTREAM_ERROR} naming the file and line (rows are
 * never skipped silently); other symbols keep working.
 *
 * <h2>Time</h2>
 * "Now" is {@link ReplayClock#millis()}. Klines: only candles whose whole interval has passed (close time before
 * now) are returned; there is no forming candle, because the recorded candle would leak its future high, low and
 * close. {@code klines(s, i, limit)} is the latest {@code limit} closed candles; the range form is clipped at now.
 * Statistics, funding and depth: the latest at or before now; before the recording starts, lists are empty and
 * single values fail with UPSTREAM_UNAVAILABLE saying when the data starts. {@link #ticker24h} covers the closed
 * candles of the shortest stored interval (at most 1d) in the 24 hours before the current candle's open time.
 *
 * <h2>Intervals and gaps</h2>
 * An interval without its own files is aggregated exactly from the longest stored interval that divides it
 * (1h, 4h, 1d, 1w from 1m or 1h; buckets as {@link Interval#openTimeOf(long)}, so weeks open on Mondays). A
 * bucket with a missing constituent is not produced (never fabricated): it is a gap of the aggregate. Gaps are
 * reported by {@link #gaps(String, Interval)} and counted in {@link #status()}, never interpolated.
 *
 * <h2>Loading</h2>
 * {@link #open} walks the folder on a worker thread (names, plus the first row of each file for the earliest
 * time). A symbol's files are read on a worker on its first request (concurrent first requests share one load),
 * or all at once with {@link #preload()}; after that every answer is computed in memory with binary searches and
 * returned as an already completed future. Thread-safe.
 */
public final class ReplayMarket implements MarketData {

    /** Largest {@code limit} of klines. */
    public static final int MAX_KLINES = 1500;
    /** Largest {@code limit} of funding history. */
    public static final int MAX_FUNDING = 1000;
    /** Largest {@code limit} of the statistics endpoints. */
    public static final int MAX_STATISTICS = 500;
    private static final List<Integer> DEPTH_LIMITS = List.of(5, 10, 20, 50, 100, 500, 1000);
    private static final long DAY = 86_400_000L;
    private static final BigDecimal DERIVED_MIN_NOTIONAL = BigDecimal.valueOf(5);
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB");
    /** Binance's documented USDⓈ-M limits, used when the folder has no exchange info. */
    static final List<RateLimit> DEFAULT_RATE_LIMITS = List.of(
            new RateLimit("REQUEST_WEIGHT", "MINUTE", 1, 2400),
            new RateLimit("ORDERS", "MINUTE", 1, 1200),
            new RateLimit("ORDERS", "SECOND", 10, 300));

    private static final System.Logger LOG = System.getLogger(ReplayMarket.class.getName());

    private final Vertx vertx;
    private final ReplayIndex index;
    private final ReplayClock clock;
    private final ReplayReaders readers;
    private final ConcurrentHashMap<String, Future<SymbolData>> loads = new ConcurrentHashMap<>();

    private ReplayMarket(Vertx vertx, ReplayIndex index, ReplayClock clock, ReplayReaders readers) {
        this.vertx = vertx;
        this.index = index;
        this.clock = clock;
        this.readers = readers;
    }

    /**
     * Opens the replay of {@code dir} on {@code clock}. The folder is walked on a worker thread; the future
     * fails with UPSTREAM_UNAVAILABLE when it is missing or holds no recognised data, UPSTREAM_ERROR when an
     * exchange info or leverage bracket file is malformed.
     */
    public static Future<ReplayMarket> open(Vertx vertx, Path dir, ReplayClock clock) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(dir, "setting [replay.dir] is missing");
        Objects.requireNonNull(clock, "clock");
        ReplayReaders readers = new ReplayReaders();
        return vertx.executeBlocking(() -> ReplayIndex.scan(dir, readers), false)
                .map(index -> new ReplayMarket(vertx, index, clock, readers));
    }

    /**
     * Opens the replay described by {@code settings}, with a new {@link ReplayClock} driven by {@code realClock}
     * starting at {@code settings.start()}, or at the earliest recorded candle when that is null.
     */
    public static Future<ReplayMarket> open(Vertx vertx, ReplaySettings settings, Clock realClock) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(realClock, "realClock");
        ReplayReaders readers = new ReplayReaders();
        return vertx.executeBlocking(() -> ReplayIndex.scan(settings.dir(), readers), false).map(index -> {
            Instant start = settings.start() != null ? settings.start()
                    : index.earliest != Long.MIN_VALUE ? Instant.ofEpochMilli(index.earliest) : realClock.instant();
            return new ReplayMarket(vertx, index, new ReplayClock(realClock, start, settings.speed()), readers);
        });
    }

    /** The replayed time every answer is computed at. */
    public ReplayClock clock() {
        return clock;
    }

    /** The replay folder (absolute). */
    public Path dir() {
        return index.dir;
    }

    /** Symbols with data in the folder, sorted. */
    public List<String> symbols() {
        return List.copyOf(index.bySymbol.keySet());
    }

    /** The first recorded candle (first row of any series when there are no klines), if any. */
    public java.util.Optional<Instant> earliest() {
        return index.earliest == Long.MIN_VALUE ? java.util.Optional.empty()
                : java.util.Optional.of(Instant.ofEpochMilli(index.earliest));
    }

    /**
     * Loads every symbol now (on worker threads) instead of on first request. Completes when all are loaded;
     * fails with the first symbol's failure, after the others finished (see {@link #status()}).
     */
    public Future<Void> preload() {
        List<Future<SymbolData>> all = new ArrayList<>();
        for (String s : index.bySymbol.keySet()) {
            all.add(load(s));
        }
        return Future.join(all).mapEmpty();
    }

    /**
     * Missing candle ranges of {@code symbol}'s klines at {@code interval} over the whole recording (not
     * clipped at now: this describes the data set). For an aggregated interval, a bucket with any missing
     * constituent is a missing candle.
     */
    public Future<List<ReplayGap>> gaps(String symbol, Interval interval) {
        return withData(symbol, () -> requireInterval(interval), d -> series(d, interval).gaps);
    }

    /** Files, symbols, coverage, gaps and replayed time, as of now. Never blocks. */
    public ReplayStatus status() {
        long now = clock.millis();
        List<ReplayStatus.SymbolStatus> details = new ArrayList<>();
        int loaded = 0;
        int gaps = 0;
        long missing = 0;
        Long latest = null;
        for (Map.Entry<String, List<ReplayFile>> e : index.bySymbol.entrySet()) {
            String symbol = e.getKey();
            int files = e.getValue().size();
            Future<SymbolData> f = loads.get(symbol);
            if (f == null || !f.isComplete()) {
                details.add(new ReplayStatus.SymbolStatus(symbol, f == null ? "not_loaded" : "loading", null, files,
                        List.of(), List.of(), null, null, 0, 0, 0, 0, 0, 0, null));
            } else if (f.failed()) {
                details.add(new ReplayStatus.SymbolStatus(symbol, "failed", f.cause().getMessage(), files, List.of(),
                        List.of(), null, null, 0, 0, 0, 0, 0, 0, null));
            } else {
                SymbolData d = f.result();
                loaded++;
                gaps += d.gapCount();
                missing += d.missingCandles();
                KlineSeries finest = d.finest();
                for (KlineSeries s : d.klines.values()) {
                    latest = latest == null ? s.last() : Math.max(latest, s.last());
                }
                details.add(new ReplayStatus.SymbolStatus(symbol, "loaded", null, files, codes(d.storedIntervals()),
                        codes(d.derivedIntervals()), finest == null ? null : finest.first(),
                        finest == null ? null : finest.last(), d.gapCount(), d.missingCandles(), d.duplicateKlines,
                        d.metrics == null ? 0 : d.metrics.size, d.funding == null ? 0 : d.funding.size,
                        d.depth == null ? 0 : d.depth.size, d.loadNanos / 1e6));
            }
        }
        Map<String, Integer> byKind = new LinkedHashMap<>();
        index.filesByKind.forEach((k, n) -> byKind.put(k.key(), n));
        return new ReplayStatus(index.dir.toString(), now, clock.speed(), clock.isPaused(),
                index.earliest == Long.MIN_VALUE ? null : index.earliest, latest,
                latest != null && loaded == index.bySymbol.size() && now > latest, symbols(), loaded, byKind, gaps,
                missing, index.exchangeInfo == null ? null : index.exchangeInfo.file(), index.bracketFiles,
                index.unrecognised, details);
    }

    // ------------------------------------------------------------------ MarketData

    @Override
    public String source() {
        return "replay";
    }

    @Override
    public Future<Long> serverTime() {
        return Future.succeededFuture(clock.millis());
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        List<Future<SymbolData>> needed = new ArrayList<>();
        for (String s : index.bySymbol.keySet()) {
            if (listed(s) == null) {
                needed.add(load(s));
            }
        }
        Supplier<ExchangeInfo> build = () -> {
            List<SymbolInfo> infos = new ArrayList<>();
            for (String s : index.bySymbol.keySet()) {
                SymbolInfo info = listed(s);
                infos.add(info != null ? info : derivedInfo(loads.get(s).result()));
            }
            List<RateLimit> limits = index.exchangeInfo != null && !index.exchangeInfo.rateLimits().isEmpty()
                    ? index.exchangeInfo.rateLimits() : DEFAULT_RATE_LIMITS;
            return new ExchangeInfo(clock.millis(), limits, infos);
        };
        if (needed.isEmpty()) {
            return answer(null, build);
        }
        return Future.all(needed).compose(ok -> answer(null, build));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        return withData(symbol, () -> {
            requireInterval(interval);
            checkRange("limit", limit, 1, MAX_KLINES);
        }, d -> {
            KlineSeries s = series(d, interval);
            int end = s.closedCount(clock.millis());
            return s.klines(Math.max(0, end - limit), end);
        });
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return withData(symbol, () -> {
            requireInterval(interval);
            checkRange("limit", limit, 1, MAX_KLINES);
            if (startTime > endTime) {
                throw IntelException.invalidParameter("startTime", "parameter [startTime] must not be after "
                        + "[endTime], was " + startTime + " > " + endTime);
            }
        }, d -> {
            KlineSeries s = series(d, interval);
            int closed = s.closedCount(clock.millis());
            int from = s.lowerBound(startTime);
            int to = (int) Math.min(Math.min(closed, s.upperBound(endTime)), (long) from + limit);
            return to <= from ? List.of() : s.klines(from, to);
        });
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return withData(symbol, () -> {
            if (!DEPTH_LIMITS.contains(limit)) {
                throw IntelException.invalidParameter("limit", "parameter [limit] must be one of " + DEPTH_LIMITS
                        + ", was " + limit);
            }
        }, d -> {
            DepthSnapshots depth = requireDepth(d);
            return depth.book(symbol, snapshotAt(d, depth), limit);
        });
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        return withData(symbol, () -> { }, d -> premium(d, clock.millis()));
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        List<String> withFunding = new ArrayList<>();
        List<Future<SymbolData>> all = new ArrayList<>();
        for (String s : index.bySymbol.keySet()) {
            if (index.has(s, FileKind.FUNDING)) {
                withFunding.add(s);
                all.add(load(s));
            }
        }
        if (withFunding.isEmpty()) {
            return Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay data has no "
                    + "funding rates for any symbol (add " + FileKind.FUNDING.pattern() + " to " + index.dir + ")",
                    Map.of("kind", FileKind.FUNDING.key(), "pattern", FileKind.FUNDING.pattern())));
        }
        return Future.all(all).compose(ok -> answer(null, () -> {
            long now = clock.millis();
            List<PremiumIndex> out = new ArrayList<>();
            for (String s : withFunding) {
                SymbolData d = loads.get(s).result();
                if (d.funding != null && d.funding.latest(now) >= 0) {
                    out.add(premium(d, now));
                }
            }
            return out;
        }));
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return withData(symbol, () -> checkRange("limit", limit, 1, MAX_FUNDING), d -> {
            FundingSeries f = requireFunding(d);
            int end = f.latest(clock.millis()) + 1;
            List<FundingRate> out = new ArrayList<>();
            for (int i = Math.max(0, end - limit); i < end; i++) {
                out.add(new FundingRate(symbol, f.rate[i], f.time[i], Double.NaN));
            }
            return out;
        });
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return withData(symbol, () -> { }, d -> {
            MetricsSeries m = requireMetrics(d, "open interest");
            int i = m.latest(clock.millis());
            if (i < 0) {
                throw notYet(symbol, "open interest", m.time[0]);
            }
            return new OpenInterest(symbol, m.openInterest[i], m.time[i]);
        });
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return withData(symbol, () -> {
            requirePeriod(period);
            checkRange("limit", limit, 1, MAX_STATISTICS);
        }, d -> {
            MetricsSeries m = requireMetrics(d, "open interest history");
            List<OpenInterestPoint> out = new ArrayList<>();
            for (int i : m.points(period, clock.millis(), limit)) {
                out.add(new OpenInterestPoint(symbol, m.openInterest[i], m.openInterestValue[i], m.time[i]));
            }
            return out;
        });
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return withData(symbol, () -> {
            if (series == null) {
                throw IntelException.invalidParameter("series", "parameter [series] is missing");
            }
            requirePeriod(period);
            checkRange("limit", limit, 1, MAX_STATISTICS);
        }, d -> {
            MetricsSeries m = requireMetrics(d, "long/short ratios");
            double[] column = switch (series) {
                case GLOBAL_ACCOUNT -> m.globalAccountRatio;
                case TOP_ACCOUNT -> m.topAccountRatio;
                case TOP_POSITION -> m.topPositionRatio;
            };
            List<LongShortRatio> out = new ArrayList<>();
            for (int i : m.points(period, clock.millis(), limit)) {
                double r = column[i];
                out.add(new LongShortRatio(symbol, r, r / (1 + r), 1 / (1 + r), m.time[i]));
            }
            return out;
        });
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return withData(symbol, () -> {
            requirePeriod(period);
            checkRange("limit", limit, 1, MAX_STATISTICS);
        }, d -> {
            MetricsSeries m = requireMetrics(d, "taker buy/sell ratios");
            if (period != Period.M5) {
                throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay data has no " + period.code()
                        + " taker buy/sell ratio for " + symbol + ": metrics files hold 5-minute ratios only, and a "
                        + "longer period's ratio needs the buy and sell volumes they do not carry (use period 5m)",
                        Map.of("symbol", symbol, "period", period.code()));
            }
            List<TakerVolumeRatio> out = new ArrayList<>();
            for (int i : m.points(period, clock.millis(), limit)) {
                out.add(new TakerVolumeRatio(m.takerRatio[i], Double.NaN, Double.NaN, m.time[i]));
            }
            return out;
        });
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        return withData(symbol, () -> { }, d -> ticker(d, clock.millis()));
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        List<String> withKlines = new ArrayList<>();
        List<Future<SymbolData>> all = new ArrayList<>();
        for (String s : index.bySymbol.keySet()) {
            if (index.has(s, FileKind.KLINES)) {
                withKlines.add(s);
                all.add(load(s));
            }
        }
        return Future.all(all).compose(ok -> answer(null, () -> {
            long now = clock.millis();
            List<Ticker24h> out = new ArrayList<>();
            for (String s : withKlines) {
                Ticker24h t = tickerOrNull(loads.get(s).result(), now);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }));
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return withData(symbol, () -> { }, d -> {
            if (d.depth == null) {
                String pattern = FileKind.DEPTH.pattern(symbol);
                throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay data has no order book snapshots for "
                        + symbol + " (add " + pattern + " to " + index.dir + "); the best bid and ask are not derived "
                        + "from klines because the spread is unknown", Map.of("symbol", symbol, "kind",
                        FileKind.DEPTH.key(), "pattern", pattern));
            }
            DepthSnapshots depth = d.depth;
            DepthSnapshots.Snapshot s = depth.snapshots[snapshotAt(d, depth)];
            if (s.bidPrice().length == 0 || s.askPrice().length == 0) {
                throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay snapshot [" + s.file() + "] of "
                        + symbol + " has an empty side: no best bid/ask", Map.of("symbol", symbol));
            }
            return new BookTicker(symbol, s.bidPrice()[0], s.bidQty()[0], s.askPrice()[0], s.askQty()[0],
                    s.transactionTime());
        });
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        try {
            requireSymbol(symbol);
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        List<LeverageBracket> b = index.brackets.get(symbol);
        if (b == null) {
            return Future.failedFuture(missing(symbol, "leverage brackets", FileKind.LEVERAGE_BRACKETS));
        }
        return Future.succeededFuture(b);
    }

    // ------------------------------------------------------------------ answers

    private PremiumIndex premium(SymbolData d, long now) {
        FundingSeries f = requireFunding(d);
        int i = f.latest(now);
        if (i < 0) {
            throw notYet(d.symbol, "funding rate", f.time[0]);
        }
        double mark = lastClose(SymbolData.shortest(d.markKlines), now);
        if (Double.isNaN(mark)) {
            mark = lastClose(d.finest(), now); // no mark klines: the last trade price stands in for it
        }
        double indexPrice = lastClose(SymbolData.shortest(d.indexKlines), now);
        return new PremiumIndex(d.symbol, mark, indexPrice, Double.NaN, f.rate[i], Double.NaN,
                f.nextFundingTime(i, now), now);
    }

    private static double lastClose(KlineSeries s, long now) {
        if (s == null) {
            return Double.NaN;
        }
        int n = s.closedCount(now);
        return n == 0 ? Double.NaN : s.close[n - 1];
    }

    private Ticker24h ticker(SymbolData d, long now) {
        KlineSeries s = d.finest();
        if (s == null) {
            throw missing(d.symbol, "klines", FileKind.KLINES);
        }
        Ticker24h t = tickerOrNull(d, now);
        if (t == null) {
            throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay data has no closed " + s.interval.code()
                    + " klines for " + d.symbol + " in the 24 hours before " + Instant.ofEpochMilli(now)
                    + " (they cover " + Instant.ofEpochMilli(s.first()) + " … " + Instant.ofEpochMilli(s.last()) + ")",
                    Map.of("symbol", d.symbol));
        }
        return t;
    }

    /** The 24-hour ticker from the shortest stored interval (≤ 1d), or null when the window is empty. */
    private static Ticker24h tickerOrNull(SymbolData d, long now) {
        KlineSeries s = null;
        for (KlineSeries k : d.klines.values()) {
            if (k.source == null && k.interval.millis() <= DAY) {
                s = k;
                break;
            }
        }
        if (s == null) {
            return null;
        }
        long forming = s.interval.openTimeOf(now);
        int to = s.closedCount(now);
        int from = s.lowerBound(forming - DAY);
        if (from >= to) {
            return null;
        }
        double high = s.high[from];
        double low = s.low[from];
        double volume = 0;
        double quote = 0;
        long count = 0;
        for (int i = from; i < to; i++) {
            high = Math.max(high, s.high[i]);
            low = Math.min(low, s.low[i]);
            volume += s.volume[i];
            quote += s.quoteVolume[i];
            count += s.trades[i];
        }
        double open = s.open[from];
        double last = s.close[to - 1];
        double change = last - open;
        double percent = open == 0 ? Double.NaN : Math.rint(change / open * 100_000) / 1000;
        double vwap = volume > 0 ? quote / volume : Double.NaN;
        return new Ticker24h(d.symbol, change, percent, vwap, last, Double.NaN, open, high, low, volume, quote,
                s.openTime[from], s.closeTime[to - 1], count);
    }

    private SymbolInfo listed(String symbol) {
        return index.exchangeInfo == null ? null : index.exchangeInfo.symbols().get(symbol);
    }

    /** Filters derived from the recorded numbers (documented in the class comment). */
    private static SymbolInfo derivedInfo(SymbolData d) {
        Precision p = d.precision;
        boolean any = d.finest() != null;
        int pd = any ? p.priceDecimals : Precision.MAX_DECIMALS;
        int vd = any ? p.volumeDecimals : Precision.MAX_DECIMALS;
        BigDecimal tick = BigDecimal.ONE.movePointLeft(pd);
        BigDecimal step = BigDecimal.ONE.movePointLeft(vd);
        BigDecimal maxPrice = p.maxPrice > 0
                ? BigDecimal.valueOf(p.maxPrice * 10).setScale(pd, RoundingMode.CEILING) : null;
        BigDecimal maxQty = p.maxVolume > 0
                ? BigDecimal.valueOf(p.maxVolume * 10).setScale(vd, RoundingMode.CEILING) : null;
        String quote = "";
        for (String q : QUOTES) {
            if (d.symbol.endsWith(q) && d.symbol.length() > q.length()) {
                quote = q;
                break;
            }
        }
        String base = d.symbol.substring(0, d.symbol.length() - quote.length());
        return new SymbolInfo(d.symbol, d.symbol, "PERPETUAL", "TRADING", base, quote, quote, pd, vd, tick, tick,
                maxPrice, step, step, maxQty, step, step, maxQty, DERIVED_MIN_NOTIONAL);
    }

    // ------------------------------------------------------------------ data kinds

    private KlineSeries series(SymbolData d, Interval interval) {
        KlineSeries s = d.klines.get(interval);
        if (s != null) {
            return s;
        }
        if (d.klines.isEmpty()) {
            throw missing(d.symbol, "klines", FileKind.KLINES);
        }
        String pattern = d.symbol + "-" + interval.code() + "-YYYY-MM.csv";
        throw new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay data has no " + interval.code()
                + " klines for " + d.symbol + " (it has " + String.join(", ", codes(d.storedIntervals()))
                + "; a candle is never split, and " + interval.code() + " is aggregated only from an interval that "
                + "divides it with at least one complete candle; add " + pattern + " to " + index.dir + ")",
                Map.of("symbol", d.symbol, "kind", FileKind.KLINES.key(), "pattern", pattern));
    }

    private DepthSnapshots requireDepth(SymbolData d) {
        if (d.depth == null) {
            throw missing(d.symbol, "order book snapshots", FileKind.DEPTH);
        }
        return d.depth;
    }

    private int snapshotAt(SymbolData d, DepthSnapshots depth) {
        int i = depth.latest(clock.millis());
        if (i < 0) {
            throw notYet(d.symbol, "order book snapshot", depth.time[0]);
        }
        return i;
    }

    private FundingSeries requireFunding(SymbolData d) {
        if (d.funding == null || d.funding.size == 0) {
            throw missing(d.symbol, "funding rates", FileKind.FUNDING);
        }
        return d.funding;
    }

    private MetricsSeries requireMetrics(SymbolData d, String what) {
        if (d.metrics == null || d.metrics.size == 0) {
            throw missing(d.symbol, what, FileKind.METRICS);
        }
        return d.metrics;
    }

    private IntelException missing(String symbol, String what, FileKind kind) {
        String pattern = kind.pattern(symbol);
        return new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay data has no " + what + " for " + symbol
                + " (add " + pattern + " to " + index.dir + ")",
                Map.of("symbol", symbol, "kind", kind.key(), "pattern", pattern));
    }

    private IntelException notYet(String symbol, String what, long first) {
        return new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "replay data has no " + what + " for " + symbol
                + " at or before " + Instant.ofEpochMilli(clock.millis()) + " (it starts at "
                + Instant.ofEpochMilli(first) + ")", Map.of("symbol", symbol));
    }

    // ------------------------------------------------------------------ plumbing

    private Future<SymbolData> load(String symbol) {
        Future<SymbolData> f = loads.get(symbol);
        if (f != null) {
            return f;
        }
        return loads.computeIfAbsent(symbol, s -> vertx.executeBlocking(() -> {
            try {
                return SymbolData.load(s, index.bySymbol.get(s), readers);
            } catch (IntelException e) {
                LOG.log(System.Logger.Level.WARNING, "replay of [" + s + "] is unavailable: " + e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "replay of [" + s + "] failed to load", e);
                throw new IntelException(ErrorCode.UPSTREAM_ERROR, "replay data of " + s + " cannot be read: " + e,
                        Map.of("symbol", s), e);
            }
        }, false));
    }

    private <T> Future<T> withData(String symbol, Runnable validate, Function<SymbolData, T> body) {
        try {
            requireSymbol(symbol);
            validate.run();
        } catch (IntelException e) {
            return Future.failedFuture(e);
        }
        Future<SymbolData> f = load(symbol);
        if (f.isComplete()) {
            return f.failed() ? Future.failedFuture(f.cause()) : answer(symbol, () -> body.apply(f.result()));
        }
        return f.compose(d -> answer(symbol, () -> body.apply(d)));
    }

    private static <T> Future<T> answer(String symbol, Supplier<T> body) {
        try {
            return Future.succeededFuture(body.get());
        } catch (IntelException e) {
            return Future.failedFuture(e);
        } catch (RuntimeException e) {
            return Future.failedFuture(new IntelException(ErrorCode.INTERNAL_ERROR,
                    "the replay market failed to answer" + (symbol == null ? "" : " for [" + symbol + "]"), Map.of(),
                    e));
        }
    }

    private void requireSymbol(String symbol) {
        if (symbol == null || !index.bySymbol.containsKey(symbol)) {
            throw IntelException.unknownSymbol(String.valueOf(symbol));
        }
    }

    private static List<String> codes(List<Interval> intervals) {
        List<String> out = new ArrayList<>(intervals.size());
        for (Interval i : intervals) {
            out.add(i.code());
        }
        return out;
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw IntelException.invalidParameter(name, "parameter [" + name + "] must be within [" + min + ", "
                    + max + "], was " + value);
        }
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
}
