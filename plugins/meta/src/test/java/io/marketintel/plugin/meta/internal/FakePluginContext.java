package io.marketintel.plugin.meta.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Params;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A PluginContext for tests: a real Vert.x (timers), storage handed in (the runtime's H2 {@code Database} on a temp
 * folder, or none), a hand-moved clock, a TTL cache that drops failed loads (as the runtime's does), bus calls
 * answered by a test function (by default "nobody serves", as the runtime answers for an absent plugin), and a
 * record of published events and calls.
 */
final class FakePluginContext implements PluginContext {

    /** One published event. */
    record Event(String type, Object data) {
    }

    /** Answers {@code ctx.call}. */
    @FunctionalInterface
    interface Calls {
        Future<JsonObject> call(String pluginId, String operation, String pathValue, Map<String, ?> params,
                                Duration timeout);
    }

    private record Entry(Future<?> future, long expiresAt) {
    }

    final Vertx vertx;
    final FakeMarketData market = new FakeMarketData();
    final MutableClock clock = new MutableClock(Fixtures.T0);
    final List<Event> published = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile Calls answers = (id, op, path, params, timeout) -> Future.failedFuture(new IntelException(
            ErrorCode.NOT_FOUND, "nobody serves operation [" + id + "." + op + "]"));
    private final Map<String, Entry> cache = new HashMap<>();
    private final PluginDescriptor descriptor;
    private final Params defaults;
    private final Storage storage;
    private volatile Params config;

    FakePluginContext(Vertx vertx, PluginDescriptor descriptor, Params defaults, Storage storage) {
        this.vertx = vertx;
        this.descriptor = descriptor;
        this.defaults = defaults;
        this.config = defaults;
        this.storage = storage;
    }

    /** Replaces configuration keys, the others keep their defaults (as the runtime would after a reload). */
    void configure(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(defaults.asMap());
        values.putAll(overrides);
        config = Params.of(values);
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public MarketData marketData() {
        return market;
    }

    @Override
    public Exchange exchange() {
        throw new IllegalStateException("analyzers have no exchange");
    }

    @Override
    public boolean liveTrading() {
        return false;
    }

    @Override
    public java.time.Clock clock() {
        return clock;
    }

    @Override
    public Params config() {
        return config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> Future<T> cached(String key, Duration ttl, Supplier<Future<T>> loader) {
        Entry e = cache.get(key);
        if (e != null && clock.millis() < e.expiresAt()) {
            return (Future<T>) e.future();
        }
        Future<T> f = loader.get();
        cache.put(key, new Entry(f, clock.millis() + ttl.toMillis()));
        f.onFailure(x -> {
            synchronized (this) {
                cache.remove(key);
            }
        });
        return f;
    }

    @Override
    public Future<JsonObject> call(String pluginId, String operation, String pathValue, Map<String, ?> params,
                                   Duration timeout) {
        calls.add(pluginId + "." + operation + " " + pathValue + " " + params + " " + timeout.toMillis());
        return answers.call(pluginId, operation, pathValue, params, timeout);
    }

    @Override
    public Storage storage() {
        if (storage == null) {
            throw new UnsupportedOperationException("no storage in this test");
        }
        return storage;
    }

    @Override
    public void publish(String type, Object event) {
        published.add(new Event(type, event));
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("io.marketintel.plugin.meta.test");
    }
}
