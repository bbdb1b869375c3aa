package io.marketintel.plugin.risk.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.Executor;
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
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.OrderJournal;
import io.marketintel.api.trading.Position;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Dynamic Risk Heatmap &amp; Portfolio Rebalancing plugin ({@code risk}), an executor.
 *
 * <ul>
 *   <li>{@code GET /api/intelligence/risk/portfolio-heat}: positions and account from {@code ctx.exchange()}
 *       (always fresh), exchange info, the correlation of the held symbols' returns (cached for
 *       {@code cache_ttl_seconds}, recomputed when a candle closes), leverage brackets when the exchange reports no
 *       liquidation price; {@link PortfolioModel} computes the report and the actions, {@link HedgeLookup} asks the
 *       correlation plugin for the hedge of an ADD_HEDGE. Published as a {@code portfolio-heat} event.</li>
 *   <li>{@code POST /api/intelligence/risk/auto-rebalance?dry_run=true&request_id=…} (mutating: API token): the
 *       same report turned into a {@link RebalancePlan} by {@link RebalancePlanner} (reduce-only market orders with
 *       client ids {@code rb-<id>-<n>}) and carried out by {@link RebalanceRunner}; a live run stores the plan first
 *       ({@link PlanStore}) so a retry of the same id sends the same orders. Published as a {@code rebalance}
 *       event.</li>
 * </ul>
 * Exchange and market failures reach the caller unchanged (except the optional inputs: correlations, brackets and
 * the hedge, whose absence the answer explains); a bad configuration is an {@code INTERNAL_ERROR} naming the keys;
 * anything else unexpected becomes an {@code INTERNAL_ERROR}. Handlers never throw: they return failed futures.
 */
public final class RiskPlugin implements Executor {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "risk";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";
    /** Event type of computed reports ({@code intel.events.risk}). */
    public static final String HEAT_EVENT = "portfolio-heat";
    /** Event type of rebalance runs. */
    public static final String REBALANCE_EVENT = "rebalance";

