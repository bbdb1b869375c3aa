package io.marketintel.runtime.testing;

import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.marketintel.runtime.plugins.PlatformServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** Platform services for runtime tests: a given market, no exchange, no storage, no caching. */
public record TestServices(Vertx vertx, MarketData marketData, Clock clock) implements PlatformServices {

    @Override
    public Exchange exchange() {
        throw new IllegalStateException("no exchange in this test");
    }

    @Override
    public io.marketintel.runtime.store.OrderJournalStore orderJournal() {
        throw new IllegalStateException("no order journal in this test");
    }

    @Override
    public boolean liveTrading() {
        return false;
    }

    @Override
    public Storage storage(String pluginId) {
        throw new IllegalStateException("no storage in this test");
    }

    @Override
    public <T> Future<T> cached(String pluginId, String key, Duration ttl, Supplier<Future<T>> loader) {
        return loader.get();
    }
}
