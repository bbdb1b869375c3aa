package io.marketintel.runtime.http;

import io.marketintel.runtime.plugins.PluginHandle;
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
     * @param total          discovered
     * @param enabled        serving
     * @param disabled       switched off
     * @param failed         failed to start
     * @param rejected       refused at discovery (the reason is in {@code GET /api/plugins})
     * @param unhealthy      enabled but failing repeatedly, or holding their thread right now
     * @param unloading      removed or replaced versions still finishing their requests
     * @param dir            the folder drop-in plugin jars are loaded from
     * @param blockedThreads plugins that have held their thread beyond the threshold
     */
    public record Plugins(int total, int enabled, int disabled, int failed, int rejected, int unhealthy, int unloading,
                          String dir, List<BlockedPlugin> blockedThreads) {
    }

    /**
     * A plugin that held its thread (its operation handlers run on a thread of their own) beyond the threshold: it
     * blocked, which costs its own callers, not the rest of the platform.
     *
     * @param plugin       plugin id
     * @param times        how often
     * @param last         the latest time: operation, duration, when
     * @param blockedNowMs how long its thread has been held right now, or null when it is free
     * @param thresholdMs  the threshold
     */
    public record BlockedPlugin(String plugin, long times, PluginHandle.Blocked last, Long blockedNowMs,
                                long thresholdMs) {
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
