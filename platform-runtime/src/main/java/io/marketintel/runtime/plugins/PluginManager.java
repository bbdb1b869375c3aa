package io.marketintel.runtime.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Params;
import io.marketintel.runtime.config.ConfigException;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.config.PluginSchema;
import io.marketintel.runtime.config.PluginSettings;
import io.marketintel.runtime.json.Json;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.jackson.DatabindCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The set of installed plugins and their lifecycle: enables, disables and reconfigures them, and admits, replaces and
 * removes drop-in plugins while the platform runs. Changes are applied one at a time, in order.
 *
 * <p>Routing reads ({@link #byRoutePrefix(String)}, {@link #byId(String)}, {@link #all()}) are one volatile read of
 * an immutable snapshot; a change builds the next snapshot and publishes it at once, so a request sees either the
 * old or the new set of plugins, never a mix.
 *
 * <p>Every started plugin runs on its own Vert.x worker context with a thread pool of its own (see
 * {@link PluginContextImpl}): a plugin that blocks or hangs holds up its own thread, not an event loop nor the other
 * plugins. How long handlers hold that thread is measured (see {@link PluginHandle#health()}), and a periodic probe
 * notices a thread held outside a handler.
 *
 * <p>Replacing a plugin (a new version of a jar): the new version is validated, configured and started first, then
 * the snapshot switches to it, then the old version is retired: requests already inside it finish (up to the drain
 * timeout), it is stopped, its deployment undeployed (cancelling timers and consumers it left), its cached results
 * and the JSON serialisers of its classes are dropped, so that nothing of the platform keeps its module layer alive.
 * A replacement that is refused (incompatible, invalid configuration, failing start) leaves the old version serving.
 *
 * <p>Precedence between the config file and {@code POST /api/plugins/{id}/enable|disable}: the most
 * recent change wins. The file's {@code plugins.<id>.enabled} is applied when its value <em>changes</em>
 * (and at start); an API toggle holds until then. API toggles are not persisted: after a restart the
 * file decides. A new version of a plugin inherits the wishes of the version it replaces.
 */
public final class PluginManager {

    private static final System.Logger LOG = System.getLogger(PluginManager.class.getName());
    private static final Duration LIFECYCLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UNDEPLOY_TIMEOUT = Duration.ofSeconds(5);
    private static final int WORKER_POOL_SIZE = 2;

    /**
     * Tuning.
     *
     * @param blockedThreshold a handler holding its plugin's thread longer than this counts as blocking it
     * @param drainTimeout     how long a retired version's in-flight requests may take to finish before it is stopped
     */
    public record Options(Duration blockedThreshold, Duration drainTimeout) {

        /** One second, and thirty seconds. */
        public static Options defaults() {
            return new Options(PluginHandle.DEFAULT_BLOCKED_THRESHOLD, Duration.ofSeconds(30));
        }
    }

    /** Told when the plugin serving an id changes. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Plugin {@code id} is served by {@code handle} from now on (installed, or a new version), or by nobody
         * ({@code handle} null: removed). Called right after the switch, on the manager's thread.
         */
        void changed(String id, PluginHandle handle);
    }

    private final PlatformServices services;
    private final Options options;
    private volatile Registry registry;
    /** The configuration applied last, null before the first {@link #apply(PlatformConfig)}. */
    private volatile PlatformConfig config;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Retired versions being drained and stopped, with their completion. */
    private final Map<PluginHandle, Future<Void>> unloading = new ConcurrentHashMap<>();
    private volatile Consumer<Path> stagedReleased = p -> { };
    private final AtomicInteger deployments = new AtomicInteger();
    private final Object lock = new Object();
    private Future<Void> tail = Future.succeededFuture();
    private volatile long probeTimer = -1;
    /** The manager's own event-loop context: lifecycle steps continue there, never on a plugin's context. */
    private Future<Context> control;

    public PluginManager(List<PluginHandle> handles, PlatformServices services) {
        this(handles, services, Options.defaults());
    }

    public PluginManager(List<PluginHandle> handles, PlatformServices services, Options options) {
        this.services = services;
        this.options = options;
        handles.forEach(h -> h.blockedThreshold(options.blockedThreshold()));
        this.registry = Registry.of(handles);
    }

    /** Every installed plugin, rejected ones included. */
    public List<PluginHandle> all() {
        return registry.all();
    }

    public Optional<PluginHandle> byId(String id) {
        return Optional.ofNullable(registry.byId().get(id));
    }

    /** The (non-rejected) plugin serving {@code /api/intelligence/<prefix>/…}. */
    public Optional<PluginHandle> byRoutePrefix(String prefix) {
        return Optional.ofNullable(registry.byPrefix().get(prefix));
    }

    /** Registers a listener for plugins being installed, replaced or removed. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Who to tell when the staged copy of a jar is no longer used by any loaded plugin. */
    public void onStagedReleased(Consumer<Path> action) {
        this.stagedReleased = action;
    }

    /** Declared config keys and cross-key rules of every installed plugin, for the config loader. */
    public Map<String, PluginSchema> configSchemas() {
        return configSchemas(registry.all());
    }

    /** Config schemas of {@code handles} (rejected ones have none). */
    public static Map<String, PluginSchema> configSchemas(List<PluginHandle> handles) {
        Map<String, PluginSchema> out = new LinkedHashMap<>();
        handles.stream().filter(h -> h.state() != PluginState.REJECTED)
                .forEach(h -> out.putIfAbsent(h.id(), schema(h)));
        return out;
    }

    private static PluginSchema schema(PluginHandle h) {
        return new PluginSchema(h.descriptor().config(), h.plugin()::checkConfig);
    }

    /**
     * Applies a validated configuration: new plugin settings take effect at once; a plugin whose
     * {@code enabled} value changed in the file is started or stopped.
     */
    public Future<Void> apply(PlatformConfig config) {
        return enqueue(() -> {
            this.config = config;
            startProbes();
            Future<Void> all = Future.succeededFuture();
            for (PluginHandle h : registry.all()) {
                if (h.state() == PluginState.REJECTED || !configure(h, config)) {
                    continue;
                }
                all = all.compose(v -> reconcile(h));
            }
            return all;
        });
    }

    /**
     * Gives {@code h} its settings from {@code config}. A plugin installed after the file was read takes its pending
     * section; a drop-in plugin is validated against its own schema (it may be a newer version than the one the file
     * was checked with). When the section is invalid for it, the plugin is FAILED with the reason and false returned.
     */
    private boolean configure(PluginHandle h, PlatformConfig config) {
        PluginSettings settings;
        try {
            settings = settingsFor(config, h);
        } catch (ConfigException e) {
            if (h.state() != PluginState.ENABLED) {
                h.state(PluginState.FAILED, "invalid configuration: " + e.getMessage());
            }
            LOG.log(System.Logger.Level.ERROR, "plugin [" + h.id() + "] cannot take its configuration: " + e.getMessage());
            return false;
        }
        h.config(settings.values());
        if (h.fileEnabled() == null || h.fileEnabled() != settings.enabled()) {
            h.fileEnabled(settings.enabled());
            h.want(settings.enabled(), "config");
        }
        return true;
    }

    private static PluginSettings settingsFor(PlatformConfig config, PluginHandle h) {
        PluginSettings settings = config.plugin(h.id());
        if (settings != null && !h.source().isJar()) {
            return settings;
        }
        JsonNode section = settings != null ? settings.section() : config.pendingPlugins().get(h.id());
        // Installed after the file was read, or another version than the file was checked with: validate now.
        return ConfigLoader.pluginSettings(config.file(), h.id(), schema(h), section);
    }

    /** Enables or disables a plugin on request of the API; the result is the plugin after the change. */
    public Future<PluginHandle> setEnabled(String id, boolean enabled) {
        PluginHandle found = registry.byId().get(id);
        if (found == null) {
            return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "no plugin with id [" + id + "]",
                    Map.of("plugin", id)));
        }
        if (found.state() == PluginState.REJECTED) {
            return Future.failedFuture(new IntelException(ErrorCode.CONFLICT, "plugin [" + id
                    + "] was rejected and cannot be enabled: " + found.reason(), Map.of("plugin", id)));
        }
        List<PluginHandle> result = new ArrayList<>(1);
        return enqueue(() -> {
            // The plugin may have been replaced by another version while the request waited its turn.
            PluginHandle h = registry.byId().get(id);
            if (h == null || h.state() == PluginState.REJECTED) {
                return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "no plugin with id [" + id + "]",
                        Map.of("plugin", id)));
            }
            result.add(h);
            h.want(enabled, "api");
            return reconcile(h);
        }).map(v -> result.get(0));
    }

    /**
     * Replaces the plugins of drop-in jars: for each file name, the plugins it provides now (an empty list when the
     * file is gone). A plugin id present before and after is replaced by its new version without a gap; a refused
     * new version leaves the old one serving; conflicting ids or route prefixes are rejected (and admitted later when
     * the holder goes).
     *
     * @param changes file name → its plugins (valid or rejected, as loaded by {@link PluginDirectory})
     * @return completed when the new set serves (retired versions finish and unload afterwards)
     */
    public Future<Void> update(Map<String, List<PluginHandle>> changes) {
        if (changes.isEmpty()) {
            return Future.succeededFuture();
        }
        Map<String, List<PluginHandle>> copy = new LinkedHashMap<>(changes);
        return enqueue(() -> {
            Plan plan = plan(registry, copy);
            return prepare(plan).map(v -> {
                publish(plan);
                return null;
            });
        });
    }

    /**
     * {@code installed} joined by the plugins of drop-in jars, checked against each other as {@link #update(Map)}
     * does (boot: hand the result to the constructor; the first {@link #apply(PlatformConfig)} starts them).
     *
     * @param installed the built-in plugins
     * @param jars      file name → its plugins
     */
    public static List<PluginHandle> withJars(List<PluginHandle> installed, Map<String, List<PluginHandle>> jars) {
        return new ArrayList<>(next(plan(Registry.of(installed), new LinkedHashMap<>(jars))));
    }

    /** Stops every running plugin and waits for retired versions to unload (shutdown). */
    public Future<Void> stopAll() {
        return enqueue(() -> {
            long timer = probeTimer;
            if (timer >= 0) {
                services.vertx().cancelTimer(timer);
                probeTimer = -1;
            }
            Future<Void> all = Future.succeededFuture();
            for (PluginHandle h : registry.all()) {
                if (h.state() == PluginState.ENABLED) {
                    all = all.compose(v -> stop(h, "platform shutting down"));
                }
            }
            return all.compose(v -> Future.join(new ArrayList<>(unloading.values())).<Void>mapEmpty())
                    .recover(e -> Future.succeededFuture());
        });
    }

    /** Retired versions still draining or stopping. */
    public int unloading() {
        return unloading.size();
    }

    private Future<Void> enqueue(Supplier<Future<Void>> step) {
        synchronized (lock) {
            Future<Void> next = tail.transform(ignored -> control()).compose(ctx -> {
                Promise<Void> done = Promise.promise();
                ctx.runOnContext(v -> {
                    Future<Void> f;
                    try {
                        f = step.get();
                    } catch (RuntimeException e) {
                        f = Future.failedFuture(e);
                    }
                    f.onComplete(done);
                });
                return done.future();
            });
            tail = next.recover(e -> Future.succeededFuture());
            return next;
        }
    }

    /**
     * The manager's context, created once: undeploying a plugin from its own context would strand the
     * continuation on a closed context.
     */
    private Future<Context> control() {
        synchronized (lock) {
            if (control == null) {
                PluginVerticle verticle = new PluginVerticle();
                control = startEventLoops().transform(ignored -> services.vertx().deployVerticle(verticle))
                        .map(id -> verticle.context());
            }
            return control;
        }
    }

    /**
     * Starts every event-loop thread now. Netty starts them lazily, and a thread started from plugin code (a timer
     * set by a plugin on a loop not yet running) keeps, in its inherited access-control context, the protection
     * domain of every class on the stack at that moment, pinning the plugin's class loader as long as the thread
     * lives. Contexts are spread over the loops in turn: enough short-lived ones touch them all.
     */
    private Future<Void> startEventLoops() {
        int loops = 4 * Math.max(1, Runtime.getRuntime().availableProcessors());
        Vertx vertx = services.vertx();
        return vertx.deployVerticle(PluginVerticle::new, new DeploymentOptions().setInstances(loops))
                .compose(vertx::undeploy)
                .recover(e -> Future.succeededFuture());
    }

    private Future<Void> reconcile(PluginHandle h) {
        boolean running = h.state() == PluginState.ENABLED;
        if (h.wanted() && !running) {
            return start(h);
        }
        if (!h.wanted() && running) {
            return stop(h, "disabled by " + h.wantedBy());
        }
        if (!h.wanted() && h.state() == PluginState.FAILED) {
            h.state(PluginState.DISABLED, "disabled by " + h.wantedBy());
        }
        return Future.succeededFuture();
    }

    // ---- lifecycle on the plugin's own context ----

    private Future<Void> start(PluginHandle h) {
        Vertx vertx = services.vertx();
        PluginVerticle verticle = new PluginVerticle();
        long threshold = options.blockedThreshold().toNanos();
        DeploymentOptions deployment = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)
                .setWorkerPoolName("mi-plugin-" + h.id() + "-" + deployments.incrementAndGet())
                .setWorkerPoolSize(WORKER_POOL_SIZE)
                // Vert.x's blocked-thread checker then logs the stack of a plugin thread held beyond the threshold.
                .setMaxWorkerExecuteTime(threshold).setMaxWorkerExecuteTimeUnit(TimeUnit.NANOSECONDS);
        return vertx.deployVerticle(verticle, deployment).transform(deployed -> {
            if (deployed.failed()) {
                h.state(PluginState.FAILED, "no thread for it: " + PluginDiscovery.rootMessage(deployed.cause()));
                LOG.log(System.Logger.Level.ERROR, "plugin [" + h.id() + "] failed to start: " + h.reason());
                return Future.succeededFuture();
            }
            PluginContextImpl context = new PluginContextImpl(h, services, verticle.context(), deployed.result());
            return onContext(context.vertxContext(), () -> h.plugin().start(context), "start").transform(ar -> {
                if (ar.succeeded()) {
                    h.context(context);
                    h.state(PluginState.ENABLED, null);
                    LOG.log(System.Logger.Level.INFO, "plugin [" + h.id() + "] " + h.descriptor().version() + " enabled ("
                            + h.wantedBy() + ")");
                    return Future.succeededFuture();
                }
                h.state(PluginState.FAILED, PluginDiscovery.rootMessage(ar.cause()));
                LOG.log(System.Logger.Level.ERROR, "plugin [" + h.id() + "] failed to start: " + h.reason(), ar.cause());
                return undeploy(h, context.deploymentId());
            });
        });
    }

    private Future<Void> stop(PluginHandle h, String why) {
        h.state(PluginState.DISABLED, why);
        PluginContextImpl context = h.context();
        Future<Void> stopped = context == null || context.vertxContext() == null
                ? call(() -> h.plugin().stop(), "stop")
                : onContext(context.vertxContext(), () -> h.plugin().stop(), "stop");
        return stopped.transform(ar -> {
            h.context(null);
            if (ar.failed()) {
                LOG.log(System.Logger.Level.WARNING, "plugin [" + h.id() + "] failed to stop cleanly: "
                        + PluginDiscovery.rootMessage(ar.cause()));
            } else {
                LOG.log(System.Logger.Level.INFO, "plugin [" + h.id() + "] " + why);
            }
            return context == null || context.deploymentId() == null ? Future.succeededFuture()
                    : undeploy(h, context.deploymentId());
        });
    }

    private Future<Void> undeploy(PluginHandle h, String deploymentId) {
        return services.vertx().undeploy(deploymentId)
                .timeout(UNDEPLOY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .recover(e -> {
                    LOG.log(System.Logger.Level.WARNING, "plugin [" + h.id() + "] could not be undeployed within "
                            + UNDEPLOY_TIMEOUT.toSeconds() + " s (its thread may be stuck"
                            + (h.busyOperation() == null ? "" : " in operation [" + h.busyOperation() + "]") + "): "
                            + PluginDiscovery.rootMessage(e));
                    return Future.succeededFuture();
                });
    }

    /**
     * Runs {@code action} on {@code context} and waits (up to the lifecycle timeout) for the future it returns; the
     * outcome is delivered on the manager's context.
     */
    private Future<Void> onContext(Context context, Supplier<Future<Void>> action, String what) {
        Promise<Void> promise = Promise.promise();
        context.runOnContext(v -> {
            Future<Void> f;
            try {
                f = action.get();
            } catch (Throwable e) {
                promise.tryFail(e);
                return;
            }
            if (f == null) {
                promise.tryFail(new IllegalStateException(what + "() returned null"));
                return;
            }
            f.onComplete(promise::tryComplete, promise::tryFail);
        });
        return promise.future().timeout(LIFECYCLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .transform(ar -> control().compose(ctx -> {
                    Promise<Void> relayed = Promise.promise();
                    ctx.runOnContext(x -> relayed.handle(ar));
                    return relayed.future();
                }));
    }

    private static Future<Void> call(Supplier<Future<Void>> action, String what) {
        Future<Void> f;
        try {
            f = action.get();
        } catch (RuntimeException | LinkageError e) {
            return Future.failedFuture(e);
        }
        if (f == null) {
            return Future.failedFuture(new IllegalStateException(what + "() returned null"));
        }
        return f.timeout(LIFECYCLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Posts a probe to every running plugin's context now and then; a late one means its thread was held. */
    private void startProbes() {
        if (probeTimer >= 0) {
            return;
        }
        long period = Math.max(50, options.blockedThreshold().toMillis() / 4);
        probeTimer = services.vertx().setPeriodic(period, id -> {
            for (PluginHandle h : registry.all()) {
                PluginContextImpl context = h.context();
                if (h.state() != PluginState.ENABLED || context == null || context.vertxContext() == null) {
                    continue;
                }
                long sent = System.nanoTime();
                if (h.probeSent(sent)) {
                    context.vertxContext().runOnContext(v -> h.probeAnswered(System.nanoTime() - sent,
                            services.clock().millis()));
                }
            }
        });
    }

    // ---- drop-in plugins: plan, prepare, publish, unload ----

    /** What one {@link #update(Map)} does. Handles compare by identity. */
    private static final class Plan {
        final Registry before;
        /** Handles of the changed files. */
        final List<PluginHandle> outgoing = new ArrayList<>();
        /** Outgoing handles that stay because their replacement was refused. */
        final Set<PluginHandle> kept = new HashSet<>();
        /** Old version → new version. */
        final Map<PluginHandle, PluginHandle> swaps = new LinkedHashMap<>();
        /** Conflicting handles admitted now that the holder of their id is gone → their admitted handle. */
        final Map<PluginHandle, PluginHandle> readmitted = new LinkedHashMap<>();
        final List<PluginHandle> installs = new ArrayList<>();
        /** Every new handle, valid or not, in order. */
        final List<PluginHandle> entering = new ArrayList<>();
        final List<PluginHandle> removals = new ArrayList<>();

        Plan(Registry before) {
            this.before = before;
        }
    }

    private static Plan plan(Registry current, Map<String, List<PluginHandle>> changes) {
        Plan p = new Plan(current);
        for (PluginHandle h : current.all()) {
            if (h.source().isJar() && changes.containsKey(h.source().file())) {
                p.outgoing.add(h);
            }
        }
        // An old version stays when the changed jar holds a refused version of it, or is unreadable as a whole.
        for (PluginHandle old : p.outgoing) {
            List<PluginHandle> incoming = changes.get(old.source().file());
            if (old.state() == PluginState.REJECTED || incoming.isEmpty()) {
                continue;
            }
            boolean valid = incoming.stream().anyMatch(c -> c.state() != PluginState.REJECTED && c.id().equals(old.id()));
            boolean refused = incoming.stream().anyMatch(c -> c.state() == PluginState.REJECTED && c.id().equals(old.id()));
            boolean broken = incoming.stream().allMatch(c -> c.state() == PluginState.REJECTED && c.descriptor() == null);
            if (!valid && (refused || broken)) {
                p.kept.add(old);
            }
        }
        Map<String, PluginHandle> ids = new HashMap<>();
        Map<String, PluginHandle> prefixes = new HashMap<>();
        Map<String, PluginHandle> freed = new LinkedHashMap<>();
        for (PluginHandle h : current.all()) {
            if (h.state() == PluginState.REJECTED) {
                continue;
            }
            if (!p.outgoing.contains(h) || p.kept.contains(h)) {
                take(h, ids, prefixes);
            } else {
                freed.put(h.id(), h);
            }
        }
        for (List<PluginHandle> incoming : changes.values()) {
            for (PluginHandle c : incoming) {
                if (c.state() == PluginState.REJECTED) {
                    p.kept.stream().filter(k -> k.id().equals(c.id())).findFirst().ifPresent(k ->
                            c.state(PluginState.REJECTED, c.reason() + "; version " + k.descriptor().version()
                                    + " keeps serving"));
                    p.entering.add(c);
                    continue;
                }
                String problem = PluginDiscovery.conflict(c.descriptor(), ids, prefixes);
                if (problem != null) {
                    PluginHandle refused = c.conflicting(problem);
                    LOG.log(System.Logger.Level.WARNING, "plugin [" + c.id() + "] of " + c.source() + " rejected: "
                            + problem);
                    p.entering.add(refused);
                    continue;
                }
                take(c, ids, prefixes);
                p.entering.add(c);
                PluginHandle old = freed.remove(c.id());
                if (old != null) {
                    p.swaps.put(old, c);
                } else {
                    p.installs.add(c);
                }
            }
        }
        // Plugins refused earlier for a conflict get in when the holder of their id or prefix is gone.
        for (PluginHandle h : current.all()) {
            if (p.outgoing.contains(h) || !h.conflict()
                    || PluginDiscovery.conflict(h.descriptor(), ids, prefixes) != null) {
                continue;
            }
            PluginHandle admitted = h.admitted();
            take(admitted, ids, prefixes);
            p.readmitted.put(h, admitted);
            PluginHandle old = freed.remove(admitted.id());
            if (old != null) {
                p.swaps.put(old, admitted);
            } else {
                p.installs.add(admitted);
            }
        }
        p.removals.addAll(freed.values());
        return p;
    }

    private static void take(PluginHandle h, Map<String, PluginHandle> ids, Map<String, PluginHandle> prefixes) {
        ids.put(h.id(), h);
        prefixes.put(h.descriptor().routePrefix(), h);
    }

    /** Configures and starts the incoming plugins before anyone can reach them. */
    private Future<Void> prepare(Plan p) {
        List<PluginHandle> incoming = new ArrayList<>(p.installs);
        incoming.addAll(p.swaps.values());
        incoming.forEach(h -> h.blockedThreshold(options.blockedThreshold()));
        PlatformConfig cfg = config;
        if (cfg == null) {
            return Future.succeededFuture(); // boot: the first apply() configures and starts them
        }
        Future<Void> all = Future.succeededFuture();
        for (Map.Entry<PluginHandle, PluginHandle> swap : new ArrayList<>(p.swaps.entrySet())) {
            PluginHandle old = swap.getKey();
            PluginHandle next = swap.getValue();
            next.inherit(old);
            all = all.compose(v -> {
                if (!configure(next, cfg)) {
                    refuse(p, old, next, next.reason());
                    return Future.succeededFuture();
                }
                if (!next.wanted()) {
                    return Future.succeededFuture();
                }
                return start(next).map(x -> {
                    if (next.state() == PluginState.FAILED) {
                        refuse(p, old, next, "failed to start: " + next.reason());
                    }
                    return null;
                });
            });
        }
        for (PluginHandle h : p.installs) {
            all = all.compose(v -> configure(h, cfg) ? reconcile(h) : Future.succeededFuture());
        }
        return all;
    }

    private static void refuse(Plan p, PluginHandle old, PluginHandle next, String why) {
        p.swaps.remove(old);
        p.kept.add(old);
        next.state(PluginState.REJECTED, "version " + next.descriptor().version() + " refused: " + why + "; version "
                + old.descriptor().version() + " keeps serving");
        LOG.log(System.Logger.Level.WARNING, "plugin [" + next.id() + "] of " + next.source() + ": " + next.reason());
    }

    /** The plugins after {@code p}, in order: each at the place of the one it replaces, new ones last. */
    private static Set<PluginHandle> next(Plan p) {
        Set<PluginHandle> next = new LinkedHashSet<>();
        for (PluginHandle h : p.before.all()) {
            if (p.outgoing.contains(h)) {
                if (p.kept.contains(h)) {
                    next.add(h);
                } else if (p.swaps.containsKey(h)) {
                    next.add(p.swaps.get(h));
                }
            } else if (p.readmitted.containsKey(h)) {
                next.add(p.readmitted.get(h));
            } else {
                next.add(h);
            }
        }
        next.addAll(p.entering);
        return next;
    }

    /** Switches to the new set of plugins, then retires and unloads the old versions. */
    private void publish(Plan p) {
        Set<PluginHandle> next = next(p);
        registry = Registry.of(new ArrayList<>(next));

        p.swaps.forEach(PluginHandle::retire);
        p.removals.forEach(old -> old.retire(null));
        p.swaps.forEach((old, now) -> {
            LOG.log(System.Logger.Level.INFO, "plugin [" + now.id() + "] replaced: version " + old.descriptor().version()
                    + " of " + old.source() + " by version " + now.descriptor().version() + " of " + now.source()
                    + " (" + now.state() + ")");
            tell(now.id(), now);
        });
        for (PluginHandle h : p.installs) {
            if (next.contains(h)) {
                LOG.log(System.Logger.Level.INFO, "plugin [" + h.id() + "] version " + h.descriptor().version()
                        + " installed from " + h.source() + " (" + h.state() + ")");
                tell(h.id(), h);
            }
        }
        for (PluginHandle old : p.removals) {
            LOG.log(System.Logger.Level.INFO, "plugin [" + old.id() + "] version " + old.descriptor().version()
                    + " removed (" + old.source() + " is gone or no longer provides it)");
            PluginHandle serving = registry.byId().get(old.id());
            if (serving == null || serving.state() == PluginState.REJECTED) {
                tell(old.id(), null);
            }
        }
        p.swaps.keySet().forEach(old -> unload(old, "replaced by version " + p.swaps.get(old).descriptor().version()));
        p.removals.forEach(old -> unload(old, "removed"));
        for (PluginHandle h : p.outgoing) {
            if (!next.contains(h) && h.state() == PluginState.REJECTED) {
                releaseIfUnused(h.staged());
            }
        }
    }

    private void tell(String id, PluginHandle handle) {
        for (Listener l : listeners) {
            try {
                l.changed(id, handle);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "plugin listener failed for [" + id + "]", e);
            }
        }
    }

    /** Lets a retired version's in-flight requests finish, stops it and lets go of everything that refers to it. */
    private void unload(PluginHandle old, String why) {
        Promise<Void> done = Promise.promise();
        unloading.put(old, done.future());
        drain(old)
                .compose(v -> old.context() != null || old.state() == PluginState.ENABLED ? stop(old, why)
                        : Future.succeededFuture())
                .onComplete(ar -> {
                    services.released(old.id());
                    forgetClasses();
                    unloading.remove(old);
                    releaseIfUnused(old.staged());
                    LOG.log(System.Logger.Level.INFO, "plugin [" + old.id() + "] version " + old.descriptor().version()
                            + " unloaded (" + why + ")");
                    done.complete();
                });
    }

    private Future<Void> drain(PluginHandle h) {
        if (h.inFlight() == 0) {
            return Future.succeededFuture();
        }
        Promise<Void> drained = Promise.promise();
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        Vertx vertx = services.vertx();
        vertx.setPeriodic(5, 20, id -> {
            boolean late = System.nanoTime() - deadline > 0;
            if (h.inFlight() == 0 || late) {
                vertx.cancelTimer(id);
                if (late) {
                    LOG.log(System.Logger.Level.WARNING, "plugin [" + h.id() + "] still has " + h.inFlight()
                            + " requests in flight after " + options.drainTimeout().toSeconds() + " s; stopping it anyway");
                }
                drained.tryComplete();
            }
        });
        return drained.future();
    }

    /** Jackson keeps serialisers (and types) per class: drop them so that they do not keep an unloaded layer alive. */
    private static void forgetClasses() {
        for (ObjectMapper mapper : new ObjectMapper[] {Json.mapper(), DatabindCodec.mapper()}) {
            if (mapper.getSerializerProvider() instanceof DefaultSerializerProvider provider) {
                provider.flushCachedSerializers();
            }
            mapper.getTypeFactory().clearCache();
        }
    }

    private void releaseIfUnused(Path staged) {
        if (staged == null) {
            return;
        }
        for (PluginHandle h : registry.all()) {
            if (staged.equals(h.staged())) {
                return;
            }
        }
        for (PluginHandle h : unloading.keySet()) {
            if (staged.equals(h.staged())) {
                return;
            }
        }
        stagedReleased.accept(staged);
    }

    /** Current config of a plugin (for tests and the API). */
    public Params configOf(String id) {
        return byId(id).map(PluginHandle::config).orElse(Params.empty());
    }

    /** An immutable view of the installed plugins, for cheap lock-free reads. */
    private record Registry(List<PluginHandle> all, Map<String, PluginHandle> byId, Map<String, PluginHandle> byPrefix) {

        static Registry of(List<PluginHandle> handles) {
            List<PluginHandle> list = List.copyOf(handles);
            Map<String, PluginHandle> ids = new HashMap<>();
            Map<String, PluginHandle> prefixes = new HashMap<>();
            for (PluginHandle h : list) {
                if (h.state() != PluginState.REJECTED) {
                    ids.putIfAbsent(h.id(), h);
                    prefixes.putIfAbsent(h.descriptor().routePrefix(), h);
                }
            }
            for (PluginHandle h : list) {
                ids.putIfAbsent(h.id(), h);
            }
            return new Registry(list, Map.copyOf(ids), Map.copyOf(prefixes));
        }
    }

    /** Gives a plugin a worker context of its own; holds nothing of the plugin. */
    private static final class PluginVerticle extends VerticleBase {
        Context context() {
            return context;
        }
    }
}
