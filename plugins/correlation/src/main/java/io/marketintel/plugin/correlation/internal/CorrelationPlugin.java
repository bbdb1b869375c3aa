package io.marketintel.plugin.correlation.internal;

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
import io.marketintel.api.market.Interval;
import io.marketintel.plugin.correlation.internal.Alignment.Aligned;
import io.marketintel.plugin.correlation.internal.CorrelationAnalysis.Query;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Correlation Matrix &amp; Pairs Trading plugin ({@code correlation}).
 *
 * <ul>
 *   <li>{@code POST /api/intelligence/correlation/matrix} {@code {"symbols":[…],"period":"1d"}}: the same window of
 *       closed klines for every symbol (bounded concurrency), aligned by open time, the Pearson matrix of their
 *       returns and the pairs-trading, hedging and diversification opportunities ({@link CorrelationAnalysis#matrix}).</li>
 *   <li>{@code GET /api/intelligence/correlation/hedge/{symbol}?candidates=…}: candidates ranked by the variance
 *       their OLS-beta hedge removes ({@link CorrelationAnalysis#hedge}).</li>
 *   <li>{@code GET /api/intelligence/correlation/pairs-signal?pair1=…&pair2=…}: spread z-score and a
 *       mean-reversion signal ({@link CorrelationAnalysis#pairsSignal}).</li>
 * </ul>
 * Every answer is cached for {@code cache_ttl_seconds} under a key holding the request, the settings and the open
 * time of the forming candle (so a newly closed candle is never hidden behind a cached answer) and published on
 * {@code intel.events.correlation} when freshly computed. Market data failures reach the caller unchanged; anything
 * else unexpected becomes an {@code INTERNAL_ERROR}. Handlers never throw: they return failed futures.
 */
public final class CorrelationPlugin implements Analyzer {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "correlation";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event types ({@code intel.events.correlation}). */
    public static final String MATRIX_EVENT = "matrix";
    public static final String HEDGE_EVENT = "hedge";
    public static final String PAIRS_SIGNAL_EVENT = "pairs-signal";
    /** Parameters. */
    public static final String SYMBOLS = "symbols";
    public static final String PERIOD = "period";
    public static final String LOOKBACK = "lookback";
    public static final String CANDIDATES = "candidates";
    public static final String PAIR1 = "pair1";
    public static final String PAIR2 = "pair2";

    private static final ParamSpec PERIOD_SPEC = ParamSpec.enumeration(PERIOD, null, CorrelationSettings.INTERVAL_CODES)
            .optional()
            .describe("kline interval, Binance codes 1m..1w; default plugins.correlation.default_period (1d)");
    private static final ParamSpec LOOKBACK_SPEC = ParamSpec.integer(LOOKBACK, 100)
            .range(CorrelationSettings.MIN_LOOKBACK, CorrelationSettings.MAX_LOOKBACK).optional()
            .describe("closed candles per symbol (up to lookback - 1 returns); default plugins.correlation.lookback"
                    + " (100)");

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Correlation Matrix & Pairs Trading",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.ANALYZER,
            "Pearson correlation matrix of the returns of many symbols (closed klines aligned by open time, gaps"
                    + " dropped and counted) with pairs-trading, hedging and diversification opportunities; hedge"
                    + " recommendations with OLS hedge ratios; a spread z-score pairs-trading signal.",
            CorrelationSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.post("matrix")
                    .param(ParamSpec.symbolList(SYMBOLS).require().range(2, CorrelationSettings.SYMBOLS_CEILING)
                            .describe("symbols to correlate (JSON array or comma-separated), 2 .. "
                                    + "plugins.correlation.max_symbols (100)"))
                    .param(PERIOD_SPEC)
                    .param(LOOKBACK_SPEC)
                    .describe("correlation matrix of the symbols' returns with pairs-trading, hedging and"
                            + " diversification opportunities")
                    .handler(this::matrix),
            Operation.get("hedge")
                    .withSymbol()
                    .param(ParamSpec.symbolList(CANDIDATES).require().range(1, CorrelationSettings.SYMBOLS_CEILING - 1)
                            .describe("candidate hedges (comma-separated), not the target itself"))
                    .param(PERIOD_SPEC)
                    .param(LOOKBACK_SPEC)
                    .describe("hedge candidates for a symbol ranked by the return variance their OLS-beta hedge"
                            + " removes, with hedge ratios and the best hedge")
                    .handler(this::hedge),
            Operation.get("pairs-signal")
                    .param(ParamSpec.symbol(PAIR1).require().describe("first symbol of the pair"))
                    .param(ParamSpec.symbol(PAIR2).require().describe("second symbol of the pair, not pair1"))
                    .param(PERIOD_SPEC)
                    .param(LOOKBACK_SPEC)
                    .describe("pairs-trading signal: z-score of the return spread, correlation, MEAN_REVERSION or"
                            + " NONE with the legs, confidence and reasoning")
                    .handler(this::pairsSignal));

    private volatile PluginContext context;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public CorrelationPlugin() {
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
        Plugin.checkSettings(config, CorrelationSettings::from);
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

    // ---------------------------------------------------------------- matrix

    Future<MatrixResult> matrix(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            CorrelationSettings s = CorrelationSettings.from(ctx.config());
            List<String> symbols = request.params().list(SYMBOLS);
            if (symbols.size() > s.maxSymbols()) {
                throw new IntelException(ErrorCode.INVALID_PARAMETER, "parameter [" + SYMBOLS + "] must have between [2, "
                        + s.maxSymbols() + "] items (plugins.correlation.max_symbols), was " + symbols.size() + " items",
                        Map.of("parameter", SYMBOLS, "max_symbols", s.maxSymbols(), "items", symbols.size()));
            }
            Query q = query(ctx, request.params(), s);
            long now = ctx.clock().millis();
            String key = "matrix:" + String.join(",", symbols) + "|" + window(q, now) + "|" + s.fingerprint();
            return ctx.cached(key, s.cacheTtl(), () -> KlineFetch.closedWindow(ctx.marketData(), symbols, q.period(),
                            q.lookback(), now, s.maxConcurrentRequests())
                    .map(klines -> CorrelationAnalysis.matrix(symbols, Alignment.align(klines, q.period(), now), q))
                    .onSuccess(result -> ctx.publish(MATRIX_EVENT, result)))
                    .recover(e -> failure(ctx, "correlation matrix of " + symbols, e));
        } catch (RuntimeException e) {
            return failure(ctx, "correlation matrix", e);
        }
    }

    // ---------------------------------------------------------------- hedge

    Future<HedgeResult> hedge(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            CorrelationSettings s = CorrelationSettings.from(ctx.config());
            String target = request.symbol();
            List<String> candidates = request.params().list(CANDIDATES);
            if (candidates.contains(target)) {
                throw new IntelException(ErrorCode.INVALID_PARAMETER, "parameter [" + CANDIDATES
                        + "] must not contain the target symbol [" + target + "]: a position cannot hedge itself",
                        Map.of("parameter", CANDIDATES, "symbol", target));
            }
            if (candidates.size() + 1 > s.maxSymbols()) {
                throw new IntelException(ErrorCode.INVALID_PARAMETER, "parameter [" + CANDIDATES + "] must have between "
                        + "[1, " + (s.maxSymbols() - 1) + "] items (plugins.correlation.max_symbols minus the target),"
                        + " was " + candidates.size() + " items",
                        Map.of("parameter", CANDIDATES, "max_symbols", s.maxSymbols(), "items", candidates.size()));
            }
            Query q = query(ctx, request.params(), s);
            long now = ctx.clock().millis();
            List<String> all = new ArrayList<>(candidates.size() + 1);
            all.add(target);
            all.addAll(candidates);
            String key = "hedge:" + target + "|" + String.join(",", candidates) + "|" + window(q, now) + "|"
                    + s.fingerprint();
            return ctx.cached(key, s.cacheTtl(), () -> KlineFetch.closedWindow(ctx.marketData(), all, q.period(),
                            q.lookback(), now, s.maxConcurrentRequests())
                    .map(klines -> {
                        // Each candidate is aligned with the target alone: one short history does not cut the others.
                        List<Aligned> pairs = new ArrayList<>(candidates.size());
                        for (int c = 1; c < klines.size(); c++) {
                            pairs.add(Alignment.align(List.of(klines.get(0), klines.get(c)), q.period(), now));
                        }
                        return CorrelationAnalysis.hedge(target, candidates, pairs, q);
                    })
                    .onSuccess(result -> ctx.publish(HEDGE_EVENT, result)))
                    .recover(e -> failure(ctx, "hedge recommendation for [" + target + "]", e));
        } catch (RuntimeException e) {
            return failure(ctx, "hedge recommendation", e);
        }
    }

    // ---------------------------------------------------------------- pairs signal

    Future<PairsSignalResult> pairsSignal(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            CorrelationSettings s = CorrelationSettings.from(ctx.config());
            String pair1 = request.params().string(PAIR1);
            String pair2 = request.params().string(PAIR2);
            if (pair1.equals(pair2)) {
                throw new IntelException(ErrorCode.INVALID_PARAMETER, "parameter [" + PAIR2 + "] must differ from ["
                        + PAIR1 + "], both were [" + pair1 + "]", Map.of("parameter", PAIR2, "symbol", pair1));
            }
            Query q = query(ctx, request.params(), s);
            long now = ctx.clock().millis();
            String key = "pairs:" + pair1 + "," + pair2 + "|" + window(q, now) + "|" + s.fingerprint();
            return ctx.cached(key, s.cacheTtl(), () -> KlineFetch.closedWindow(ctx.marketData(), List.of(pair1, pair2),
                            q.period(), q.lookback(), now, s.maxConcurrentRequests())
                    .map(klines -> CorrelationAnalysis.pairsSignal(pair1, pair2, Alignment.align(klines, q.period(), now),
                            q))
                    .onSuccess(result -> ctx.publish(PAIRS_SIGNAL_EVENT, result)))
                    .recover(e -> failure(ctx, "pairs signal of [" + pair1 + ", " + pair2 + "]", e));
        } catch (RuntimeException e) {
            return failure(ctx, "pairs signal", e);
        }
    }

    // ---------------------------------------------------------------- shared

    /** Period and lookback of a request, with the configured defaults; a lookback too short for a result is a 400. */
    private static Query query(PluginContext ctx, Params params, CorrelationSettings s) {
        Interval period = s.defaultPeriod();
        if (params.has(PERIOD)) {
            String code = params.string(PERIOD);
            period = Interval.fromCode(code).orElseThrow(() -> IntelException.invalidParameter(PERIOD,
                    "parameter [" + PERIOD + "] must be one of " + CorrelationSettings.INTERVAL_CODES + ", was \"" + code
                            + "\""));
        }
        int lookback = s.lookback();
        if (params.has(LOOKBACK)) {
            lookback = params.integer(LOOKBACK);
            if (lookback - 1 < s.minObservations()) {
                throw new IntelException(ErrorCode.INVALID_PARAMETER, "parameter [" + LOOKBACK + "] must be at least "
                        + (s.minObservations() + 1) + " (plugins.correlation.min_observations " + s.minObservations()
                        + " returns need one more candle), was " + lookback,
                        Map.of("parameter", LOOKBACK, "min", s.minObservations() + 1));
            }
        }
        return new Query(period, lookback, s, ctx.marketData().source());
    }

    /** The part of a cache key that changes when a new candle closes. */
    private static String window(Query q, long now) {
        return q.period().code() + "|" + q.lookback() + "|" + q.period().openTimeOf(now);
    }

    /** IntelExceptions (market data, parameters, configuration) pass unchanged; anything else is a defect, logged. */
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
