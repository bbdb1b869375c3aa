package io.marketintel.runtime;

import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.marketintel.runtime.bus.BusAddresses;
import io.marketintel.runtime.bus.BusMount;
import io.marketintel.runtime.config.ConfigException;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.config.ConfigWatcher;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.http.ApiToken;
import io.marketintel.runtime.http.HealthReport;
import io.marketintel.runtime.http.HttpApi;
import io.marketintel.runtime.http.console.ConsoleRoutes;
import io.marketintel.runtime.market.MarketSources;
import io.marketintel.runtime.market.cache.CachingMarketData;
import io.marketintel.runtime.market.cache.ResultCache;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.marketintel.runtime.plugins.PlatformServices;
import io.marketintel.runtime.plugins.PluginDirectory;
import io.marketintel.runtime.plugins.PluginDiscovery;
import io.marketintel.runtime.plugins.PluginHandle;
import io.marketintel.runtime.plugins.PluginManager;
import io.marketintel.runtime.plugins.PluginState;
import io.marketintel.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The running platform: boots in order (plugins discovered, configuration validated, storage opened,
 * market connected, plugins started, bus and REST mounted, file watched) and stops in reverse.
 */
public final class Platform implements PlatformServices {

    private static final System.Logger LOG = System.getLogger(Platform.class.getName());
    /** A plugin handler holding its thread longer than this counts as blocking it (health, log). */
    private static final Duration BLOCKED_THRESHOLD = Duration.ofSeconds(1);
    /** The platform version, from the runtime jar's manifest when packaged. */
    public static final String VERSION = versionOf();

    private final Vertx vertx;
    private final Clock clock;
    private final Map<String, String> env;
    private final long startedAt;
    private final PluginManager plugins;
    private final PluginDirectory directory;
    private final Map<String, ResultCache> resultCaches = new ConcurrentHashMap<>();

    private volatile PlatformConfig config;
    private volatile long configLoadedAt;
    private volatile String configError;
    private Database database;
    private io.marketintel.runtime.store.OrderJournalStore orderJournal;
    private MarketSources.Source market;
    private CachingMarketData cachedMarket;
    private HttpServer server;
    private BusMount bus;
    private ConfigWatcher watcher;
    private ApiToken token;

    private Platform(Vertx vertx, Clock clock, Map<String, String> env, List<PluginHandle> handles,
                     PlatformConfig config, PluginDirectory directory) {
        this.vertx = vertx;
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.startedAt = clock.millis();
        this.config = config;
        this.configLoadedAt = startedAt;
        this.directory = directory;
        this.plugins = new PluginManager(handles, this, new PluginManager.Options(BLOCKED_THRESHOLD,
                config.http().operationTimeout()));
        this.plugins.onStagedReleased(directory::release);
    }

    /**
     * Starts the platform.
     *
     * @param env environment ({@code MI_*} variables)
     * @param out where to announce the address and a generated token
     * @return the running platform
     * @throws ConfigException when the configuration is invalid (nothing is started then)
     */
    public static Platform start(Map<String, String> env, PrintStream out) throws Exception {
        List<PluginHandle> handles = PluginDiscovery.discover(Platform.class.getModule().getLayer() != null
                ? Platform.class.getModule().getLayer() : ModuleLayer.boot());
        Path file = ConfigLoader.configFile(env);
        // The file names the plugin folder; the jars in it bring config schemas the file is then checked against.
        PlatformConfig preliminary = new ConfigLoader(PluginManager.configSchemas(handles), env).load(file);
        PluginDirectory directory = new PluginDirectory(preliminary.pluginsDir(),
                PluginDirectory.stagingFor(preliminary.dataDir()), PluginDirectory.apiLayer(), Clock.systemUTC());
        handles = PluginManager.withJars(handles, directory.loadAll());
        PlatformConfig config = new ConfigLoader(PluginManager.configSchemas(handles), env).load(file);
        config.warnings().forEach(w -> LOG.log(System.Logger.Level.WARNING, w));

        Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(1000)
                .setMaxEventLoopExecuteTime(2).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
        Platform platform = new Platform(vertx, Clock.systemUTC(), env, handles, config, directory);
        try {
            platform.boot(out).await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            platform.close(Duration.ofSeconds(30));
            throw e;
        }
        return platform;
    }

