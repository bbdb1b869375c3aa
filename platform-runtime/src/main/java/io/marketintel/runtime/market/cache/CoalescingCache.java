package io.marketintel.runtime.market.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToLongBiFunction;

/**
 * The machinery shared by {@link CachingMarketData} and {@link ResultCache}: a Caffeine
 * {@link AsyncCache} with a time-to-live per entry, where the future of a load in flight is the entry,
 * so identical requests meanwhile join it instead of calling upstream again. A failed future is removed
 * by Caffeine as it fails, so the next request loads again.
 *
 * <p>Caffeine's maintenance runs on the calling thread ({@code executor(Runnable::run)}): it is cheap,
 * amortised work, it keeps callbacks off foreign thread pools and makes tests deterministic.
 *
 * @param <K> key
 * @param <V> value
 */
final class CoalescingCache<K, V> {

    private final AsyncCache<K, V> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /**
     * @param maximumSize entries kept at most (least valuable evicted first)
     * @param ticker      time source of expiry
     * @param ttlNanos    time-to-live of a loaded entry, in nanoseconds, counted from the end of its load
     */
    CoalescingCache(long maximumSize, Ticker ticker, ToLongBiFunction<K, V> ttlNanos) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("cache maximum size must be positive, was " + maximumSize);
        }
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(ttlNanos, "ttlNanos");
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(new Expiry<K, V>() {
                    @Override
                    public long expireAfterCreate(K key, V value, long currentTime) {
                        return ttlNanos.applyAsLong(key, value);
                    }

                    @Override
                    public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
                        return ttlNanos.applyAsLong(key, value);
                    }

                    @Override
                    public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .buildAsync();
    }

    /**
     * The cached value of {@code key}, or the one {@code loader} produces (joined by every identical
     * request until it completes). Completes on the caller's Vert.x context when there is one.
     */
    Future<V> get(K key, Supplier<Future<V>> loader) {
        boolean[] started = new boolean[1];
        CompletableFuture<V> future = cache.get(key, (k, executor) -> {
            started[0] = true;
            return load(loader);
        });
        if (started[0]) {
            misses.increment();
        } else {
            hits.increment();
            if (!future.isDone()) {
                coalesced.increment();
            }
        }
        return onCallersContext(future);
    }

    /** Counts an upstream call that bypasses the cache. */
    void countUncachedLoad() {
        loads.increment();
    }

    /** Drops the entry of {@code key}, if any. */
    void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }

    /** Drops every entry (loads in flight still complete for their callers). */
    void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    CacheStats stats() {
        return new CacheStats(hits.sum(), coalesced.sum(), misses.sum(), loads.sum(), failures.sum(),
                cache.synchronous().estimatedSize());
    }

    private CompletableFuture<V> load(Supplier<Future<V>> loader) {
        loads.increment();
        CompletableFuture<V> result = new CompletableFuture<>();
        Future<V> upstream;
        try {
            upstream = Objects.requireNonNull(loader.get(), "the loader answered null instead of a future");
        } catch (RuntimeException e) {
            failures.increment();
            result.completeExceptionally(e);
            return result;
        }
        upstream.onComplete(ar -> {
            if (ar.succeeded()) {
                result.complete(ar.result());
            } else {
                failures.increment();
                result.completeExceptionally(ar.cause());
            }
        });
        return result;
    }

    static <T> Future<T> onCallersContext(CompletableFuture<T> future) {
        Context context = Vertx.currentContext();
        return context == null ? Future.fromCompletionStage(future) : Future.fromCompletionStage(future, context);
    }
}
