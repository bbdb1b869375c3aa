package io.marketintel.plugin.orderbook.internal;

import io.marketintel.api.Analyzer;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.OrderBook;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * The Order Book Depth Analysis plugin ({@code orderbook}).
 *
 * <ul>
 *   <li>{@code GET /api/intelligence/orderbook/analysis/{symbol}}: one {@code orderBook(symbol, depth_limit)}
 *       request (plus exchange info for the asset names in sentences, cached by the runtime), walls compared with
 *       the symbol's recent snapshots by the {@link WallTracker}, analysed by {@link OrderBookAnalysis#analyze};
 *       cached for {@code cache_ttl_seconds} and published as an {@code analysis} event when freshly computed.</li>
 *   <li>{@code GET /api/intelligence/orderbook/levels/{symbol}?num_levels=5}: the same book, walls clustered into
 *       support and resistance by {@link OrderBookAnalysis#levels}; cached, not published.</li>
 * </ul>
 * Market data failures reach the caller unchanged; anything else unexpected becomes an {@code INTERNAL_ERROR}.
 * Handlers never throw: they return failed futures.
 */
public final class OrderBookPlugin implements Analyzer {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "orderbook";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event type of published analyses ({@code intel.events.orderbook}). */
    public static final String ANALYSIS_EVENT = "analysis";
    /** Parameter of {@code levels}: levels per side. */
    public static final String NUM_LEVELS = "num_levels";

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Order Book Depth",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.ANALYZER,
            "Order book depth analysis: whale walls, bid/ask imbalance near the price, spoofing suspicion across"
                    + " successive snapshots, a depth score and a bias with confidence; plus support and resistance"
                    + " levels from clustered walls.",
            OrderBookSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.get("analysis")
                    .withSymbol()
                    .describe("order book of a symbol: mid, spread, whale walls, imbalance near the price, spoofing"
                            + " evidence, depth score, bias and confidence with reasoning")
                    .handler(this::analysis),
            Operation.get("levels")
                    .withSymbol()
                    .param(ParamSpec.integer(NUM_LEVELS, 5).range(1, 50)
                            .describe("support levels (below mid) and resistance levels (above mid) to return, each"))
                    .describe("nearest support and resistance levels from clusters of whale walls")
                    .handler(this::levels));

    private volatile PluginContext context;
    private volatile WallTracker tracker;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public OrderBookPlugin() {
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    @Override
    public Future<Void> start(PluginContext ctx) {
        this.tracker = new WallTracker();
        this.context = ctx;
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        this.context = null;
        WallTracker t = tracker;
        this.tracker = null;
        if (t != null) {
            t.clear();
        }
        return Future.succeededFuture();
    }

    /** Symbols with a wall history (tests). */
    int trackedSymbols() {
        WallTracker t = tracker;
        return t == null ? 0 : t.symbols();
    }

    // ---------------------------------------------------------------- analysis

    Future<AnalysisResult> analysis(OperationRequest request) {
        PluginContext ctx = context;
        WallTracker history = tracker;
        if (ctx == null || history == null) {
            return notStarted();
        }
        try {
            String symbol = request.symbol();
            OrderBookSettings s = OrderBookSettings.from(ctx.config());
            // The key carries the settings so that a configuration change takes effect on the next call.
            String key = "analysis:" + symbol + "|" + s.fingerprint();
            return ctx.cached(key, s.cacheTtl(), () -> computeAnalysis(ctx, history, symbol, s)
                            .onSuccess(result -> ctx.publish(ANALYSIS_EVENT, result)))
                    .recover(e -> failure(ctx, "order book analysis of [" + symbol + "]", e));
        } catch (RuntimeException e) {
            return failure(ctx, "order book analysis", e);
        }
    }

    private static Future<AnalysisResult> computeAnalysis(PluginContext ctx, WallTracker history, String symbol,
                                                          OrderBookSettings s) {
        MarketData md = ctx.marketData();
        Future<OrderBook> book = md.orderBook(symbol, s.depthLimit());
        Future<OrderBookAnalysis.Units> units = units(md, symbol);
        return Future.all(book, units).map(all -> {
            BookSnapshot snapshot = BookSnapshot.of(book.result(), s.depthLimit(), ctx.clock().millis());
            DetectedWalls walls = DetectedWalls.detect(snapshot, s.wallMultiplier());
            WallTracker.Observation obs = history.observe(snapshot, walls, s.historySize(),
                    s.historyMaxAge().toMillis());
            return OrderBookAnalysis.analyze(snapshot, walls, obs, s, units.result(), md.source());
        });
    }

    /**
     * Base and quote asset of the symbol for the sentences, from exchange info (cached by the runtime for an hour).
     * Never fails: without exchange info the sentences carry no units.
     */
    private static Future<OrderBookAnalysis.Units> units(MarketData md, String symbol) {
        Future<OrderBookAnalysis.Units> f;
        try {
            f = md.exchangeInfo().map(info -> info.symbol(symbol)
                    .map(i -> new OrderBookAnalysis.Units(i.baseAsset(), i.quoteAsset()))
                    .orElse(OrderBookAnalysis.Units.NONE));
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        return f.otherwise(OrderBookAnalysis.Units.NONE);
    }

    // ---------------------------------------------------------------- levels

    Future<LevelsResult> levels(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            String symbol = request.symbol();
            int numLevels = request.params().integer(NUM_LEVELS);
            OrderBookSettings s = OrderBookSettings.from(ctx.config());
            String key = "levels:" + symbol + "|" + numLevels + "|" + s.fingerprint();
            MarketData md = ctx.marketData();
            return ctx.cached(key, s.cacheTtl(), () -> md.orderBook(symbol, s.depthLimit()).map(book -> {
                        BookSnapshot snapshot = BookSnapshot.of(book, s.depthLimit(), ctx.clock().millis());
                        DetectedWalls walls = DetectedWalls.detect(snapshot, s.wallMultiplier());
                        return OrderBookAnalysis.levels(snapshot, walls, s, numLevels, md.source());
                    }))
                    .recover(e -> failure(ctx, "order book levels of [" + symbol + "]", e));
        } catch (RuntimeException e) {
            return failure(ctx, "order book levels", e);
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
