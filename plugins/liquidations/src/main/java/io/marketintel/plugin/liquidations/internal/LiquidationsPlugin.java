package io.marketintel.plugin.liquidations.internal;

import io.marketintel.api.Analyzer;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Params;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.SymbolInfo;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * The Liquidation Heatmap Calculator plugin ({@code liquidations}).
 *
 * <ul>
 *   <li>{@code GET /api/intelligence/liquidations/heatmap/{symbol}}: eight market requests in parallel (exchange
 *       info, premium index, open interest now and over the window, klines of the same period, top-trader
 *       position and global account ratios, leverage brackets), estimated by {@link HeatmapModel#compute};
 *       cached for {@code cache_ttl_seconds} and published as a {@code heatmap} event when freshly computed.</li>
 *   <li>{@code GET /api/intelligence/liquidations/levels/{symbol}?num_levels=5}: the nearest levels of the same
 *       (cached) estimate, {@link HeatmapModel#levels}.</li>
 * </ul>
 * Market data failures reach the caller unchanged; a bad configuration is an {@code INTERNAL_ERROR} naming the
 * key; anything else unexpected becomes an {@code INTERNAL_ERROR}. Handlers never throw: they return failed
 * futures.
 */
public final class LiquidationsPlugin implements Analyzer {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "liquidations";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event type of published heatmaps ({@code intel.events.liquidations}). */
    public static final String HEATMAP_EVENT = "heatmap";
    /** Parameter of {@code levels}: levels per side. */
    public static final String NUM_LEVELS = "num_levels";

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Liquidation Heatmap",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.ANALYZER,
            "An estimate of where liquidations cluster: open interest build-up located at the klines where it"
                    + " happened, split long/short from the ratios, liquidated per leverage tier with Binance's formula"
                    + " and brackets; zones, clusters, cascade risk, stop-hunting zones, bias with reasoning.",
            LiquidationSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.get("heatmap")
                    .withSymbol()
                    .describe("estimated liquidation heatmap of a symbol: long/short liquidation zones, clusters,"
                            + " cascade risk score, hunting zones, bias and confidence with reasoning")
                    .handler(this::heatmap),
            Operation.get("levels")
                    .withSymbol()
                    .param(ParamSpec.integer(NUM_LEVELS, 5).range(1, 50)
                            .describe("estimated liquidation levels per side, nearest first"))
                    .describe("nearest estimated liquidation levels below (longs) and above (shorts) the price")
                    .handler(this::levels));

    private volatile PluginContext context;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public LiquidationsPlugin() {
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
        Plugin.checkSettings(config, LiquidationSettings::from);
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

    Future<HeatmapResult> heatmap(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        String what = "liquidation heatmap";
        try {
            String symbol = request.symbol();
            what = "liquidation heatmap of [" + symbol + "]";
            String failedWhat = what;
            return estimate(ctx, symbol).map(HeatmapModel.Heatmap::result)
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
        String what = "liquidation levels";
        try {
            String symbol = request.symbol();
            int n = request.params().integer(NUM_LEVELS);
            what = "liquidation levels of [" + symbol + "]";
            String failedWhat = what;
            return estimate(ctx, symbol).map(h -> HeatmapModel.levels(h, n))
                    .recover(e -> failure(ctx, failedWhat, e));
        } catch (RuntimeException e) {
            return failure(ctx, what, e);
        }
    }

    /**
     * The cached estimate. The key carries the model settings, so a configuration change takes effect on the
     * next call; a freshly computed estimate is published as a {@code heatmap} event, whichever operation asked.
     */
    private static Future<HeatmapModel.Heatmap> estimate(PluginContext ctx, String symbol) {
        LiquidationSettings settings = LiquidationSettings.from(ctx.config());
        String key = "heatmap:" + symbol + "|" + settings.fingerprint();
        return ctx.cached(key, settings.cacheTtl(), () -> compute(ctx, symbol, settings)
                .onSuccess(h -> ctx.publish(HEATMAP_EVENT, h.result())));
    }

    private static Future<HeatmapModel.Heatmap> compute(PluginContext ctx, String symbol, LiquidationSettings s) {
        MarketData md = ctx.marketData();
        Interval interval = Interval.fromCode(s.oiPeriod().code()).orElseThrow(() -> new IntelException(
                ErrorCode.INTERNAL_ERROR, "period [" + s.oiPeriod().code() + "] has no kline interval"));
        Future<ExchangeInfo> info = md.exchangeInfo();
        Future<PremiumIndex> premium = md.premiumIndex(symbol);
        Future<OpenInterest> openInterest = md.openInterest(symbol);
        // oi_points periods between the first and the last snapshot need oi_points + 1 snapshots.
        Future<List<OpenInterestPoint>> history = md.openInterestHistory(symbol, s.oiPeriod(), s.oiPoints() + 1);
        // The klines of those periods plus the one forming now (entries of the current open interest change).
        Future<List<Kline>> klines = md.klines(symbol, interval, s.oiPoints() + 2);
        Future<List<LongShortRatio>> top = md.longShortRatio(symbol, RatioSeries.TOP_POSITION, s.oiPeriod(), 1);
        Future<List<LongShortRatio>> global = md.longShortRatio(symbol, RatioSeries.GLOBAL_ACCOUNT, s.oiPeriod(), 1);
        Future<List<LeverageBracket>> brackets = md.leverageBrackets(symbol);
        long now = ctx.clock().millis();
        return Future.all(List.of(info, premium, openInterest, history, klines, top, global, brackets))
                .map(all -> {
                    SymbolInfo symbolInfo = info.result().symbol(symbol)
                            .orElseThrow(() -> IntelException.unknownSymbol(symbol));
                    MarketInputs in = new MarketInputs(symbol, symbolInfo, premium.result(), openInterest.result(),
                            history.result(), klines.result(), top.result(), global.result(), brackets.result());
                    return HeatmapModel.compute(in, s, now, md.source());
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

    private static <T> Future<T> notStarted() {
        return Future.failedFuture(new IntelException(ErrorCode.SERVICE_UNAVAILABLE,
                "plugin [" + ID + "] is not started", Map.of("plugin", ID)));
    }
}
