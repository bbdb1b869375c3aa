package io.marketintel.runtime.plugins;

import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** What the runtime shares with every plugin context. */
public interface PlatformServices {

    Vertx vertx();

    /** Cached market data of the configured source. */
    MarketData marketData();

    /** The exchange of the configured source (paper on the simulated market). */
    Exchange exchange();

    /** The order journal table shared by all executors. */
    io.marketintel.runtime.store.OrderJournalStore orderJournal();

    Clock clock();

    /** {@code trading.live}. */
    boolean liveTrading();

    /** Storage bound to one plugin. */
    Storage storage(String pluginId);

    /** The result cache of one plugin. */
    <T> Future<T> cached(String pluginId, String key, Duration ttl, Supplier<Future<T>> loader);

    /**
     * A version of plugin {@code pluginId} was unloaded (removed or replaced): drop what is kept for it, such as its
     * cached results, which may hold objects of its classes.
     */
    default void released(String pluginId) {
    }
}
