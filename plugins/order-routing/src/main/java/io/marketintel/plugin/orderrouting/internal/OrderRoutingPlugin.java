package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.Executor;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.PathParam;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.trading.Side;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Smart Order Routing executor ({@code order-routing}).
 *
 * <ul>
 *   <li>{@code POST /api/intelligence/order-routing/execute} (token): accepts an execution job, answers 202 with its
 *       id at once ({@link ExecutionEngine#execute}); progress is published as {@code progress} events on
 *       {@code intel.events.order-routing}.</li>
 *   <li>{@code GET …/executions/{id}}: the execution ({@link ExecutionReport}); {@code GET …/executions}: recent ones;
 *       {@code DELETE …/executions/{id}} (token): cancels a running one (409 when it has finished).</li>
 *   <li>{@code GET …/recommend/{symbol}?side&quantity&urgency}: the market-condition analysis and the algorithm
 *       adaptive routing would pick, with its parameters ({@link ConditionAnalysis}).</li>
 * </ul>
 * Dry run is the default: a dry run walks the book and sends nothing. With {@code dry_run: false} child orders go
 * through {@code ctx.exchange()} (the paper exchange on the simulated market; on Binance only with
 * {@code trading.live: true}), which journals every order before it is sent. Handlers never throw: they return failed
 * futures.
 */
public final class OrderRoutingPlugin implements Executor {

    /** Plugin id, route prefix and config section name. */
    public static final String ID = "order-routing";
    /** The plugin's own version. */
    public static final String VERSION = "1.0.0";

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "Smart Order Routing",
            VERSION,
            PlatformApi.VERSION,
            PluginKind.EXECUTOR,
            "Works an order as a job: TWAP, iceberg, market, limit, or adaptive (chosen from spread, depth, the"
                    + " estimated impact of walking the book and volatility). Dry run by default; progress on the bus;"
                    + " cancel while running; every order journaled and crash recovery per on_restart.",
            RoutingSettings.SPECS);

    private final List<Operation> operations = List.of(
            Operation.post("execute")
                    .mutating()
                    .param(ParamSpec.symbol("symbol").require().describe("symbol to trade, e.g. BTCUSDT"))
                    .param(ParamSpec.enumeration("side", (Side) null, Side.class).require().describe("BUY or SELL"))
                    .param(ParamSpec.decimal("quantity", 1).require().atLeast(0)
                            .describe("base quantity; rounded down to the symbol's step size"))
                    .param(ParamSpec.enumeration("algorithm", Algorithm.ADAPTIVE, Algorithm.class)
                            .describe("TWAP, ICEBERG, ADAPTIVE (chosen from market conditions), MARKET or LIMIT"))
                    .param(ParamSpec.integer("duration_seconds", 300).range(1, RoutingSettings.MAX_DURATION_SECONDS)
                            .optional().describe("how long the execution may take; default: config"
                                    + " default_duration_seconds (300; adaptive scales it by urgency)"))
                    .param(ParamSpec.enumeration("urgency", Urgency.NORMAL, Urgency.class)
                            .describe("LOW, NORMAL or HIGH: how adaptive routing trades impact against time"))
                    .param(ParamSpec.bool("dry_run", true)
                            .describe("true (default): walk the book, send nothing; false: send through the exchange"))
                    .param(ParamSpec.integer("num_slices", 10).range(1, RoutingSettings.MAX_SLICES_LIMIT).optional()
                            .describe("TWAP slices; default: duration / twap_slice_interval_seconds within"
                                    + " [min_slices, max_slices]"))
                    .param(ParamSpec.decimal("limit_price", 1).atLeast(0).optional()
                            .describe("LIMIT: the price (default: the touch); ICEBERG: a buy never quotes above it, a"
                                    + " sell never below"))
                    .param(ParamSpec.integer("seed", 0).optional()
                            .describe("seed of the TWAP timing randomisation (default: from the execution id)"))
                    .describe("start an execution job; answers 202 with its id, progress on intel.events.order-routing")
                    .handler(this::execute),
            Operation.get("recommend")
                    .withSymbol()
                    .param(ParamSpec.enumeration("side", (Side) null, Side.class).require().describe("BUY or SELL"))
                    .param(ParamSpec.decimal("quantity", 1).require().atLeast(0).describe("base quantity"))
                    .param(ParamSpec.enumeration("urgency", Urgency.NORMAL, Urgency.class).describe("LOW, NORMAL or HIGH"))
                    .describe("market-condition analysis (spread, depth, liquidity, impact, volatility) and the"
                            + " recommended algorithm with its parameters, without executing")
                    .handler(this::recommend),
            Operation.get("executions")
                    .param(ParamSpec.integer("limit", 20).range(1, 500).describe("how many, newest first"))
                    .param(ParamSpec.enumeration("status", (ExecutionStatus) null, ExecutionStatus.class).optional()
                            .describe("only executions in this status"))
                    .describe("recent executions, newest first")
                    .handler(this::executions),
            Operation.get("execution")
                    .path("executions")
                    .pathParam(PathParam.ID)
                    .describe("one execution: status, fills, average price, slippage, per-slice log")
                    .handler(this::execution),
            Operation.delete("cancel-execution")
                    .path("executions")
                    .pathParam(PathParam.ID)
                    .describe("cancel a running execution (its working order too); 409 when it has finished")
                    .handler(this::cancel));

    private final Function<PluginContext, Scheduler> schedulers;
    private volatile PluginContext context;
    private volatile ExecutionEngine engine;

    /** The constructor {@link java.util.ServiceLoader} calls: Vert.x timers. */
    public OrderRoutingPlugin() {
        this(ctx -> new VertxScheduler(ctx.vertx()));
    }

    /** With another scheduler (tests move a fake clock and run due tasks by hand). */
    OrderRoutingPlugin(Function<PluginContext, Scheduler> schedulers) {
        this.schedulers = schedulers;
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
        Plugin.checkSettings(config, RoutingSettings::from);
    }

    /** Creates the tables and recovers interrupted executions before serving (see {@link ExecutionEngine#start()}). */
    @Override
    public Future<Void> start(PluginContext ctx) {
        ExecutionEngine e;
        try {
            e = new ExecutionEngine(ctx, schedulers.apply(ctx));
        } catch (RuntimeException ex) {
            return Future.failedFuture(ex);
        }
        return e.start().onSuccess(v -> {
            this.context = ctx;
            this.engine = e;
        });
    }

    @Override
    public Future<Void> stop() {
        ExecutionEngine e = engine;
        engine = null;
        context = null;
        return e == null ? Future.succeededFuture() : e.stop();
    }

    /** The running engine, for tests. */
    ExecutionEngine engine() {
        return engine;
    }

    // ---------------------------------------------------------------- operations

    Future<?> execute(OperationRequest request) {
        return call("execution", e -> {
            Params p = request.params();
            ExecuteRequest r = new ExecuteRequest(
                    p.string("symbol"),
                    p.enumValue("side", Side.class),
                    BigDecimal.valueOf(p.decimal("quantity")),
                    p.enumValue("algorithm", Algorithm.class),
                    p.has("duration_seconds") ? p.integer("duration_seconds") : null,
                    p.enumValue("urgency", Urgency.class),
                    p.bool("dry_run"),
                    p.has("num_slices") ? p.integer("num_slices") : null,
                    p.has("limit_price") ? BigDecimal.valueOf(p.decimal("limit_price")) : null,
                    p.has("seed") ? p.longValue("seed") : null);
            return e.execute(r);
        });
    }

    Future<?> recommend(OperationRequest request) {
        return call("recommendation", e -> {
            Params p = request.params();
            return e.recommend(request.symbol(), p.enumValue("side", Side.class),
                    BigDecimal.valueOf(p.decimal("quantity")), p.enumValue("urgency", Urgency.class));
        });
    }

    Future<?> executions(OperationRequest request) {
        return call("execution list", e -> e.list(request.params().integer("limit"),
                request.params().has("status") ? request.params().enumValue("status", ExecutionStatus.class) : null));
    }

    Future<?> execution(OperationRequest request) {
        return call("execution [" + request.pathValue() + "]", e -> e.get(request.id()));
    }

    Future<?> cancel(OperationRequest request) {
        return call("cancelling execution [" + request.pathValue() + "]", e -> e.cancel(request.id()));
    }

    /** Runs {@code body} with the engine; IntelExceptions pass unchanged, anything else is a defect, logged. */
    private Future<?> call(String what, Function<ExecutionEngine, Future<?>> body) {
        ExecutionEngine e = engine;
        PluginContext ctx = context;
        if (e == null || ctx == null) {
            return Future.failedFuture(new IntelException(ErrorCode.SERVICE_UNAVAILABLE,
                    "plugin [" + ID + "] is not started", Map.of("plugin", ID)));
        }
        Supplier<Future<?>> run = () -> {
            try {
                return body.apply(e);
            } catch (RuntimeException ex) {
                return Future.failedFuture(ex);
            }
        };
        return run.get().recover(ex -> {
            if (ex instanceof IntelException) {
                return Future.failedFuture(ex);
            }
            ctx.logger().log(Level.ERROR, what + " failed", ex);
            return Future.failedFuture(new IntelException(ErrorCode.INTERNAL_ERROR, what + " failed unexpectedly",
                    Map.of("plugin", ID), ex));
        });
    }
}
