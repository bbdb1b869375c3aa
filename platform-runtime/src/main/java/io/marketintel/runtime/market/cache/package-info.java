/**
 * Caching in front of every market data source, and the cache behind {@code PluginContext.cached}.
 *
 * <p>Start with {@link io.marketintel.runtime.market.cache.CachingMarketData}: it wraps any
 * {@link io.marketintel.api.market.MarketData} (sim, Binance, replay) with a Caffeine cache keyed by the
 * full request, a time-to-live per {@link io.marketintel.runtime.market.cache.DataKind data kind}
 * ({@link io.marketintel.runtime.market.cache.CacheTtls}), and coalescing: identical requests made while
 * one is in flight share its single upstream call. Failed loads are never cached. Answers complete on
 * the caller's Vert.x context.
 *
 * <p>{@link io.marketintel.runtime.market.cache.ResultCache} does the same for arbitrary plugin results,
 * one instance per plugin. Both take a Caffeine {@link com.github.benmanes.caffeine.cache.Ticker}, so tests
 * move time by hand ({@link io.marketintel.runtime.market.cache.ClockTicker} adapts a
 * {@link java.time.Clock}); both report {@link io.marketintel.runtime.market.cache.CacheStats} for
 * {@code /api/health}.
 */
package io.marketintel.runtime.market.cache;
