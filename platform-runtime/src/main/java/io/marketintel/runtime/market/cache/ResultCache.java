package io.marketintel.runtime.market.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The cache behind {@code PluginContext.cached(key, ttl, loader)}: one instance per plugin, so keys are
 * private to it.
 *
 * <p>The first request for a key runs its loader; identical requests while it runs share that load;
 * the value is kept for the {@code ttl} of the request that loaded it, counted from the end of the load.
 * A failed load is not cached. At most {@code maximumSize} entries are kept. Answers complete on the
 * caller's Vert.x context.
 *
 * <p>A key stands for one type of value: reusing a key for another type fails with a
 * {@link ClassCastException} where the plugin reads the value.
 */
public final class ResultCache {

    /** Entries kept at most by {@link #ResultCache()}. */
    public static final long DEFAULT_MAXIMUM_SIZE = 1_000;
    /** The longest accepted time-to-live. */
    public static final Duration MAX_TTL = CacheTtls.MAX_TTL;

    private final CoalescingCache<String, Entry> cache;

    /** A cache of {@value #DEFAULT_MAXIMUM_SIZE} entries at most, on the system ticker. */
    public ResultCache() {
        this(DEFAULT_MAXIMUM_SIZE, Ticker.systemTicker());
    }

    /**
     * @param maximumSize entries kept at most, positive
     * @param ticker      time source of expiry ({@link Ticker#systemTicker()}, or a {@link ClockTicker})
     */
    public ResultCache(long maximumSize, Ticker ticker) {
        this.cache = new CoalescingCache<>(maximumSize, ticker, (key, entry) -> entry.ttlNanos());
    }

    /**
     * The value cached under {@code key}, or the one {@code loader} produces, kept for {@code ttl}.
     *
     * @param key    the plugin's key, not null
     * @param ttl    time-to-live, positive and at most {@link #MAX_TTL}
     * @param loader produces the value; called once per miss
     * @return the value; fails with {@link IllegalArgumentException} naming the bad argument, or with the
     *         loader's failure
     */
    @SuppressWarnings("unchecked")
    public <T> Future<T> get(String key, Duration ttl, Supplier<Future<T>> loader) {
        if (key == null) {
            return Future.failedFuture(new IllegalArgumentException("cache key is missing"));
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            return Future.failedFuture(new IllegalArgumentException("cache ttl of key [" + key
                    + "] must be positive and at most " + MAX_TTL + ", was " + ttl));
        }
        if (loader == null) {
            return Future.failedFuture(new IllegalArgumentException("cache loader of key [" + key + "] is missing"));
        }
        long ttlNanos = ttl.toNanos();
        return cache.get(key, () -> Objects.requireNonNull(loader.get(),
                        () -> "cache loader of key [" + key + "] answered null instead of a future")
                        .map(value -> new Entry(value, ttlNanos)))
                .map(entry -> (T) entry.value());
    }

    /** Drops the entry of {@code key}, if any. */
    public void invalidate(String key) {
        cache.invalidate(key);
    }

    /** Drops every entry (loads in flight still answer their callers). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** Counters since creation. */
    public CacheStats stats() {
        return cache.stats();
    }

    /** A loaded value and the time-to-live its loader asked for. */
    private record Entry(Object value, long ttlNanos) {
    }
}
