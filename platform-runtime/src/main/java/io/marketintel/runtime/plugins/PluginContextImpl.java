package io.marketintel.runtime.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketintel.api.Params;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.marketintel.runtime.bus.BusAddresses;
import io.marketintel.runtime.errors.Errors;
import io.marketintel.runtime.json.Json;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The context of one started plugin. Each start gets its own Vert.x deployment: a worker context on a thread pool of
 * the plugin's own, where its start, stop, operation handlers (and the callbacks and timers they create) run, so
 * that a plugin that blocks holds up its own thread and nobody else's; undeploying it cancels the timers and bus
 * consumers the plugin left behind.
 */
final class PluginContextImpl implements PluginContext {

    private final PluginHandle handle;
    private final PlatformServices services;
    private final System.Logger logger;
    private final Context vertxContext;
    private final String deploymentId;
    private volatile JournalingExchange journaling;

    PluginContextImpl(PluginHandle handle, PlatformServices services) {
        this(handle, services, null, null);
    }

    /**
     * @param vertxContext the plugin's own Vert.x context, or null to run on the caller's
     * @param deploymentId the deployment that owns it, or null
     */
    PluginContextImpl(PluginHandle handle, PlatformServices services, Context vertxContext, String deploymentId) {
        this.handle = handle;
        this.services = services;
        this.logger = System.getLogger("plugin." + handle.id());
        this.vertxContext = vertxContext;
        this.deploymentId = deploymentId;
    }

    /** Where the plugin's code runs, or null when it runs on the caller's context. */
    Context vertxContext() {
        return vertxContext;
    }

    /** The Vert.x deployment owning {@link #vertxContext()}, or null. */
    String deploymentId() {
        return deploymentId;
    }

    @Override
    public Vertx vertx() {
        return services.vertx();
    }

    @Override
    public PluginDescriptor descriptor() {
        return handle.descriptor();
    }

    @Override
    public MarketData marketData() {
        return services.marketData();
    }

    @Override
    public Exchange exchange() {
        return journaling();
    }

    @Override
    public io.marketintel.api.trading.OrderJournal journal() {
        return journaling();
    }

    private JournalingExchange journaling() {
        if (handle.kind() != PluginKind.EXECUTOR) {
            throw new IllegalStateException("plugin [" + handle.id() + "] is an analyzer; only executors get the exchange");
        }
        JournalingExchange j = journaling;
        if (j == null) {
            j = new JournalingExchange(handle.id(), services.exchange(), services.orderJournal(), services.clock(),
                    services::liveTrading);
            journaling = j;
        }
        return j;
    }

    @Override
    public boolean liveTrading() {
        return services.liveTrading();
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public Params config() {
        return handle.config();
    }

    @Override
    public <T> Future<T> cached(String key, Duration ttl, Supplier<Future<T>> loader) {
        return services.cached(handle.id(), key, ttl, loader);
    }

    @Override
    public Future<JsonObject> call(String pluginId, String operation, String pathValue, Map<String, ?> params,
                                   Duration timeout) {
        JsonObject body = BusAddresses.request(pathValue, params);
        String what = "operation [" + pluginId + "." + operation + "]";
        return services.vertx().eventBus()
                .<JsonObject>request(BusAddresses.operation(pluginId, operation), body,
                        new DeliveryOptions().setSendTimeout(Math.max(1, timeout.toMillis())))
                .map(message -> message.body())
                .recover(failure -> Future.failedFuture(Errors.toIntel(failure, what)));
    }

    @Override
    public Storage storage() {
        return services.storage(handle.id());
    }

    @Override
    public void publish(String type, Object event) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("type", type);
        envelope.put("plugin", handle.id());
        envelope.put("time", services.clock().millis());
        envelope.set("data", Json.tree(event));
        services.vertx().eventBus().publish(BusAddresses.events(handle.id()), new JsonObject(Json.encode(envelope)));
    }

    @Override
    public System.Logger logger() {
        return logger;
    }
}
