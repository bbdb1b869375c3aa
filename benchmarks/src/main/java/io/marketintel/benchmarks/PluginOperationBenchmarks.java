package io.marketintel.benchmarks;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.marketintel.runtime.market.cache.CacheTtls;
import io.marketintel.runtime.market.cache.CachingMarketData;
import io.marketintel.runtime.market.cache.ClockTicker;
import io.marketintel.runtime.market.sim.SimSettings;
import io.marketintel.runtime.market.sim.SimulatedMarket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one plugin operation on cached data: the plugin found with {@link ServiceLoader}, started with a
 * context whose market data is the simulated market (a fixed instant) behind the runtime's cache with lifetimes
 * longer than the run, so every market request after the first is a cache hit, and whose result cache is off,
 * so every invocation analyses. This is what a request costs once the runtime cache is warm but the plugin's
 * own result cache has expired. Parameters are the declared defaults.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PluginOperationBenchmarks {

    /** {@code plugin/operation/path value}. */
    @Param({"funding/sentiment/BTCUSDT", "funding/arbitrage/-", "orderbook/analysis/BTCUSDT",
            "orderbook/levels/BTCUSDT", "liquidations/heatmap/BTCUSDT", "liquidations/levels/BTCUSDT",
            "volume-profile/analysis/BTCUSDT", "volume-profile/levels/BTCUSDT", "volume-profile/compare/BTCUSDT",
            "mtf/confluence/BTCUSDT", "correlation/hedge/BTCUSDT", "correlation/pairs-signal/-"})
    public String operation;

    private Vertx vertx;
    private Plugin plugin;
    private Operation op;
    private OperationRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = operation.split("/");
        vertx = Vertx.vertx();
        Clock clock = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);
        MarketData sim = new SimulatedMarket(SimSettings.defaults(), clock);
        Duration forever = Duration.ofDays(7);
        MarketData cached = new CachingMarketData(sim, new CacheTtls(forever, forever, forever, forever, forever,
                forever, forever), 100_000, new ClockTicker(clock));
        plugin = find(parts[0]);
        op = plugin.operations().stream().filter(o -> o.name().equals(parts[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + operation));
        Map<String, Object> config = new HashMap<>();
        plugin.descriptor().config().forEach(s -> config.put(s.name(), s.defaultValue()));
        plugin.start(new BenchContext(vertx, plugin.descriptor(), cached, clock, Params.of(config))).await();
        Map<String, Object> defaults = new HashMap<>();
        for (ParamSpec p : op.params()) {
            defaults.put(p.name(), p.defaultValue());
        }
        request = new OperationRequest(parts[2].equals("-") ? null : parts[2], Params.of(defaults));
        invoke(); // warms the runtime cache with every market request the operation makes
    }

    private static Plugin find(String id) {
        for (Analyzer a : ServiceLoader.load(Analyzer.class)) {
            if (a.descriptor().id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no plugin [" + id + "] on the class path");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plugin.stop().await();
        vertx.close().await();
    }

    @Benchmark
    public Object invoke() {
        Future<?> f = op.handler().handle(request);
        return f.isComplete() ? f.result() : f.await();
    }

    /** A context with everything a read-only plugin uses; no result caching, events dropped. */
    private record BenchContext(Vertx vertx, PluginDescriptor descriptor, MarketData marketData, Clock clock,
                                Params config) implements PluginContext {
        @Override
        public Exchange exchange() {
            throw new IllegalStateException("analyzers only");
        }

        @Override
        public boolean liveTrading() {
            return false;
        }

        @Override
        public <T> Future<T> cached(String key, Duration ttl, Supplier<Future<T>> loader) {
            return loader.get();
        }

        @Override
        public Future<JsonObject> call(String pluginId, String operation, String pathValue, Map<String, ?> params,
                                       Duration timeout) {
            return Future.failedFuture("no other plugins in this benchmark");
        }

        @Override
        public Storage storage() {
            throw new IllegalStateException("no storage in this benchmark");
        }

        @Override
        public void publish(String type, Object event) {
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("bench." + descriptor.id());
        }
    }
}
