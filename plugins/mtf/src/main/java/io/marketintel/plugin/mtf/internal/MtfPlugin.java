package io.marketintel.plugin.mtf.internal;

import io.marketintel.api.Analyzer;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.MarketData;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Multi-Timeframe Confluence plugin ({@code mtf}).
 *
 * <ul>
 *   <li>{@code GET /api/intelligence/mtf/confluence/{symbol}}: the closed candles of every configured timeframe,
 *       requested in parallel, analysed by {@link ConfluenceAnalysis}; cached for {@code cache_ttl_seconds} and
 *       published as a {@code confluence} event when freshly computed.</li>
 * </ul>
 * Market data failures reach the caller unchanged; a bad configuration is an {@code INTERNAL_ERROR} naming the key;
 * anything else unexpected becomes an {@code INTERNAL_ERROR}. Handlers never throw: they return failed futures.
 */
public final class MtfPlugin implements Analyzer {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = MtfSettings.PLUGIN;
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event type of published analyses ({@code intel.events.mtf}). */
    public static final String CONFLUENCE_EVENT = "confluence";

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Multi-Timeframe Confluence",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.ANALYZER,
            "EMAs, RSI, MACD, ADX/DI and ATR on the closed candles of 1m to 1d, each timeframe classified"
                    + " BULLISH/BEARISH/NEUTRAL with a strength, weighted into a confluence score, bias, confidence"
                    + " and an ENTER/WAIT/AVOID recommendation with reasoning.",
            MtfSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.get("confluence")
                    .withSymbol()
                    .describe("multi-timeframe confluence of a symbol: direction and strength per timeframe with the"
                            + " deciding indicator values, weighted confluence score, bias, confidence, entry"
                            + " recommendation and reasoning")
                    .handler(this::confluence));

    private volatile PluginContext context;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public MtfPlugin() {
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
        Plugin.checkSettings(config, MtfSettings::from);
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

    Future<ConfluenceResult> confluence(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return Future.failedFuture(new IntelException(ErrorCode.SERVICE_UNAVAILABLE,
                    "plugin [" + ID + "] is not started", Map.of("plugin", ID)));
        }
        String what = "confluence";
        try {
            String symbol = request.symbol();
            what = "confluence of [" + symbol + "]";
            String failedWhat = what;
            MtfSettings settings = MtfSettings.from(ctx.config());
            String key = "confluence:" + symbol + "|" + settings.fingerprint();
            return ctx.cached(key, settings.cacheTtl(), () -> compute(ctx, symbol, settings)
                            .onSuccess(r -> ctx.publish(CONFLUENCE_EVENT, r)))
                    .recover(e -> failure(ctx, failedWhat, e));
        } catch (RuntimeException e) {
            return failure(ctx, what, e);
        }
    }

    /**
     * Requests the closed candles of every timeframe in parallel and analyses them.
     *
     * <p>Each request asks for the {@code bars} candles whose open times lie in
     * {@code [formingOpen − bars·interval, formingOpen − 1]}, where {@code formingOpen} is the open time of the candle
     * forming now: only candles already closed when the request is made, so an answer cached by the runtime (30 s
     * below 1h, 5 min from 1h) never holds a candle that was still forming when it was fetched. A market that sends
     * the forming candle anyway is covered by {@link ConfluenceAnalysis}, which uses closed candles only.
     */
    private static Future<ConfluenceResult> compute(PluginContext ctx, String symbol, MtfSettings s) {
        MarketData md = ctx.marketData();
        long now = ctx.clock().millis();
        List<Future<List<Kline>>> requests = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Interval tf : s.timeframes()) {
            long formingOpen = tf.openTimeOf(now);
            long start = Math.max(0, formingOpen - s.bars() * tf.millis());
            int index = unavailable.size();
            unavailable.add(null);
            // A timeframe the market cannot provide (e.g. a replay of 1h files has no 1m candles) is left out like one
            // with too little history; only when no timeframe has data does the whole call fail.
            requests.add(md.klines(symbol, tf, start, formingOpen - 1, s.bars()).recover(e -> {
                if (e instanceof IntelException ie && ie.code() == ErrorCode.UPSTREAM_UNAVAILABLE) {
                    unavailable.set(index, ie.getMessage());
                    return Future.succeededFuture(List.of());
                }
                return Future.failedFuture(e);
            }));
        }
        return Future.all(requests).compose(all -> {
            if (unavailable.stream().allMatch(java.util.Objects::nonNull)) {
                return Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE,
                        "no timeframe has market data for " + symbol + ": " + unavailable.get(0),
                        Map.of("symbol", symbol)));
            }
            List<List<Kline>> klines = new ArrayList<>(requests.size());
            for (Future<List<Kline>> f : requests) {
                List<Kline> k = f.result();
                klines.add(k == null ? List.of() : k);
            }
            return Future.succeededFuture(ConfluenceAnalysis.analyse(symbol, klines, unavailable, s, now, md.source()));
        });
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
}
