package io.marketintel.api;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * What every plugin is. Implement {@link Analyzer} or {@link Executor}, not this interface.
 *
 * <p>Lifecycle: the runtime instantiates the provider once, reads {@link #descriptor()} and
 * {@link #operations()}, calls {@link #start(PluginContext)} when the plugin is enabled and
 * {@link #stop()} when it is disabled or the platform shuts down. A plugin may be started and stopped
 * several times. Operations are only invoked between a successful start and the next stop.
 */
public sealed interface Plugin permits Analyzer, Executor {

    /** Identity, version and configuration schema of this plugin. */
    PluginDescriptor descriptor();

    /** The operations this plugin serves; names are unique within the plugin. */
    List<Operation> operations();

    /**
     * Starts the plugin. The context stays valid until {@link #stop()} completes.
     *
     * @param context what the runtime offers the plugin
     * @return a future completed when the plugin is ready to serve
     */
    Future<Void> start(PluginContext context);

    /**
     * Checks rules that span several configuration keys (single keys are already checked against their
     * {@link ParamSpec}s). Called when the configuration is loaded or reloaded, before it applies; a failure
     * rejects the whole configuration (at start the launch stops, while running the previous one stays).
     *
     * @param config the plugin's validated keys
     * @throws IllegalArgumentException with a message naming the keys, e.g.
     *         {@code [bullish_threshold_pct] (0.2) must be below [extreme_threshold_pct] (0.15)}
     */
    default void checkConfig(Params config) {
    }

    /**
     * For {@link #checkConfig}: builds the plugin's settings from {@code config} with {@code settings}, which reports
     * an inconsistency as an {@link IntelException}, and rethrows it as the {@link IllegalArgumentException} (same
     * message) that {@code checkConfig} promises. Typical use: {@code Plugin.checkSettings(config, MySettings::from);}.
     *
     * @param config   the plugin's validated keys
     * @param settings parses and cross-checks them
     */
    static void checkSettings(Params config, Function<Params, ?> settings) {
        try {
            settings.apply(config);
        } catch (IntelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Stops the plugin and releases what it holds (timers, consumers). */
    default Future<Void> stop() {
        return Future.succeededFuture();
    }
}