    private Future<Void> boot(PrintStream out) {
        return vertx.executeBlocking(() -> ApiToken.resolve(config.apiToken(), config.dataDir(), out))
                .compose(t -> {
                    token = t;
                    return Database.open(vertx, config.dataDir());
                })
                .compose(db -> {
                    database = db;
                    orderJournal = new io.marketintel.runtime.store.OrderJournalStore(
                            db.storageFor(io.marketintel.runtime.store.PlatformSchema.OWNER));
                    return MarketSources.create(vertx, clock, config);
                })
                .compose(source -> {
                    market = source;
                    cachedMarket = MarketSources.cache(source, config);
                    return plugins.apply(config);
                })
                .compose(v -> {
                    OperationInvoker invoker = new OperationInvoker(cachedMarket, clock(), config.http().operationTimeout());
                    bus = new BusMount(vertx, invoker, plugins::byId);
                    // Drop-in plugins come and go: their bus consumers follow (REST routes are looked up per request).
                    plugins.addListener((id, handle) -> {
                        if (handle == null) {
                            bus.unmount(id);
                        } else {
                            bus.mount(handle);
                        }
                        vertx.eventBus().publish(BusAddresses.PLUGINS_CHANGED, new JsonObject().put("id", id)
                                .put("change", handle == null ? "removed" : "installed")
                                .put("version", handle == null ? null : handle.descriptor().version()));
                    });
                    HttpApi api = new HttpApi(vertx, plugins, invoker, token, config.http().maxBodyBytes(), this::health)
                            .with(new ConsoleRoutes(vertx, cachedMarket, this::clock, plugins)::mount);
                    return bus.mount(plugins.all())
                            .compose(x -> vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                                    .requestHandler(api.router())
                                    .listen(config.http().port(), config.http().host()));
                })
                .compose(s -> {
                    server = s;
                    watcher = new ConfigWatcher(vertx, config.file(), config.watchInterval(),
                            () -> new ConfigLoader(plugins.configSchemas(), env), this::reconfigure, this::rejected);
                    return watcher.start();
                })
                .onSuccess(v -> directory.start(vertx, config.watchInterval(), plugins::update))
                .onSuccess(v -> {
                    long enabled = plugins.all().stream().filter(h -> h.state() == PluginState.ENABLED).count();
                    out.println("Market Intel " + VERSION + " listening on http://" + config.http().host() + ":"
                            + server.actualPort() + " (market: " + market.marketData().source() + ", " + enabled + "/"
                            + plugins.all().size() + " plugins enabled, token from " + token.source() + ")");
                    out.flush();
                });
    }

