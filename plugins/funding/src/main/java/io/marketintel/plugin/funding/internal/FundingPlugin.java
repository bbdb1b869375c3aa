package io.marketintel.plugin.funding.internal;

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
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.TakerVolumeRatio;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * The Funding Rate &amp; Sentiment Engine plugin ({@code funding}).
 *
 * <ul>
 *   <li>{@code GET /api/intelligence/funding/sentiment/{symbol}}: seven market requests in parallel
 *       (premium index, funding history, open interest now and over the window, global and top-trader
 *       long/short ratios, taker buy/sell ratio), analysed by {@link FundingAnalysis#analyze}; cached for
 *       {@code cache_ttl_seconds} and published as a {@code sentiment} event when freshly computed.</li>
 *   <li>{@code GET /api/intelligence/funding/arbitrage}: one {@code premiumIndexAll()} request, filtered and
 *       sorted by {@link FundingAnalysis#arbitrage}.</li>
 * </ul>
 * Market data failures reach the caller unchanged; anything else unexpected becomes an
 * {@code INTERNAL_ERROR}. Handlers never throw: they return failed futures.
 */
public final class FundingPlugin implements Analyzer {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "funding";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event type of published sentiment results ({@code intel.events.funding}). */
    public static final String SENTIMENT_EVENT = "sentiment";
    /** Parameter of {@code arbitrage}: minimum |funding| in percent. */
    public static final String MIN_FUNDING = "min_funding";
    /** Parameter of {@code arbitrage}: maximum number of opportunities. */
    public static final String LIMIT = "limit";

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Funding Rate & Sentiment",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.ANALYZER,
            "Funding rate, open interest, long/short positioning and taker flow turned into a sentiment class,"
                    + " a bias with confidence and reasoning; plus funding arbitrage candidates across all symbols.",
            FundingSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.get("sentiment")
                    .withSymbol()
                    .describe("funding sentiment of a symbol: funding class, open interest trend, smart money vs"
                            + " retail, taker flow, bias and confidence with reasoning")
                    .handler(this::sentiment),
            Operation.get("arbitrage")
                    .param(ParamSpec.decimal(MIN_FUNDING, 0.1).range(0, 10)
                            .describe("minimum absolute funding rate in percent (0.1 = 0.1 %)"))
                    .param(ParamSpec.integer(LIMIT, 50).range(1, 500)
                            .describe("maximum number of symbols returned"))
                    .describe("symbols whose |funding| is at least min_funding %, largest first, with the side that"
                            + " receives funding")
                    .handler(this::arbitrage));

    private volatile PluginContext context;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public FundingPlugin() {
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
        Plugin.checkSettings(config, FundingSettings::from);
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

    // ---------------------------------------------------------------- sentiment

    Future<SentimentResult> sentiment(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            String symbol = request.symbol();
            FundingSettings settings = FundingSettings.from(ctx.config());
            // The key carries the analysis settings so that a configuration change takes effect on the next call.
            String key = "sentiment:" + symbol + "|" + fingerprint(settings);
            return ctx.cached(key, settings.cacheTtl(), () -> computeSentiment(ctx, symbol, settings)
                    .onSuccess(result -> ctx.publish(SENTIMENT_EVENT, result)))
                    .recover(e -> failure(ctx, "funding sentiment of [" + symbol + "]", e));
        } catch (RuntimeException e) {
            return failure(ctx, "funding sentiment", e);
        }
    }

    private static Future<SentimentResult> computeSentiment(PluginContext ctx, String symbol, FundingSettings s) {
        MarketData md = ctx.marketData();
        Future<PremiumIndex> premium = md.premiumIndex(symbol);
        Future<List<FundingRate>> history = md.fundingRateHistory(symbol, FundingAnalysis.FUNDING_HISTORY_LIMIT);
        Future<OpenInterest> openInterest = md.openInterest(symbol);
        // oi_points periods between the first and the last snapshot need oi_points + 1 snapshots.
        Future<List<OpenInterestPoint>> oiHistory = md.openInterestHistory(symbol, s.oiPeriod(), s.oiPoints() + 1);
        Future<List<LongShortRatio>> global = md.longShortRatio(symbol, RatioSeries.GLOBAL_ACCOUNT, s.oiPeriod(), 1);
        Future<List<LongShortRatio>> top = md.longShortRatio(symbol, RatioSeries.TOP_POSITION, s.oiPeriod(), 1);
        Future<List<TakerVolumeRatio>> taker = md.takerBuySellRatio(symbol, s.oiPeriod(), s.oiPoints());
        return Future.all(List.of(premium, history, openInterest, oiHistory, global, top, taker))
                .map(all -> FundingAnalysis.analyze(new SentimentInputs(symbol, premium.result(), history.result(),
                        openInterest.result(), oiHistory.result(), global.result(), top.result(), taker.result()),
                        s, md.source()));
    }

    /** The settings the analysis depends on (not the TTL), as a stable string. */
    static String fingerprint(FundingSettings s) {
        return "e=" + s.extremeThresholdPct() + ",b=" + s.bullishThresholdPct() + ",p=" + s.oiPeriod().code()
                + ",n=" + s.oiPoints() + ",oi=" + s.oiTrendThresholdPct() + ",d=" + s.divergenceThresholdPts()
                + ",t=" + s.takerRatioThreshold();
    }

    // ---------------------------------------------------------------- arbitrage

    Future<ArbitrageResult> arbitrage(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            double minFunding = request.params().decimal(MIN_FUNDING);
            int limit = request.params().integer(LIMIT);
            MarketData md = ctx.marketData();
            return md.premiumIndexAll()
                    .map(all -> FundingAnalysis.arbitrage(all, minFunding, limit, md.source()))
                    .recover(e -> failure(ctx, "funding arbitrage scan", e));
        } catch (RuntimeException e) {
            return failure(ctx, "funding arbitrage scan", e);
        }
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
