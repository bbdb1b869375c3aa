package io.marketintel.runtime.market.cache;

import static io.marketintel.runtime.market.cache.Await.failure;
import static io.marketintel.runtime.market.cache.Await.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.runtime.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ResultCacheTest {

    private final MutableClock clock = MutableClock.at("2024-03-01T00:00:00Z");
    private final ResultCache cache = new ResultCache(100, new ClockTicker(clock));
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<Future<String>> loader(String value) {
        return () -> {
            loads.incrementAndGet();
            return Future.succeededFuture(value + "#" + loads.get());
        };
    }

    @Test
    void keepsEachEntryForItsOwnTtl() {
        assertThat(value(cache.get("short", Duration.ofSeconds(10), loader("s")))).isEqualTo("s#1");
        assertThat(value(cache.get("long", Duration.ofMinutes(10), loader("l")))).isEqualTo("l#2");

        clock.advance(Duration.ofSeconds(10).minusMillis(1));
        assertThat(value(cache.get("short", Duration.ofSeconds(10), loader("s")))).isEqualTo("s#1");
        clock.advance(Duration.ofMillis(1));

        assertThat(value(cache.get("short", Duration.ofSeconds(10), loader("s")))).isEqualTo("s#3");
        assertThat(value(cache.get("long", Duration.ofMinutes(10), loader("l")))).isEqualTo("l#2");
        clock.advance(Duration.ofMinutes(10));
        assertThat(value(cache.get("long", Duration.ofMinutes(10), loader("l")))).isEqualTo("l#4");
    }

    @Test
    void hundredConcurrentCallsForOneKeyShareOneLoad() throws Exception {
        Promise<String> upstream = Promise.promise();
        Supplier<Future<String>> slow = () -> {
            loads.incrementAndGet();
            return upstream.future();
        };
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<Future<String>>> submitted = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                submitted.add(callers.submit(() -> {
                    start.await();
                    return cache.get("sentiment:BTCUSDT", Duration.ofMinutes(1), slow);
                }));
            }
            start.countDown();
            List<Future<String>> answers = new ArrayList<>();
            for (java.util.concurrent.Future<Future<String>> s : submitted) {
                answers.add(s.get(10, TimeUnit.SECONDS));
            }

            assertThat(loads).hasValue(1);
            upstream.complete("bullish");

            for (Future<String> answer : answers) {
                assertThat(value(answer)).isEqualTo("bullish");
            }
            assertThat(loads).hasValue(1);
            assertThat(cache.stats().coalesced()).isEqualTo(99);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void failedLoadIsNotCached() {
        Throwable error = failure(cache.get("k", Duration.ofMinutes(1), () -> {
            loads.incrementAndGet();
            return Future.failedFuture(new IllegalStateException("upstream down"));
        }));

        assertThat(error).hasMessage("upstream down");
        assertThat(value(cache.get("k", Duration.ofMinutes(1), loader("v")))).isEqualTo("v#2");
        assertThat(cache.stats().failures()).isEqualTo(1);
    }

    @Test
    void loaderThatThrowsOrAnswersNullIsAFailedLoadNotCached() {
        assertThat(failure(cache.get("k", Duration.ofMinutes(1), () -> {
            throw new IllegalArgumentException("bad input");
        }))).hasMessage("bad input");
        assertThat(failure(cache.get("k", Duration.ofMinutes(1), () -> null)))
                .hasMessageContaining("cache loader of key [k] answered null");

        assertThat(value(cache.get("k", Duration.ofMinutes(1), loader("v")))).isEqualTo("v#1");
        assertThat(cache.stats().failures()).isEqualTo(2);
    }

    @Test
    void badArgumentsFailNamingTheArgument() {
        assertThat(failure(cache.get(null, Duration.ofMinutes(1), loader("v")))).hasMessage("cache key is missing");
        assertThat(failure(cache.get("k", Duration.ZERO, loader("v"))))
                .hasMessageContaining("cache ttl of key [k] must be positive").hasMessageContaining("was PT0S");
        assertThat(failure(cache.get("k", Duration.ofDays(30), loader("v"))))
                .hasMessageContaining("cache ttl of key [k]");
        assertThat(failure(cache.get("k", Duration.ofMinutes(1), null)))
                .hasMessage("cache loader of key [k] is missing");
        assertThat(loads).hasValue(0);
    }

    @Test
    void invalidateDropsEntries() {
        value(cache.get("a", Duration.ofMinutes(1), loader("a")));
        value(cache.get("b", Duration.ofMinutes(1), loader("b")));

        cache.invalidate("a");
        assertThat(value(cache.get("a", Duration.ofMinutes(1), loader("a")))).isEqualTo("a#3");
        assertThat(value(cache.get("b", Duration.ofMinutes(1), loader("b")))).isEqualTo("b#2");
        cache.invalidateAll();
        assertThat(value(cache.get("b", Duration.ofMinutes(1), loader("b")))).isEqualTo("b#4");
    }

    @Test
    void sizeIsBounded() {
        ResultCache small = new ResultCache(3, new ClockTicker(clock));

        for (int i = 0; i < 30; i++) {
            value(small.get("k" + i, Duration.ofMinutes(1), loader("v")));
        }

        assertThat(small.stats().entries()).isLessThanOrEqualTo(3);
    }

    @Test
    void answersArriveOnTheCallersContext(Vertx vertx, VertxTestContext test) {
        Promise<String> upstream = Promise.promise();
        Context caller = vertx.getOrCreateContext();
        CountDownLatch asked = new CountDownLatch(1);
        caller.runOnContext(v -> {
            cache.get("k", Duration.ofMinutes(1), () -> upstream.future())
                    .onComplete(test.succeeding(value -> test.verify(() -> {
                        assertThat(Vertx.currentContext()).isSameAs(caller);
                        assertThat(value).isEqualTo("done");
                        test.completeNow();
                    })));
            asked.countDown();
        });
        try {
            assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        upstream.complete("done");
    }
}