    private void reconfigure(PlatformConfig next) {
        List<String> restart = restartRequired(config, next);
        if (!restart.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "changed settings " + restart + " take effect after a restart");
        }
        next.warnings().forEach(w -> LOG.log(System.Logger.Level.WARNING, w));
        config = next;
        configLoadedAt = clock.millis();
        configError = null;
        plugins.apply(next);
    }

    private void rejected(ConfigException e) {
        configError = e.getMessage();
    }

    private static List<String> restartRequired(PlatformConfig a, PlatformConfig b) {
        List<String> changed = new java.util.ArrayList<>();
        if (!a.market().equals(b.market())) {
            changed.add("market");
        }
        if (!a.http().equals(b.http())) {
            changed.add("http");
        }
        if (!a.dataDir().equals(b.dataDir())) {
            changed.add("data");
        }
        if (!a.apiToken().equals(b.apiToken())) {
            changed.add("api");
        }
        if (!a.watchInterval().equals(b.watchInterval())) {
            changed.add("config");
        }
        if (!a.sim().equals(b.sim())) {
            changed.add("sim");
        }
        if (!a.binance().equals(b.binance())) {
            changed.add("binance");
        }
        if (!a.replay().equals(b.replay())) {
            changed.add("replay");
        }
        if (a.tradingLive() != b.tradingLive()) {
            changed.add("trading");
        }
        if (!a.cacheTtls().equals(b.cacheTtls())) {
            changed.add("cache");
        }
        if (!a.pluginsDir().equals(b.pluginsDir())) {
            changed.add("plugins.dir");
        }
        return changed;
    }

    private Future<HealthReport> health() {
        Future<Object> storage = database == null ? Future.succeededFuture(null) : database.status().map(s -> (Object) s);
        Future<HealthReport.Market> marketHealth = market == null
                ? Future.succeededFuture(new HealthReport.Market(config.market(), "DOWN", 0, "not connected"))
                : market.health();
        return Future.join(storage, marketHealth).transform(ar -> {
            int[] counts = new int[6];
            List<HealthReport.BlockedPlugin> blocked = new java.util.ArrayList<>();
            for (PluginHandle h : plugins.all()) {
                counts[0]++;
                switch (h.state()) {
                    case ENABLED -> counts[1]++;
                    case DISABLED -> counts[2]++;
                    case FAILED -> counts[3]++;
                    case REJECTED -> counts[4]++;
                }
                PluginHandle.Health health = h.health();
                if ("UNHEALTHY".equals(health.status())) {
                    counts[5]++;
                }
                if (health.blockedCalls() > 0 || health.blockedNowMs() != null) {
                    blocked.add(new HealthReport.BlockedPlugin(h.id(), health.blockedCalls(), health.lastBlocked(),
                            health.blockedNowMs(), health.blockedThresholdMs()));
                }
            }
            HealthReport.Market m = marketHealth.succeeded() ? marketHealth.result()
                    : new HealthReport.Market(config.market(), "DOWN", 0, marketHealth.cause().getMessage());
            Object s = storage.succeeded() ? storage.result() : Map.of("status", "DOWN", "error", storage.cause().getMessage());
            boolean storageDown = storage.failed();
            boolean down = "DOWN".equals(m.status()) || storageDown;
            boolean degraded = counts[3] > 0 || counts[5] > 0 || configError != null || "DEGRADED".equals(m.status());
            String status = down ? "DOWN" : degraded ? "DEGRADED" : "UP";
            return Future.succeededFuture(new HealthReport(status, VERSION, clock.millis() - startedAt, clock.millis(), m, s,
                    new HealthReport.Config(config.file().toString(), configLoadedAt, configError, config.warnings()),
                    new HealthReport.Plugins(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                            plugins.unloading(), directory.dir().toString(), blocked),
                    cachedMarket == null ? null : HealthReport.Cache.of(cachedMarket.stats(), cachedMarket.staleServed())));
        });
    }

    /**
     * Stops accepting requests, lets in-flight ones finish (up to {@code http.shutdown_timeout_seconds}),
     * stops plugins, closes storage, then Vert.x. Blocks; call it from a non-Vert.x thread.
     */
    public void close(Duration timeout) throws Exception {
        try {
            stopServices().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            // Not composed into the chain above: its completion would be dispatched to an event loop that
            // closing Vert.x has already terminated.
            vertx.close().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Future<Void> stopServices() {
        if (watcher != null) {
            watcher.stop();
        }
        directory.stop();
        Duration grace = config.http().shutdownTimeout();
        Future<Void> f = server == null ? Future.succeededFuture()
                : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS).recover(e -> Future.succeededFuture());
        return f.compose(v -> plugins.stopAll())
                .compose(v -> bus == null ? Future.succeededFuture() : bus.unmount())
                .compose(v -> market == null ? Future.succeededFuture() : market.close().get())
                .compose(v -> database == null ? Future.succeededFuture() : database.close())
                .recover(e -> {
                    LOG.log(System.Logger.Level.WARNING, "error while stopping: " + e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return server.actualPort();
    }

    public PluginManager plugins() {
        return plugins;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public MarketData marketData() {
        return cachedMarket;
    }

    @Override
    public Exchange exchange() {
        return market.exchange();
    }

    /** The market's clock (replay time under replay), which plugins decide with. */
    @Override
    public Clock clock() {
        return market == null ? clock : market.clock();
    }

    @Override
    public boolean liveTrading() {
        return config.tradingLive();
    }

    @Override
    public io.marketintel.runtime.store.OrderJournalStore orderJournal() {
        return orderJournal;
    }

    @Override
    public Storage storage(String pluginId) {
        return database.storageFor(pluginId);
    }

    @Override
    public <T> Future<T> cached(String pluginId, String key, Duration ttl, Supplier<Future<T>> loader) {
        return resultCaches.computeIfAbsent(pluginId, id -> new ResultCache()).get(key, ttl, loader);
    }

    @Override
    public void released(String pluginId) {
        resultCaches.remove(pluginId);
    }

    private static String versionOf() {
        String v = Platform.class.getPackage() == null ? null : Platform.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
