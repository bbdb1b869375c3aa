package io.marketintel.runtime.market;

import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.marketintel.runtime.config.ConfigException;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.http.HealthReport;
import io.marketintel.runtime.market.binance.BinanceMarket;
import io.marketintel.runtime.market.binance.BinanceSettings;
import io.marketintel.runtime.market.binance.Network;
import io.marketintel.runtime.market.cache.CacheTtls;
import io.marketintel.runtime.market.cache.CachingMarketData;
import io.marketintel.runtime.market.cache.ClockTicker;
import io.marketintel.runtime.market.replay.ReplayClock;
import io.marketintel.runtime.market.replay.ReplayMarket;
import io.marketintel.runtime.market.replay.ReplaySettings;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Builds the market source named by {@code market} in the configuration. */
public final class MarketSources {

    private MarketSources() {
    }

    /**
     * A connected source.
     *
     * @param marketData uncached market data
     * @param exchange   the exchange executors trade on
     * @param clock      the market's time: the system clock, or the replay clock under replay
     * @param state      the source's own view: UP, DEGRADED (e.g. paused by a 429) or DOWN (e.g. banned)
     * @param detail     source-specific facts for {@code /api/health}
     * @param close      releases connections
     * @param onJump     registers an action for when the market's time jumps (replay seeks)
     */
    public record Source(MarketData marketData, Exchange exchange, Clock clock, Supplier<String> state,
                         Supplier<Object> detail, Supplier<Future<Void>> close, Consumer<Runnable> onJump) {

        /** Health: the source's state, DOWN when exchange info cannot be had. */
        public Future<HealthReport.Market> health() {
            return marketData.exchangeInfo()
                    .map(info -> new HealthReport.Market(marketData.source(), state.get(), info.symbols().size(),
                            detail.get()))
                    .otherwise(e -> new HealthReport.Market(marketData.source(), "DOWN", 0, e.getMessage()));
        }
    }

    /** Creates the configured source; {@code clock} is the system clock. */
    public static Future<Source> create(Vertx vertx, Clock clock, PlatformConfig config) {
        return switch (config.market()) {
            case "sim" -> Future.succeededFuture(sim(vertx, clock, config));
            case "replay" -> replay(vertx, clock, config);
            case "binance" -> binance(vertx, clock, config);
            default -> throw new IllegalStateException("market [" + config.market() + "] passed validation");
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
        return new Source(market, exchange, clock, () -> "UP",
                () -> Map.of("seed", config.sim().seed(), "paper_exchange", true),
                Future::succeededFuture, action -> { });
    }

    private static Future<Source> replay(Vertx vertx, Clock clock, PlatformConfig config) {
        ReplaySettings settings;
        try {
            settings = ReplaySettings.parse(config.replay().dir().toString(), config.replay().start(),
                    config.replay().speed());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ConfigException("replay", e.getMessage()));
        }
        return ReplayMarket.open(vertx, settings, clock).map(market -> {
            // Loading every symbol in the background makes /api/health complete and first answers fast.
            market.preload();
            ReplayClock replayClock = market.clock();
            return new Source(market,
                    new UnavailableExchange("the replay market has no exchange: executors need market sim or binance"),
                    replayClock, () -> "UP", market::status, Future::succeededFuture,
                    action -> replayClock.onJump(instant -> action.run()));
        });
    }

    private static Future<Source> binance(Vertx vertx, Clock clock, PlatformConfig config) {
        PlatformConfig.Binance b = config.binance();
        BinanceSettings settings;
        try {
            settings = BinanceSettings.defaults(b.network().equals("testnet") ? Network.TESTNET : Network.MAINNET)
                    .withBaseUrl(b.baseUrl())
                    .withCredentials(b.apiKey(), b.apiSecret())
                    .withRecvWindowMs(b.recvWindowMs())
                    .withWeightSafetyMarginPct(b.weightSafetyMarginPct())
                    .withRequestTimeout(Duration.ofMillis(b.requestTimeoutMs()))
                    .withRetries(b.maxRetries(), BinanceSettings.defaults().retryBaseDelay())
                    .withMaxQueueWait(Duration.ofMillis(b.maxQueueWaitMs()));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ConfigException("binance", "config section [binance]: " + e.getMessage()));
        }
        return BinanceMarket.connect(vertx, clock, settings).map(market -> new Source(market.marketData(),
                market.exchange(), clock, () -> market.status().state(), market::status, market::close,
                action -> { }));
    }

    /** The cache in front of {@code source}, configured from {@code cache.*}. */
    public static CachingMarketData cache(Source source, PlatformConfig config) {
        Map<DataKind, Duration> maxStale = new EnumMap<>(DataKind.class);
        for (DataKind kind : DataKind.values()) {
            maxStale.put(kind, config.maxStale().getOrDefault(kind.key(), Duration.ZERO));
        }
        // Lifetimes run on the market's clock (replay time under replay); a jump in that time empties the cache,
        // so that seeking back never serves answers from the replayed future.
        CachingMarketData cache = new CachingMarketData(source.marketData(), ttls(config), maxStale,
                CachingMarketData.DEFAULT_MAXIMUM_SIZE, new ClockTicker(source.clock()));
        source.onJump().accept(cache::invalidateAll);
        return cache;
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
