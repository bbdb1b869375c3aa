package io.marketintel.runtime.http;

import java.util.List;

/**
 * What {@code GET /api/health} answers.
 *
 * @param status   UP, DEGRADED (something is wrong but the platform serves) or DOWN (answered with 503)
 * @param version  platform version
 * @param uptimeMs time since start
 * @param time     now, ms
 * @param market   market source
 * @param storage  embedded database
 * @param config   configuration file state
 * @param plugins  plugin counts
 * @param cache    market-data cache statistics
 */
public record HealthReport(
        String status,
        String version,
        long uptimeMs,
        long time,
        Market market,
        Object storage,
        Config config,
        Plugins plugins,
        Cache cache) {

    /**
     * The market source.
     *
     * @param source  sim, binance or replay
     * @param status  UP or DOWN
     * @param symbols number of listed symbols
     * @param detail  what is wrong, or source-specific facts
     */
    public record Market(String source, String status, int symbols, Object detail) {
    }

    /**
     * The configuration.
     *
     * @param file      config file
     * @param loadedAt  when the configuration in force was loaded, ms
     * @param lastError why the latest change of the file was rejected, or null
     * @param warnings  warnings of the configuration in force
     */
    public record Config(String file, long loadedAt, String lastError, List<String> warnings) {
    }

    /**
     * Plugin counts.
     *
     * @param total     discovered
     * @param enabled   serving
     * @param disabled  switched off
     * @param failed    failed to start
     * @param rejected  refused at discovery
     * @param unhealthy enabled but failing repeatedly
     */
    public record Plugins(int total, int enabled, int disabled, int failed, int rejected, int unhealthy) {
    }

    /**
     * Market-data cache counters since start.
     *
     * @param hits        answered from the cache (finished or loading entries)
     * @param coalesced   of the hits, those that joined a load in flight
     * @param misses      started a load
     * @param loads       upstream calls
     * @param failures    failed upstream calls
     * @param entries     entries held
     * @param staleServed failed loads answered with the last good value instead
     */
    public record Cache(long hits, long coalesced, long misses, long loads, long failures, long entries,
                        long staleServed) {
        /** From the cache's counters. */
        public static Cache of(io.marketintel.runtime.market.cache.CacheStats s, long staleServed) {
            return new Cache(s.hits(), s.coalesced(), s.misses(), s.loads(), s.failures(), s.entries(), staleServed);
        }
    }
}
