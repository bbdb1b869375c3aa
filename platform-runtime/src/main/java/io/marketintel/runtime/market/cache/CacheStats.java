package io.marketintel.runtime.market.cache;

/**
 * Counters of a cache since it was created, for {@code /api/health}.
 *
 * @param hits      requests answered by an entry already there, finished or still loading
 * @param coalesced of the hits, those that joined a load still in flight (one upstream call for many)
 * @param misses    requests that found no entry and started a load
 * @param loads     upstream calls made (the misses, plus requests that are never cached)
 * @param failures  upstream calls that failed (failures are not cached)
 * @param entries   entries held now (an estimate)
 */
public record CacheStats(long hits, long coalesced, long misses, long loads, long failures, long entries) {
}
