package io.marketintel.plugin.volumeprofile.internal;

import io.marketintel.api.Analyzer;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.SymbolInfo;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Volume Profile &amp; POC Analysis plugin ({@code volume-profile}).
 *
 * <ul>
 *   <li>{@code GET /api/intelligence/volume-profile/analysis/{symbol}?interval=5m&lookback=200}: exchange info (tick
 *       size) and the newest {@code lookback} closed klines plus the forming one, profiled by {@link Profile#of} and
 *       reported by {@link ProfileReport#analysis}; cached for {@code cache_ttl_seconds} and published as a
 *       {@code profile} event when freshly computed.</li>
 *   <li>{@code GET …/levels/{symbol}?num_levels=5}: the nearest levels of the same (cached) profile,
 *       {@link ProfileReport#levels}.</li>
 *   <li>{@code GET …/compare/{symbol}?interval&lookback&historical_multiplier}: the current profile against the
 *       profile of the {@code lookback × historical_multiplier} closed candles before it,
 *       {@link ProfileReport#compare}; cached likewise.</li>
 * </ul>
 * {@code interval}, {@code lookback} and {@code historical_multiplier} are optional: when a call leaves them out
 * the configured {@code default_interval}, {@code default_lookback} and {@code historical_multiplier} apply, so an
 * operator can change the defaults without a restart. Market data failures reach the caller unchanged; a bad
 * configuration is an {@code INTERNAL_ERROR} naming the keys; a market answer without usable klines is an
 * {@code UPSTREAM_ERROR}; anything else unexpected becomes an {@code INTERNAL_ERROR}. Handlers never throw: they
 * return failed futures.
 */
public final class VolumeProfilePlugin implements Analyzer {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "volume-profile";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event type of published profiles ({@code intel.events.volume-profile}). */
    public static final String PROFILE_EVENT = "profile";

    /** Parameter: kline interval. */
    public static final String INTERVAL = "interval";
    /** Parameter: closed candles in the (current) profile. */
    public static final String LOOKBACK = "lookback";
    /** Parameter of {@code levels}: levels per side. */
    public static final String NUM_LEVELS = "num_levels";
    /** Parameter of {@code compare}: the historical profile's length in current windows. */
    public static final String HISTORICAL_MULTIPLIER = ProfileSettings.HISTORICAL_MULTIPLIER;

    private static final ParamSpec INTERVAL_PARAM = ParamSpec
            .enumeration(INTERVAL, Interval.M5.code(), ProfileSettings.INTERVAL_CODES).optional()
            .describe("kline interval, Binance code 1m..1w; default: config default_interval (5m)");
    private static final ParamSpec LOOKBACK_PARAM = ParamSpec
            .integer(LOOKBACK, 200).range(ProfileSettings.MIN_LOOKBACK, ProfileSettings.MAX_LOOKBACK).optional()
            .describe("closed candles in the profile (the forming candle is left out); default: config"
                    + " default_lookback (200)");

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Volume Profile & POC",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.ANALYZER,
            "Volume of closed candles spread over price bins: point of control, 70% value area grown the CBOT way,"
                    + " high and low volume nodes, position relative to value with bias and reasoning, nearest volume"
                    + " levels, and value migration against a longer historical profile.",
            ProfileSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.get("analysis")
                    .withSymbol()
                    .param(INTERVAL_PARAM)
                    .param(LOOKBACK_PARAM)
                    .describe("volume profile of a symbol: POC, value area (VAH/VAL), HVNs and LVNs, position"
                            + " relative to the value area, bias and confidence with reasoning, bins for charts")
                    .handler(this::analysis),
            Operation.get("levels")
                    .withSymbol()
                    .param(INTERVAL_PARAM)
                    .param(LOOKBACK_PARAM)
                    .param(ParamSpec.integer(NUM_LEVELS, 5).range(1, 50)
                            .describe("volume levels per side, nearest first"))
                    .describe("nearest POC / VAH / VAL / HVN / LVN levels above and below the price")
                    .handler(this::levels),
            Operation.get("compare")
                    .withSymbol()
                    .param(INTERVAL_PARAM)
                    .param(LOOKBACK_PARAM)
                    .param(ParamSpec.integer(HISTORICAL_MULTIPLIER, 5)
                            .range(ProfileSettings.MIN_MULTIPLIER, ProfileSettings.MAX_MULTIPLIER).optional()
                            .describe("the historical profile covers this many lookbacks right before the current"
                                    + " one; default: config historical_multiplier (5)"))
                    .describe("current profile against the longer profile before it: POC migration, value area"
                            + " overlap both ways, shift direction (HIGHER / LOWER / OVERLAPPING)")
                    .handler(this::compare));

    private volatile PluginContext context;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public VolumeProfilePlugin() {
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    /** Rejects an inconsistent configuration when it is loaded, so it never reaches a request. */
    @Override
    public void checkConfig(Params config) {
        Plugin.checkSettings(config, ProfileSettings::from);
    }

    @Override
    public Future<Void> start(PluginContext ctx) {
        this.context = ctx;
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        this.context = null;
        return Future.succeededFuture();
    }

    // ---------------------------------------------------------------- operations

    Future<ProfileResult> analysis(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        String what = "volume profile";
        try {
            String symbol = request.symbol();
            what = "volume profile of [" + symbol + "]";
            String failedWhat = what;
            ProfileSettings s = ProfileSettings.from(ctx.config());
            return profile(ctx, symbol, interval(request.params(), s), lookback(request.params(), s), s)
                    .recover(e -> failure(ctx, failedWhat, e));
        } catch (RuntimeException e) {
            return failure(ctx, what, e);
        }
    }

    Future<LevelsResult> levels(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        String what = "volume levels";
        try {
            String symbol = request.symbol();
            what = "volume levels of [" + symbol + "]";
            String failedWhat = what;
            ProfileSettings s = ProfileSettings.from(ctx.config());
            int n = request.params().integer(NUM_LEVELS);
            return profile(ctx, symbol, interval(request.params(), s), lookback(request.params(), s), s)
                    .map(r -> ProfileReport.levels(r, n))
                    .recover(e -> failure(ctx, failedWhat, e));
        } catch (RuntimeException e) {
            return failure(ctx, what, e);
        }
    }

    Future<CompareResult> compare(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        String what = "volume profile comparison";
        try {
            String symbol = request.symbol();
            what = "volume profile comparison of [" + symbol + "]";
            String failedWhat = what;
            ProfileSettings s = ProfileSettings.from(ctx.config());
            Params p = request.params();
            Interval interval = interval(p, s);
            int lookback = lookback(p, s);
            int multiplier = p.has(HISTORICAL_MULTIPLIER) ? p.integer(HISTORICAL_MULTIPLIER) : s.historicalMultiplier();
            String key = "compare:" + symbol + "|" + interval.code() + "|" + lookback + "|" + multiplier + "|"
                    + s.fingerprint();
            return ctx.cached(key, s.cacheTtl(), () -> computeCompare(ctx, symbol, interval, lookback, multiplier, s))
                    .recover(e -> failure(ctx, failedWhat, e));
        } catch (RuntimeException e) {
            return failure(ctx, what, e);
        }
    }

    private static Interval interval(Params p, ProfileSettings s) {
        if (!p.has(INTERVAL)) {
            return s.defaultInterval();
        }
        String code = p.string(INTERVAL);
        return Interval.fromCode(code).orElseThrow(() -> IntelException.invalidParameter(INTERVAL,
                "parameter [" + INTERVAL + "] must be one of " + ProfileSettings.INTERVAL_CODES + ", was \"" + code + "\""));
    }

    private static int lookback(Params p, ProfileSettings s) {
        return p.has(LOOKBACK) ? p.integer(LOOKBACK) : s.defaultLookback();
    }

    // ---------------------------------------------------------------- computation

    /**
     * The cached profile. The key carries the interval, lookback and profile settings, so a configuration change
     * takes effect on the next call; a freshly computed profile is published as a {@code profile} event, whichever
     * operation asked.
     */
    private static Future<ProfileResult> profile(PluginContext ctx, String symbol, Interval interval, int lookback,
                                                 ProfileSettings s) {
        String key = "profile:" + symbol + "|" + interval.code() + "|" + lookback + "|" + s.fingerprint();
        return ctx.cached(key, s.cacheTtl(), () -> computeProfile(ctx, symbol, interval, lookback, s)
                .onSuccess(r -> ctx.publish(PROFILE_EVENT, r)));
    }

    private static Future<ProfileResult> computeProfile(PluginContext ctx, String symbol, Interval interval,
                                                        int lookback, ProfileSettings s) {
        MarketData md = ctx.marketData();
        long now = ctx.clock().millis();
        Future<ExchangeInfo> info = md.exchangeInfo();
        Future<List<Kline>> klines = Candles.fetch(md, symbol, interval, lookback, now);
        return Future.all(info, klines).map(all -> {
            BigDecimal tick = tickSize(info.result(), symbol);
            Candles.Split split = Candles.split(klines.result(), now, lookback);
            List<Kline> closed = split.closed();
            Profile p = build(arrays(closed), 0, closed.size(), tick, s)
                    .orElseThrow(() -> noVolume(symbol, interval, closed.size(), ""));
            return ProfileReport.analysis(p, window(symbol, interval, lookback, split, closed, md.source()));
        });
    }

    private static Future<CompareResult> computeCompare(PluginContext ctx, String symbol, Interval interval,
                                                        int lookback, int multiplier, ProfileSettings s) {
        MarketData md = ctx.marketData();
        long now = ctx.clock().millis();
        int total = lookback * (multiplier + 1);
        Future<ExchangeInfo> info = md.exchangeInfo();
        Future<List<Kline>> klines = Candles.fetch(md, symbol, interval, total, now);
        return Future.all(info, klines).map(all -> {
            BigDecimal tick = tickSize(info.result(), symbol);
            Candles.Split split = Candles.split(klines.result(), now, total);
            List<Kline> closed = split.closed();
            int cut = Math.max(0, closed.size() - lookback);
            List<Kline> recent = closed.subList(cut, closed.size());
            double[][] hlv = arrays(closed);
            Profile current = build(hlv, cut, closed.size(), tick, s)
                    .orElseThrow(() -> noVolume(symbol, interval, recent.size(), ""));
            Profile historical = build(hlv, 0, cut, tick, s)
                    .orElseThrow(() -> noVolume(symbol, interval, cut, " before the current " + lookback
                            + ": its history is too short for lookback " + lookback + " x historical_multiplier "
                            + multiplier + "; try a shorter interval or lookback"));
            return ProfileReport.compare(current, historical,
                    window(symbol, interval, lookback, split, recent, md.source()),
                    closed.get(0).openTime(), closed.get(cut - 1).closeTime(), multiplier);
        });
    }

    /** Profiles candles {@code [from, to)} of the arrays {@code hlv} = highs, lows, volumes. */
    private static Optional<Profile> build(double[][] hlv, int from, int to, BigDecimal tick, ProfileSettings s) {
        return Profile.of(hlv[0], hlv[1], hlv[2], from, to, tick, s.binCount(), s.valueAreaPct(), s.hvnThresholdPct(),
                s.lvnThresholdPct());
    }

    private static double[][] arrays(List<Kline> klines) {
        return new double[][] {Kline.highs(klines), Kline.lows(klines), Kline.volumes(klines)};
    }

    private static ProfileReport.Window window(String symbol, Interval interval, int lookback, Candles.Split split,
                                               List<Kline> closed, String source) {
        Kline newest = closed.get(closed.size() - 1);
        return new ProfileReport.Window(symbol, interval.code(), lookback, split.lastPrice(), split.forming() != null,
                closed.get(0).openTime(), newest.closeTime(), source);
    }

    private static BigDecimal tickSize(ExchangeInfo info, String symbol) {
        SymbolInfo si = info.symbol(symbol).orElseThrow(() -> IntelException.unknownSymbol(symbol));
        if (si.tickSize().signum() <= 0) {
            throw new IntelException(ErrorCode.UPSTREAM_ERROR, "exchange info gives [" + symbol + "] no positive tick"
                    + " size (" + si.tickSize().toPlainString() + ")", Map.of("symbol", symbol));
        }
        return si.tickSize();
    }

    /** No profile: no closed candles at all, or none with volume ({@code where} says which window, may be empty). */
    private static IntelException noVolume(String symbol, Interval interval, int candles, String where) {
        String message = candles == 0
                ? "the market returned no closed " + interval.code() + " klines for [" + symbol + "]" + where
                : "the market returned no traded volume for [" + symbol + "] in " + candles + " closed "
                + interval.code() + " klines" + where;
        return new IntelException(ErrorCode.UPSTREAM_ERROR, message,
                Map.of("symbol", symbol, "interval", interval.code(), "candles", candles));
    }

    // ---------------------------------------------------------------- failures

    /** IntelExceptions (market data, configuration) pass unchanged; anything else is a defect, logged. */
    private static <T> Future<T> failure(PluginContext ctx, String what, Throwable e) {
        if (e instanceof IntelException) {
            return Future.failedFuture(e);
        }
        ctx.logger().log(Level.ERROR, what + " failed", e);
        return Future.failedFuture(new IntelException(ErrorCode.INTERNAL_ERROR, what + " failed unexpectedly",
                Map.of("plugin", ID), e));
    }

    private static <T> Future<T> notStarted() {
        return Future.failedFuture(new IntelException(ErrorCode.SERVICE_UNAVAILABLE,
                "plugin [" + ID + "] is not started", Map.of("plugin", ID)));
    }
}