    /** Parameter of {@code auto-rebalance}: send nothing, answer what would be sent. */
    public static final String DRY_RUN = "dry_run";
    /** Parameter of {@code auto-rebalance}: idempotency key of the rebalance. */
    public static final String REQUEST_ID = "request_id";

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Risk Heatmap & Rebalancing",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.EXECUTOR,
            "Portfolio risk from the exchange's positions: per-position risk scores (leverage, liquidation distance,"
                    + " drawdown, size), portfolio heat, sector concentration, average leverage, correlation-aware"
                    + " diversification, alerts and rebalance actions; auto-rebalance carries them out as reduce-only"
                    + " market orders (dry run by default).",
            RiskSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.get("portfolio-heat")
                    .describe("risk heatmap of the open positions: risk score and level per position, portfolio heat,"
                            + " concentration per sector, average leverage, diversification from return correlations,"
                            + " alerts and rebalance actions")
                    .handler(this::portfolioHeat),
            Operation.post("auto-rebalance")
                    .mutating()
                    .param(ParamSpec.bool(DRY_RUN, true)
                            .describe("true: send nothing and answer exactly the orders a live run would send"))
                    .param(ParamSpec.string(REQUEST_ID, null).optional()
                            .describe("idempotency key ([A-Za-z0-9._:-], 1-28 characters); client order ids are"
                                    + " rb-<request_id>-<n>; a live retry with the same id re-sends the same plan;"
                                    + " default: the request's epoch second"))
                    .describe("carry out the rebalance actions as reduce-only market orders (CLOSE, REDUCE) and"
                            + " leverage changes through the journaling exchange; ADD_HEDGE stays advisory")
                    .handler(this::autoRebalance));

    private final Function<PluginContext, PlanStore> planStores;
    /** The id of the live rebalance in progress, or null: live runs never overlap. */
    private final AtomicReference<String> running = new AtomicReference<>();
    private volatile PluginContext context;
    private volatile PlanStore plans;

    /** The constructor {@link java.util.ServiceLoader} calls: plans kept in the platform's database. */
    public RiskPlugin() {
        this(ctx -> new SqlPlanStore(ctx.storage()));
    }

    /** With another plan store (tests). */
    RiskPlugin(Function<PluginContext, PlanStore> planStores) {
        this.planStores = planStores;
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
        Plugin.checkSettings(config, RiskSettings::from);
    }

    @Override
    public Future<Void> start(PluginContext ctx) {
        PlanStore store;
        try {
            store = planStores.apply(ctx);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return store.init().onSuccess(v -> {
            this.plans = store;
            this.context = ctx;
        });
    }

    @Override
    public Future<Void> stop() {
        this.context = null;
        this.plans = null;
        return Future.succeededFuture();
    }

    // ---------------------------------------------------------------- operations

    Future<PortfolioHeat> portfolioHeat(OperationRequest request) {
        PluginContext ctx = context;
        if (ctx == null) {
            return notStarted();
        }
        try {
            RiskSettings s = RiskSettings.from(ctx.config());
            return snapshot(ctx, s)
                    .map(Snapshot::report)
                    .onSuccess(r -> ctx.publish(HEAT_EVENT, r))
                    .recover(e -> failure(ctx, "portfolio heat", e));
        } catch (RuntimeException e) {
            return failure(ctx, "portfolio heat", e);
        }
    }

    Future<RebalanceResult> autoRebalance(OperationRequest request) {
        PluginContext ctx = context;
        PlanStore store = plans;
        if (ctx == null || store == null) {
            return notStarted();
        }
        try {
            RiskSettings s = RiskSettings.from(ctx.config());
            Params p = request.params();
            boolean dryRun = p.bool(DRY_RUN);
            long now = ctx.clock().millis();
            String id = p.has(REQUEST_ID) ? requestId(p.string(REQUEST_ID)) : Long.toString(Math.floorDiv(now, 1000L));
            Exchange exchange = ctx.exchange();
            if (!dryRun && !exchange.paper() && !ctx.liveTrading()) {
                return Future.failedFuture(new IntelException(ErrorCode.FORBIDDEN, "live trading is off: exchange ["
                        + exchange.name() + "] would send real orders; set trading.live: true to allow auto-rebalance"
                        + " with dry_run=false, or call it with dry_run=true",
                        Map.of("config_key", "trading.live", "parameter", DRY_RUN)));
            }
            if (!dryRun && !running.compareAndSet(null, id)) {
                String busy = String.valueOf(running.get());
                return Future.failedFuture(new IntelException(ErrorCode.CONFLICT, "rebalance [" + busy + "] is still"
                        + " sending orders; live rebalances never overlap, so the same position is not cut twice: retry"
                        + " when it has finished (a retry with its request id answers its outcome)",
                        Map.of("running", busy)));
            }
            RebalanceRunner runner = new RebalanceRunner(exchange, journal(ctx), ctx.clock());
            Future<RebalanceResult> result;
            try {
                result = rebalance(ctx, s, store, runner, id, dryRun, now);
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
            if (!dryRun) {
                result = result.andThen(ar -> running.set(null));
            }
            return result.onSuccess(r -> {
                if (!r.dryRun()) {
                    ctx.publish(REBALANCE_EVENT, r);
                }
            }).recover(e -> failure(ctx, "auto-rebalance", e));
        } catch (RuntimeException e) {
            return failure(ctx, "auto-rebalance", e);
        }
    }

    /** The stored plan of {@code id} (a retry), or a new one, carried out. */
    private static Future<RebalanceResult> rebalance(PluginContext ctx, RiskSettings s, PlanStore store,
                                                     RebalanceRunner runner, String id, boolean dryRun, long now) {
        return store.find(id).compose(stored -> {
            if (stored.isPresent()) {
                return runner.run(stored.get(), dryRun, true);
            }
            Future<RebalancePlan> planned = snapshot(ctx, s)
                    .map(snap -> RebalancePlanner.plan(snap.report(), id, now, snap.symbols()));
            if (dryRun) {
                return planned.compose(plan -> runner.run(plan, true, false));
            }
            return planned.compose(store::saveIfAbsent)
                    .compose(saved -> runner.run(saved.plan(), false, !saved.inserted()));
        });
    }

    private static String requestId(String raw) {
        String id = raw.trim();
        if (!RebalancePlanner.REQUEST_ID.matcher(id).matches()) {
            throw IntelException.invalidParameter(REQUEST_ID, "parameter [" + REQUEST_ID + "] must be 1 to 28 letters,"
                    + " digits or . _ : - (it becomes part of the client order ids rb-<request_id>-<n>), was \""
                    + raw + "\"");
        }
        return id;
    }

    private static OrderJournal journal(PluginContext ctx) {
        try {
            return ctx.journal();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- data

    /** A report with the exchange info it was computed with (the planner rounds and splits with it). */
    record Snapshot(PortfolioHeat report, Map<String, SymbolInfo> symbols) {
    }

    /** Positions, account and exchange info, then the optional inputs, the model and the hedge. */
    static Future<Snapshot> snapshot(PluginContext ctx, RiskSettings s) {
        Exchange exchange = ctx.exchange();
        MarketData md = ctx.marketData();
        long now = ctx.clock().millis();
        Future<List<Position>> positions = attempt(exchange::positions);
        Future<Account> account = attempt(exchange::account);
        Future<ExchangeInfo> info = attempt(md::exchangeInfo);
        return Future.all(positions, account, info).compose(all -> {
            List<Position> open = PortfolioModel.open(positions.result());
            List<String> symbols = open.stream().map(Position::symbol).distinct().toList();
            Future<CorrelationEstimate> corr = correlation(ctx, s, symbols, now);
            Future<Map<String, List<LeverageBracket>>> brackets = PortfolioModel.needsFormula(open)
                    ? brackets(md, symbols) : Future.succeededFuture(Map.of());
            Map<String, SymbolInfo> bySymbol = info.result().bySymbol();
            return Future.all(corr, brackets).compose(x -> {
                PortfolioHeat report = PortfolioModel.analyse(new PortfolioModel.Inputs(open, account.result(),
                        bySymbol, corr.result(), brackets.result(), s, exchange.name(), exchange.paper(), now));
                return HedgeLookup.complete(ctx, s, report, bySymbol).map(r -> new Snapshot(r, bySymbol));
            });
        });
    }

    /**
     * The correlation estimate of the held symbols, cached for {@code cache_ttl_seconds} under a key that holds the
     * symbols, the settings and the open time of the forming candle (a newly closed candle recomputes). Never fails:
     * a symbol whose klines cannot be read is left out with a note.
     */
    static Future<CorrelationEstimate> correlation(PluginContext ctx, RiskSettings s, List<String> symbols, long now) {
        Interval period = s.correlationPeriod();
        if (symbols.size() < 2) {
            return Future.succeededFuture(CorrelationEstimate.none(symbols, period));
        }
        int lookback = s.correlationLookback();
        String key = "correlation:" + String.join(",", symbols) + "|" + period.code() + "|" + lookback + "|"
                + s.minObservations() + "|" + period.openTimeOf(now);
        return ctx.cached(key, s.cacheTtl(), () -> {
            MarketData md = ctx.marketData();
            int limit = Math.min(1500, lookback + 1);
            List<Future<CorrelationEstimate.Fetched>> fetches = new ArrayList<>();
            for (String symbol : symbols) {
                fetches.add(attempt(() -> md.klines(symbol, period, limit)).transform(ar -> Future.succeededFuture(
                        ar.succeeded() ? new CorrelationEstimate.Fetched(symbol, ar.result(), null)
                                : new CorrelationEstimate.Fetched(symbol, null, ar.cause().getMessage()))));
            }
            return Future.all(fetches).map(all -> {
                List<CorrelationEstimate.Fetched> list = new ArrayList<>();
                fetches.forEach(f -> list.add(f.result()));
                return CorrelationEstimate.of(list, now, period, lookback, s.minObservations());
            });
        });
    }

    /** Leverage brackets of every held symbol that has them; a symbol whose brackets fail is left out. */
    private static Future<Map<String, List<LeverageBracket>>> brackets(MarketData md, List<String> symbols) {
        Map<String, List<LeverageBracket>> out = new HashMap<>();
        List<Future<Void>> all = new ArrayList<>();
        for (String symbol : symbols) {
            all.add(attempt(() -> md.leverageBrackets(symbol)).transform(ar -> {
                if (ar.succeeded() && ar.result() != null && !ar.result().isEmpty()) {
                    synchronized (out) {
                        out.put(symbol, ar.result());
                    }
                }
                return Future.<Void>succeededFuture();
            }));
        }
        return Future.all(all).map(x -> Map.copyOf(out));
    }

    private static <T> Future<T> attempt(Supplier<Future<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    // ---------------------------------------------------------------- failures

    /** IntelExceptions (exchange, market data, configuration) pass unchanged; anything else is a defect, logged. */
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
