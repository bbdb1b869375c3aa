package io.marketintel.runtime.testing;

import io.marketintel.api.Analyzer;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.PathParam;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plugin for runtime tests with one operation per behaviour worth testing: a well-behaved echo of
 * its typed inputs, a mutating operation, one that throws, one that never answers, one that returns
 * something Jackson cannot write.
 */
public final class TestPlugin implements Analyzer {

    public final AtomicInteger starts = new AtomicInteger();
    public final AtomicInteger stops = new AtomicInteger();
    private final String id;
    private volatile PluginContext context;

    public TestPlugin() {
        this("probe");
    }

    public TestPlugin(String id) {
        this.id = id;
    }

    /** What {@code echo} answers: the typed values it received. */
    public record Echo(String symbol, int levels, double threshold, String mode, List<String> symbols, long greeting) {
    }

    /** Not serialisable: it refers to itself, which Jackson refuses. */
    public static final class Cycle {
        public Cycle getSelf() {
            return this;
        }
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(id, id, "Probe", "1.0.0", PlatformApi.VERSION, PluginKind.ANALYZER,
                "test plugin", List.of(ParamSpec.integer("greeting", 7).range(0, 100).describe("a number")));
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("echo").pathParam(PathParam.SYMBOL)
                        .param(ParamSpec.integer("num_levels", 5).range(1, 50))
                        .param(ParamSpec.decimal("threshold", 0.5).range(0, 1))
                        .param(ParamSpec.enumeration("mode", "fast", List.of("fast", "slow")))
                        .param(ParamSpec.symbolList("candidates").range(1, 3))
                        .handler(req -> Future.succeededFuture(new Echo(req.symbol(), req.params().integer("num_levels"),
                                req.params().decimal("threshold"), req.params().string("mode"),
                                req.params().has("candidates") ? req.params().list("candidates") : List.of(),
                                context.config().longValue("greeting")))),
                Operation.post("body")
                        .param(ParamSpec.symbolList("symbols").require().range(2, 5))
                        .param(ParamSpec.enumeration("period", "1d", List.of("1h", "1d")))
                        .handler(req -> Future.succeededFuture(new Echo(null, 0, 0, req.params().string("period"),
                                req.params().list("symbols"), 0))),
                Operation.post("mutate").mutating()
                        .handler(req -> Future.succeededFuture(List.of("done"))),
                Operation.get("boom").handler(req -> {
                    throw new IllegalStateException("secret internals must not leak");
                }),
                Operation.get("upstream").handler(req -> Future.failedFuture(
                        new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "upstream is down"))),
                Operation.get("hang").handler(req -> Promise.promise().future()),
                Operation.get("garbage").handler(req -> Future.succeededFuture(new Cycle())),
                Operation.get("item").pathParam(PathParam.ID).handler(req -> Future.succeededFuture(List.of(req.id()))),
                Operation.delete("item-delete").path("item").pathParam(PathParam.ID)
                        .handler(req -> Future.succeededFuture(List.of("deleted " + req.id()))),
                Operation.get("root").path("").withSymbol()
                        .handler(req -> Future.succeededFuture(List.of("root " + req.symbol()))),
                Operation.post("job").mutating()
                        .param(ParamSpec.object("spec"))
                        .handler(req -> Future.succeededFuture(new io.marketintel.api.Accepted<>(List.of("job",
                                req.params().has("spec") ? req.params().object("spec").getString("kind") : "none")))));
    }

    @Override
    public Future<Void> start(PluginContext context) {
        this.context = context;
        starts.incrementAndGet();
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        stops.incrementAndGet();
        return Future.succeededFuture();
    }
}
