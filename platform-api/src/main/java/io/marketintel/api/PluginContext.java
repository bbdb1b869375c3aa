package io.marketintel.api;

import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the runtime hands a started plugin. One instance per start; valid until the plugin stops.
 */
public interface PluginContext {

    /** The Vert.x instance; handlers run on the plugin's own context. */
    Vertx vertx();

    /** The descriptor of the plugin this context belongs to. */
    PluginDescriptor descriptor();

    /** Market data, cached and rate-limited by the runtime (simulated, Binance or replay). */
    MarketData marketData();

    /**
     * The exchange port. Executors only: analyzers get an {@link IllegalStateException}. Every order action is
     * journaled ({@link #journal()}). On a real exchange, order actions are refused ({@code FORBIDDEN}) unless
     * {@code trading.live: true}; the paper exchange of the simulated market always accepts them.
     */
    Exchange exchange();

    /**
     * The order journal of this executor (executors only): what it sent through {@link #exchange()}, written
     * before each call and completed after, for crash recovery. Contexts without one (analyzers, test
     * contexts) throw {@link IllegalStateException}.
     */
    default io.marketintel.api.trading.OrderJournal journal() {
        throw new IllegalStateException("plugin [" + descriptor().id() + "] has no order journal (executors only)");
    }

    /** Whether live trading is switched on ({@code trading.live: true}); dry run is the default. */
    boolean liveTrading();

    /** The clock every time decision must use (tests and replay substitute their own). */
    Clock clock();

    /**
     * The plugin's current, validated configuration ({@code plugins.<id>.*} with defaults applied).
     * A valid changed configuration file is visible here on the next call without a restart.
     */
    Params config();

    /**
     * Caches the result of {@code loader} under {@code key} for {@code ttl}; concurrent calls for the
     * same key share one load; failed loads are not cached. Keys are private to the plugin.
     */
    <T> Future<T> cached(String key, Duration ttl, Supplier<Future<T>> loader);

    /**
     * Calls another plugin's operation over the event bus (so it works in a cluster).
     *
     * @param pluginId  the other plugin's id
     * @param operation its operation name
     * @param pathValue symbol or id, or null
     * @param params    raw parameter values (validated by the callee)
     * @param timeout   how long to wait for the answer
     * @return the reply, the same {@code {"data": …}} JSON the REST route answers; failures are
     *         {@link IntelException}s with the callee's code and message
     */
    Future<JsonObject> call(String pluginId, String operation, String pathValue, Map<String, ?> params,
                            Duration timeout);

    /** The embedded database, for plugins that keep state (journals, outcomes). */
    Storage storage();

    /**
     * Publishes a result or progress event on {@code intel.events.<plugin-id>} as
     * {@code {"type": type, "plugin": id, "time": millis, "data": event}} for the console and listeners.
     */
    void publish(String type, Object event);

    /** A logger named after the plugin. */
    System.Logger logger();
}
