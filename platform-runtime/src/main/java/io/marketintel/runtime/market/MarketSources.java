package io.marketintel.runtime.market;

import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.marketintel.runtime.config.ConfigException;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.http.HealthReport;
import com.github.benmanes.caffeine.cache.Ticker;
import io.marketintel.runtime.market.cache.CacheTtls;
import io.marketintel.runtime.market.cache.CachingMarketData;
import io.marketintel.runtime.market.cache.DataKind;
import io.marketintel.runtime.market.sim.PaperExchange;
import io.marketintel.runtime.market.sim.SimSettings;
import io.marketintel.runtime.market.sim.SimulatedMarket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Builds the market source named by {@code market} in the configuration. */
public final class MarketSources {

    private MarketSources() {
    }

    /** A connected source with its exchange. */
    public interface Source {
        /** Uncached market data. */
        MarketData marketData();

        /** The exchange executors trade on. */
        Exchange exchange();

        /** Health of the source. */
        Future<HealthReport.Market> health();

        /** Releases connections. */
        Future<Void> close();
    }

    /** Creates the configured source. */
    public static Future<Source> create(Vertx vertx, Clock clock, PlatformConfig config) {
        return switch (config.market()) {
            case "sim" -> Future.succeededFuture(sim(vertx, clock, config));
            default -> Future.failedFuture(new ConfigException("market", "config key [market] value ["
                    + config.market() + "] is not available in this build; use sim"));
        };
    }

    private static Source sim(Vertx vertx, Clock clock, PlatformConfig config) {
        SimulatedMarket market = new SimulatedMarket(SimSettings.defaults().withSeed(config.sim().seed()), clock);
        // Long histories cost ~1 s to build the first time: do it on a worker while the platform starts serving,
        // so that no first request pays for it on an event loop.
        vertx.executeBlocking(() -> {
            market.warmUp();
            return null;
        });
        PaperExchange exchange = new PaperExchange(market, clock, BigDecimal.valueOf(config.sim().startingBalance()));
        return new Source() {
            @Override
            public MarketData marketData() {
                return market;
            }

            @Override
            public Exchange exchange() {
                return exchange;
            }

            @Override
            public Future<HealthReport.Market> health() {
                return market.exchangeInfo().map(info -> new HealthReport.Market("sim", "UP", info.symbols().size(),
                        java.util.Map.of("seed", config.sim().seed(), "paper_exchange", true)));
            }

            @Override
            public Future<Void> close() {
                return Future.succeededFuture();
            }
        };
    }

    /** The cache in front of {@code source}, configured from {@code cache.*}. */
    public static CachingMarketData cache(MarketData source, PlatformConfig config) {
        Map<DataKind, Duration> maxStale = new EnumMap<>(DataKind.class);
        for (DataKind kind : DataKind.values()) {
            maxStale.put(kind, config.maxStale().getOrDefault(kind.key(), Duration.ZERO));
        }
        return new CachingMarketData(source, ttls(config), maxStale, CachingMarketData.DEFAULT_MAXIMUM_SIZE,
                Ticker.systemTicker());
    }

    /** Cache lifetimes from {@code cache.ttl_seconds.*}. */
    static CacheTtls ttls(PlatformConfig config) {
        CacheTtls ttls = CacheTtls.defaults();
        for (DataKind kind : DataKind.values()) {
            ttls = ttls.with(kind, config.cacheTtls().get(kind.key()));
        }
        return ttls;
    }
}
