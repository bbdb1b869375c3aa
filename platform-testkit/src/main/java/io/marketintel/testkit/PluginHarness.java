package io.marketintel.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.Plugin;
import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.marketintel.runtime.bus.BusMount;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.errors.Errors;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.market.cache.CacheTtls;
import io.marketintel.runtime.market.cache.CachingMarketData;
import io.marketintel.runtime.market.cache.ClockTicker;
import io.marketintel.runtime.market.cache.ResultCache;
import io.marketintel.runtime.market.sim.PaperExchange;
import io.marketintel.runtime.market.sim.SimSettings;
import io.marketintel.runtime.market.sim.SimulatedMarket;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.marketintel.runtime.plugins.PlatformServices;
import io.marketintel.runtime.plugins.PluginDiscovery;
import io.marketintel.runtime.plugins.PluginHandle;
import io.marketintel.runtime.plugins.PluginManager;
import io.marketintel.runtime.plugins.PluginState;
import io.marketintel.runtime.store.Database;
import io.marketintel.runtime.store.OrderJournalStore;
import io.marketintel.runtime.store.PlatformSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs plugins against the platform's simulated market without the server: the same plugin manager (each plugin on
 * a worker context of its own), the same parameter validation, deadlines and JSON as REST and the event bus, a fixed
 * clock, a paper exchange for executors (never a live one), an embedded database in a temporary folder for
 * {@code storage()} and the order journal.
 *
 * <pre>{@code
 * try (PluginHarness h = PluginHarness.start(new MyPlugin())) {
 *     Answer a = h.call("scan", null, Map.of("period", 14));
 *     assertEquals(200, a.status());
 *     JsonNode readings = a.data().get("readings");
 * }
 * }</pre>
 *
 * <p>Several plugins may run together (one calling another over the bus); name the plugin in
 * {@link #call(String, String, String, Map)} then. Calls block the calling thread (never call from an event loop).
 */
public final class PluginHarness implements AutoCloseable {

    /** The default time of the fixed clock: a Monday noon, with two and a half years of simulated history behind. */
    public static final Instant DEFAULT_TIME = Instant.parse("2025-06-02T12:00:00Z");
    /** The default symbol for operations that take one. */
    public static final String DEFAULT_SYMBOL = "BTCUSDT";

    private final Vertx vertx;
    private final Clock clock;
    private final SimulatedMarket sim;
    private final CachingMarketData market;
    private final PluginManager manager;
    private final OperationInvoker invoker;
    private final Services services;
    private final Duration operationTimeout;

    private PluginHarness(Builder b) {
        this.clock = b.clock;
        this.operationTimeout = b.operationTimeout;
        this.sim = new SimulatedMarket(SimSettings.defaults().withSeed(b.seed), clock);
        // Long histories cost about a second to build: once here, not inside the first call.
        sim.warmUp();
        Duration forever = CacheTtls.MAX_TTL;
        this.market = new CachingMarketData(sim, new CacheTtls(forever, forever, forever, forever, forever, forever,
                forever), 100_000, new ClockTicker(clock));
        this.vertx = Vertx.vertx();
        this.services = new Services(vertx, market, new PaperExchange(sim, clock, BigDecimal.valueOf(b.balance)), clock);
        // Plugins ask for storage and executors journal orders on their own (worker) threads, where nothing may
        // wait: the database is opened here, on the caller's thread.
        try {
            services.openDatabase();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        List<PluginHandle> handles = PluginDiscovery.of(b.plugins);
        for (PluginHandle h : handles) {
            if (h.state() == PluginState.REJECTED) {
                close();
                throw new IllegalStateException("plugin [" + h.id() + "] is rejected by the platform: " + h.reason());
            }
        }
        this.manager = new PluginManager(handles, services, new PluginManager.Options(b.blockedThreshold,
                Duration.ofSeconds(5)));
        PlatformConfig config;
        try {
            config = new ConfigLoader(manager.configSchemas(), Map.of()).parse(Path.of("plugin-harness.yaml"),
                    Json.mapper().writeValueAsString(Map.of("plugins", b.config)));
        } catch (JsonProcessingException e) {
            close();
            throw new IllegalArgumentException("configuration cannot be written: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        await(manager.apply(config), Duration.ofSeconds(60));
        for (PluginHandle h : manager.all()) {
            if (h.state() != PluginState.ENABLED) {
                String reason = h.reason();
                close();
                throw new IllegalStateException("plugin [" + h.id() + "] did not start: " + h.state() + " " + reason);
            }
        }
        this.invoker = new OperationInvoker(market, clock, operationTimeout);
        await(new BusMount(vertx, invoker, manager::byId).mount(manager.all()), Duration.ofSeconds(10));
    }

    /** Starts {@code plugins} with their default configuration, at {@link #DEFAULT_TIME}. */
    public static PluginHarness start(Plugin... plugins) {
        return builder(plugins).start();
    }

    /** A harness to configure. */
    public static Builder builder(Plugin... plugins) {
        return new Builder(List.of(plugins));
    }

    /** Calls {@code operation} of the only plugin, without a path value and with default parameters. */
    public Answer call(String operation) {
        return call(operation, null, Map.of());
    }

    /** Calls {@code operation} of the only plugin on {@code pathValue} (a symbol or an id) with default parameters. */
    public Answer call(String operation, String pathValue) {
        return call(operation, pathValue, Map.of());
    }

    /**
     * Calls {@code operation} of the only plugin.
     *
     * @param pathValue the symbol or id, or null
     * @param params    raw parameter values as a caller would send them in JSON (numbers, strings, lists, maps);
     *                  validated against the declarations like on REST and the bus
     */
    public Answer call(String operation, String pathValue, Map<String, ?> params) {
        if (manager.all().size() != 1) {
            throw new IllegalStateException("several plugins run here: name the plugin, call(pluginId, operation, …)");
        }
        return call(manager.all().get(0).id(), operation, pathValue, params);
    }

    /** Calls {@code operation} of plugin {@code pluginId}. */
    public Answer call(String pluginId, String operation, String pathValue, Map<String, ?> params) {
        PluginHandle h = manager.byId(pluginId).orElseThrow(() -> new IllegalArgumentException("no plugin [" + pluginId
                + "] here; there are " + manager.all().stream().map(PluginHandle::id).toList()));
        Operation op = h.operations().get(operation);
        if (op == null) {
            throw new IllegalArgumentException("plugin [" + pluginId + "] has no operation [" + operation + "]; it has "
                    + h.operations().keySet());
        }
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        params.forEach((k, v) -> raw.put(k, Json.mapper().valueToTree(v)));
        Future<OperationInvoker.Reply> reply = invoker.invoke(h, op, pathValue, raw);
        try {
            OperationInvoker.Reply r = reply.await(operationTimeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            return new Answer(r.status(), parse(r.body().getBytes()), h.lastHeldMillis());
        } catch (IntelException e) {
            return error(e, h);
        } catch (Exception e) {
            if (e.getCause() instanceof IntelException ie) {
                return error(ie, h);
            }
            throw new IllegalStateException("operation [" + pluginId + "." + operation + "] did not complete: " + e, e);
        }
    }

    private static Answer error(IntelException e, PluginHandle h) {
        return new Answer(e.code().httpStatus(), parse(Errors.encode(e).getBytes()), h.lastHeldMillis());
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the platform wrote invalid JSON: " + e.getMessage(), e);
        }
    }

    /** The state of plugin {@code id} as {@code GET /api/plugins} would show it. */
    public PluginStatus status(String id) {
        PluginHandle h = manager.byId(id).orElseThrow(() -> new IllegalArgumentException("no plugin [" + id + "]"));
        PluginHandle.Health health = h.health();
        return new PluginStatus(h.id(), h.state().name(), h.reason(), health.status(), health.calls(),
                health.failures(), health.blockedCalls(), health.maxHeldMs());
    }

    /** The fixed clock the market and the plugins see. */
    public Clock clock() {
        return clock;
    }

    /** The (cached) simulated market the plugins read. */
    public MarketData market() {
        return market;
    }

    /** The symbols of the simulated market. */
    public List<String> symbols() {
        return sim.symbols();
    }

    /** The Vert.x instance the plugins run on. */
    public Vertx vertx() {
        return vertx;
    }

    /** Stops the plugins (their {@code stop()}), the database if one was opened, and Vert.x. */
    @Override
    public void close() {
        try {
            if (manager != null) {
                await(manager.stopAll(), Duration.ofSeconds(60));
            }
            services.closeStorage();
        } finally {
            vertx.close().await();
        }
    }

    private static <T> T await(Future<T> f, Duration timeout) {
        try {
            return f.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    /**
     * What the harness tells about a plugin.
     *
     * @param id            plugin id
     * @param state         ENABLED, DISABLED, FAILED or REJECTED
     * @param reason        why it is not enabled, or null
     * @param health        HEALTHY, UNHEALTHY, DISABLED or DOWN
     * @param calls         invocations
     * @param failures      failed invocations
     * @param blockedCalls  invocations whose handler held the plugin's thread beyond the threshold
     * @param maxHeldMillis the longest a handler held it, ms
     */
    public record PluginStatus(String id, String state, String reason, String health, long calls, long failures,
                               long blockedCalls, long maxHeldMillis) {
    }

    /** Settings of a harness. */
    public static final class Builder {
        private final List<Plugin> plugins;
        private Clock clock = Clock.fixed(DEFAULT_TIME, ZoneOffset.UTC);
        private long seed = SimSettings.defaults().seed();
        private double balance = 10_000;
        private final Map<String, Map<String, Object>> config = new LinkedHashMap<>();
        private Duration operationTimeout = Duration.ofSeconds(30);
        private Duration blockedThreshold = Duration.ofSeconds(1);

        private Builder(List<Plugin> plugins) {
            if (plugins.isEmpty()) {
                throw new IllegalArgumentException("give at least one plugin");
            }
            this.plugins = plugins;
        }

        /** A fixed clock at {@code time} (the simulated market's "now"). */
        public Builder at(Instant time) {
            return clock(Clock.fixed(time, ZoneOffset.UTC));
        }

        /** The clock the market and the plugins see. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seed of the simulated market (same seed, same market). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** USDT balance of the paper account executors trade on. */
        public Builder balance(double usdt) {
            this.balance = usdt;
            return this;
        }

        /**
         * Settings of plugin {@code pluginId}, as its section {@code plugins.<id>} of the config file would give them:
         * validated against its declared keys and {@code checkConfig} (an invalid one fails {@link #start()} with
         * the message an operator would see).
         */
        public Builder config(String pluginId, Map<String, ?> values) {
            config.computeIfAbsent(pluginId, k -> new LinkedHashMap<>()).putAll(values);
            return this;
        }

        /** The deadline of one operation (default 30 s, as the platform's). */
        public Builder operationTimeout(Duration timeout) {
            this.operationTimeout = timeout;
            return this;
        }

        /** Holding the plugin's thread longer than this counts as blocking it (default 1 s, as the platform's). */
        public Builder blockedThreshold(Duration threshold) {
            this.blockedThreshold = threshold;
            return this;
        }

        /** Starts the plugins (fails when one is rejected, its configuration is invalid or its start fails). */
        public PluginHarness start() {
            return new PluginHarness(this);
        }
    }

    /** The platform services of the harness: an embedded database in a temporary folder for storage and the journal. */
    private static final class Services implements PlatformServices {
        private final Vertx vertx;
        private final MarketData market;
        private final Exchange exchange;
        private final Clock clock;
        private final Map<String, ResultCache> caches = new ConcurrentHashMap<>();
        private Database database;
        private OrderJournalStore journal;
        private Path dataDir;

        Services(Vertx vertx, MarketData market, Exchange exchange, Clock clock) {
            this.vertx = vertx;
            this.market = market;
            this.exchange = exchange;
            this.clock = clock;
        }

        @Override
        public Vertx vertx() {
            return vertx;
        }

        @Override
        public MarketData marketData() {
            return market;
        }

        @Override
        public Exchange exchange() {
            return exchange;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public boolean liveTrading() {
            return false;
        }

        @Override
        public synchronized Storage storage(String pluginId) {
            return database().storageFor(pluginId);
        }

        @Override
        public synchronized OrderJournalStore orderJournal() {
            if (journal == null) {
                journal = new OrderJournalStore(database().storageFor(PlatformSchema.OWNER));
            }
            return journal;
        }

        /** Opens the embedded database in a temporary folder (blocks: call it from the harness's caller). */
        synchronized void openDatabase() {
            try {
                dataDir = Files.createTempDirectory("plugin-harness-db");
                database = Database.open(vertx, dataDir).await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the harness database could not be opened: " + e, e);
            }
        }

        private Database database() {
            if (database == null) {
                throw new IllegalStateException("the harness database is closed");
            }
            return database;
        }

        @Override
        public <T> Future<T> cached(String pluginId, String key, Duration ttl, Supplier<Future<T>> loader) {
            return caches.computeIfAbsent(pluginId, id -> new ResultCache()).get(key, ttl, loader);
        }

        synchronized void closeStorage() {
            if (database == null) {
                return;
            }
            try {
                database.close().await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort
            } finally {
                database = null;
                journal = null;
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // best effort
                }
            }
        }
    }

    /** The plugins of the harness (for the conformance checks). */
    List<PluginHandle> handles() {
        return new ArrayList<>(manager.all());
    }
}
