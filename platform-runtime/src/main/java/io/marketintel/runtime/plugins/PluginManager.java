package io.marketintel.runtime.plugins;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Params;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.config.PluginSchema;
import io.marketintel.runtime.config.PluginSettings;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Enables, disables and reconfigures plugins. Changes are applied one at a time, in order.
 *
 * <p>Precedence between the config file and {@code POST /api/plugins/{id}/enable|disable}: the most
 * recent change wins. The file's {@code plugins.<id>.enabled} is applied when its value <em>changes</em>
 * (and at start); an API toggle holds until then. API toggles are not persisted: after a restart the
 * file decides.
 */
public final class PluginManager {

    private static final System.Logger LOG = System.getLogger(PluginManager.class.getName());
    private static final Duration LIFECYCLE_TIMEOUT = Duration.ofSeconds(30);

    private final List<PluginHandle> handles;
    private final Map<String, PluginHandle> byId;
    private final Map<String, PluginHandle> byPrefix;
    private final PlatformServices services;
    private final Object lock = new Object();
    private Future<Void> tail = Future.succeededFuture();

    public PluginManager(List<PluginHandle> handles, PlatformServices services) {
        this.handles = List.copyOf(handles);
        this.services = services;
        Map<String, PluginHandle> ids = new java.util.LinkedHashMap<>();
        Map<String, PluginHandle> prefixes = new java.util.LinkedHashMap<>();
        for (PluginHandle h : this.handles) {
            ids.putIfAbsent(h.id(), h);
            if (h.state() != PluginState.REJECTED) {
                prefixes.put(h.descriptor().routePrefix(), h);
            }
        }
        this.byId = Map.copyOf(ids);
        this.byPrefix = Map.copyOf(prefixes);
    }

    /** Every discovered plugin, rejected ones included. */
    public List<PluginHandle> all() {
        return handles;
    }

    public Optional<PluginHandle> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The (non-rejected) plugin serving {@code /api/intelligence/<prefix>/…}. */
    public Optional<PluginHandle> byRoutePrefix(String prefix) {
        return Optional.ofNullable(byPrefix.get(prefix));
    }

    /** Declared config keys and cross-key rules of every installed plugin, for the config loader. */
    public Map<String, PluginSchema> configSchemas() {
        return configSchemas(handles);
    }

    /** Config schemas of {@code handles} (rejected ones have none). */
    public static Map<String, PluginSchema> configSchemas(List<PluginHandle> handles) {
        Map<String, PluginSchema> out = new java.util.LinkedHashMap<>();
        handles.stream().filter(h -> h.state() != PluginState.REJECTED)
                .forEach(h -> out.put(h.id(), new PluginSchema(h.descriptor().config(), h.plugin()::checkConfig)));
        return out;
    }

    /**
     * Applies a validated configuration: new plugin settings take effect at once; a plugin whose
     * {@code enabled} value changed in the file is started or stopped.
     */
    public Future<Void> apply(PlatformConfig config) {
        return enqueue(() -> {
            Future<Void> all = Future.succeededFuture();
            for (PluginHandle h : handles) {
                if (h.state() == PluginState.REJECTED) {
                    continue;
                }
                PluginSettings settings = settingsFor(config, h);
                h.config(settings.values());
                if (h.fileEnabled() == null || h.fileEnabled() != settings.enabled()) {
                    h.fileEnabled(settings.enabled());
                    h.want(settings.enabled(), "config");
                }
                all = all.compose(v -> reconcile(h));
            }
            return all;
        });
    }

    private static PluginSettings settingsFor(PlatformConfig config, PluginHandle h) {
        PluginSettings settings = config.plugin(h.id());
        if (settings != null) {
            return settings;
        }
        // Installed after the file was read: validate its pending section (or take defaults) now.
        return ConfigLoader.pluginSettings(config.file(), h.id(),
                new PluginSchema(h.descriptor().config(), h.plugin()::checkConfig), config.pendingPlugins().get(h.id()));
    }

    /** Enables or disables a plugin on request of the API; the result is the plugin after the change. */
    public Future<PluginHandle> setEnabled(String id, boolean enabled) {
        PluginHandle h = byId.get(id);
        if (h == null) {
            return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "no plugin with id [" + id + "]",
                    Map.of("plugin", id)));
        }
        if (h.state() == PluginState.REJECTED) {
            return Future.failedFuture(new IntelException(ErrorCode.CONFLICT, "plugin [" + id
                    + "] was rejected and cannot be enabled: " + h.reason(), Map.of("plugin", id)));
        }
        return enqueue(() -> {
            h.want(enabled, "api");
            return reconcile(h);
        }).map(h);
    }

    /** Stops every running plugin (shutdown). */
    public Future<Void> stopAll() {
        return enqueue(() -> {
            Future<Void> all = Future.succeededFuture();
            for (PluginHandle h : handles) {
                if (h.state() == PluginState.ENABLED) {
                    all = all.compose(v -> stop(h, "platform shutting down"));
                }
            }
            return all;
        });
    }

    private Future<Void> enqueue(Supplier<Future<Void>> step) {
        synchronized (lock) {
            Future<Void> next = tail.transform(ignored -> step.get());
            tail = next.recover(e -> Future.succeededFuture());
            return next;
        }
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

    private Future<Void> start(PluginHandle h) {
        PluginContextImpl context = new PluginContextImpl(h, services);
        return call(() -> h.plugin().start(context), "start")
                .transform(ar -> {
                    if (ar.succeeded()) {
                        h.context(context);
                        h.state(PluginState.ENABLED, null);
                        LOG.log(System.Logger.Level.INFO, "plugin [" + h.id() + "] enabled (" + h.wantedBy() + ")");
                    } else {
                        h.state(PluginState.FAILED, PluginDiscovery.rootMessage(ar.cause()));
                        LOG.log(System.Logger.Level.ERROR, "plugin [" + h.id() + "] failed to start: " + h.reason(),
                                ar.cause());
                    }
                    return Future.<Void>succeededFuture();
                });
    }

    private Future<Void> stop(PluginHandle h, String why) {
        h.state(PluginState.DISABLED, why);
        return call(() -> h.plugin().stop(), "stop")
                .transform(ar -> {
                    h.context(null);
                    if (ar.failed()) {
                        LOG.log(System.Logger.Level.WARNING, "plugin [" + h.id() + "] failed to stop cleanly: "
                                + PluginDiscovery.rootMessage(ar.cause()));
                    } else {
                        LOG.log(System.Logger.Level.INFO, "plugin [" + h.id() + "] " + why);
                    }
                    return Future.<Void>succeededFuture();
                });
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

    /** Current config of a plugin (for tests and the API). */
    public Params configOf(String id) {
        return byId(id).map(PluginHandle::config).orElse(Params.empty());
    }
}
