package io.marketintel.distribution.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A stand-in for the order-routing plugin, honouring the contract the console's execution view is built
 * against: {@code POST /api/intelligence/order-routing/execute {symbol, side, quantity, algorithm,
 * duration_seconds, urgency, dry_run}} answers 202 {@code {"execution_id"}}; progress
 * {@code {execution_id, slices_sent, filled_quantity, total_quantity, avg_price, slippage_bps, status}} is
 * published on {@code intel.events.order-routing} and read at {@code GET …/order-routing/executions/{id}}.
 * It places no order; it exists so the view's live progress is tested before the real plugin lands.
 *
 * <p>Compiled at test time against the distribution's {@code platform-api} into an exploded module that the
 * test puts on the platform's module path, like any third-party plugin built against the API alone.
 */
final class FakeOrderRouting {

    static final String MODULE = "io.marketintel.test.fakeorderrouting";

    private static final String MODULE_INFO = """
            module io.marketintel.test.fakeorderrouting {
                requires io.marketintel.api;
                provides io.marketintel.api.Executor with io.marketintel.test.fakeorderrouting.FakeOrderRouting;
                opens io.marketintel.test.fakeorderrouting to com.fasterxml.jackson.databind;
            }
            """;

    private static final String PLUGIN = """
            package io.marketintel.test.fakeorderrouting;

            import io.marketintel.api.Accepted;
            import io.marketintel.api.ErrorCode;
            import io.marketintel.api.Executor;
            import io.marketintel.api.IntelException;
            import io.marketintel.api.Operation;
            import io.marketintel.api.ParamSpec;
            import io.marketintel.api.PathParam;
            import io.marketintel.api.PlatformApi;
            import io.marketintel.api.PluginContext;
            import io.marketintel.api.PluginDescriptor;
            import io.marketintel.api.PluginKind;
            import io.vertx.core.Future;
            import java.util.List;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.atomic.AtomicInteger;

            /** Test double of the order-routing plugin: simulated slices, no orders. */
            public final class FakeOrderRouting implements Executor {

                static final int SLICES = 5;

                public record Progress(String executionId, String symbol, String side, String algorithm,
                                       int slicesSent, double filledQuantity, double totalQuantity, Double avgPrice,
                                       Double slippageBps, String status, boolean dryRun) {
                }

                private final Map<String, Progress> executions = new ConcurrentHashMap<>();
                private final AtomicInteger ids = new AtomicInteger();
                private volatile PluginContext ctx;

                private final List<Operation> operations = List.of(
                        Operation.post("execute").mutating()
                                .param(ParamSpec.symbol("symbol").require())
                                .param(ParamSpec.enumeration("side", null, List.of("BUY", "SELL")).require())
                                .param(ParamSpec.decimal("quantity", 0.01).range(0.001, 1000))
                                .param(ParamSpec.enumeration("algorithm", "TWAP", List.of("TWAP", "ICEBERG", "ADAPTIVE")))
                                .param(ParamSpec.integer("duration_seconds", 10).range(1, 3600))
                                .param(ParamSpec.enumeration("urgency", "NORMAL", List.of("LOW", "NORMAL", "HIGH")))
                                .param(ParamSpec.bool("dry_run", true))
                                .describe("test double: simulated execution in " + SLICES + " slices, progress on the bus")
                                .handler(req -> {
                                    String id = "fake-" + ids.incrementAndGet();
                                    var p = req.params();
                                    double total = p.decimal("quantity");
                                    Progress start = new Progress(id, p.string("symbol"), p.string("side"),
                                            p.string("algorithm"), 0, 0, total, null, null, "RUNNING", p.bool("dry_run"));
                                    executions.put(id, start);
                                    long every = Math.max(100, p.integer("duration_seconds") * 1000L / SLICES);
                                    ctx.vertx().setPeriodic(every, every, timer -> slice(id, timer));
                                    return Future.succeededFuture(new Accepted<>(Map.of("execution_id", id)));
                                }),
                        Operation.get("executions").pathParam(PathParam.ID)
                                .describe("one execution's progress")
                                .handler(req -> {
                                    Progress p = executions.get(req.id());
                                    return p != null ? Future.succeededFuture(p) : Future.failedFuture(
                                            new IntelException(ErrorCode.NOT_FOUND, "no execution [" + req.id() + "]"));
                                }));

                private void slice(String id, long timer) {
                    Progress p = executions.get(id);
                    int sent = p.slicesSent() + 1;
                    double filled = Math.round(p.totalQuantity() * sent / SLICES * 1e6) / 1e6;
                    Progress next = new Progress(id, p.symbol(), p.side(), p.algorithm(), sent, filled, p.totalQuantity(),
                            70000.0 + sent, 0.4 * sent, sent == SLICES ? "COMPLETED" : "RUNNING", p.dryRun());
                    executions.put(id, next);
                    if (sent == SLICES) {
                        ctx.vertx().cancelTimer(timer);
                    }
                    ctx.publish("progress", next);
                }

                @Override
                public PluginDescriptor descriptor() {
                    return new PluginDescriptor("order-routing", "order-routing", "Order routing (test double)", "0.0.1",
                            PlatformApi.VERSION, PluginKind.EXECUTOR, "Simulated executions for the console's tests.",
                            List.of());
                }

                @Override
                public List<Operation> operations() {
                    return operations;
                }

                @Override
                public Future<Void> start(PluginContext context) {
                    this.ctx = context;
                    return Future.succeededFuture();
                }
            }
            """;

    private FakeOrderRouting() {
    }

    /** Compiles the module into {@code dir} against the API jar in {@code lib}; returns the exploded module. */
    static Path build(Path lib, Path dir) throws IOException {
        Path src = dir.resolve("src");
        Path pkg = src.resolve("io/marketintel/test/fakeorderrouting");
        Files.createDirectories(pkg);
        Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(pkg.resolve("FakeOrderRouting.java"), PLUGIN);
        Path out = dir.resolve(MODULE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-Xlint:-module",
                "--module-path", lib.toString(), "-d", out.toString(),
                src.resolve("module-info.java").toString(), pkg.resolve("FakeOrderRouting.java").toString()));
        int code = javac.run(null, null, null, args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("the fake order-routing plugin did not compile (javac exit " + code + ")");
        }
        return out;
    }
}
