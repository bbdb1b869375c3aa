package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.Params;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A PluginContext for tests: fixed market, a fake exchange, a hand-moved clock, a TTL cache that drops failed loads
 * (as the runtime's does) and a record of published events.
 */
final class FakePluginContext implements PluginContext {

    /** One published event. */
    record Event(String type, Object data) {
    }

    private record Entry(Future<?> future, long expiresAt) {
    }

    final FakeMarketData market = new FakeMarketData();
    final FakeExchange exchange = new FakeExchange();
    final TestClock clock = new TestClock(Fixtures.T0 + 100 * Fixtures.H1 + 1);
    final List<Event> published = new ArrayList<>();
    final List<String> cacheLoads = new ArrayList<>();
    boolean live;
    private final Map<String, Entry> cache = new HashMap<>();
    private final PluginDescriptor descriptor;
    private Params config = LadderSettings.defaultParams();

    FakePluginContext(PluginDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Replaces configuration keys, the others keep their defaults (as the runtime would after a reload). */
    void configure(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(LadderSettings.defaultParams().asMap());
        values.putAll(overrides);
        config = Params.of(values);
    }

    @Override
    public Vertx vertx() {
        throw new UnsupportedOperationException("the tp-ladder plugin does not need Vert.x itself");
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
        return exchange;
    }

    @Override
    public boolean liveTrading() {
        return live;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Params config() {
        return config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Future<T> cached(String key, Duration ttl, Supplier<Future<T>> loader) {
        Entry e = cache.get(key);
        if (e != null && clock.millis() < e.expiresAt()) {
            return (Future<T>) e.future();
        }
        cacheLoads.add(key);
        Future<T> f = loader.get();
        cache.put(key, new Entry(f, clock.millis() + ttl.toMillis()));
        f.onFailure(x -> cache.remove(key));
        return f;
    }

    @Override
    public Future<JsonObject> call(String pluginId, String operation, String pathValue, Map<String, ?> params,
                                   Duration timeout) {
        return Future.failedFuture(new UnsupportedOperationException("no other plugins in this test"));
    }

    @Override
    public Storage storage() {
        throw new UnsupportedOperationException("the tp-ladder plugin keeps no state of its own");
    }

    @Override
    public void publish(String type, Object event) {
        published.add(new Event(type, event));
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("io.marketintel.plugin.tpladder.test");
    }

    /** A clock moved by hand. */
    static final class TestClock extends Clock {
        private long millis;

        TestClock(long millis) {
            this.millis = millis;
        }

        void advance(Duration d) {
            millis += d.toMillis();
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
