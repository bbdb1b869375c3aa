package io.marketintel.runtime.market.cache;

import static io.marketintel.runtime.market.cache.Await.failure;
import static io.marketintel.runtime.market.cache.Await.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.IntelException;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.runtime.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
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
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
class CachingMarketDataTest {

    /** Distinct per kind, so that a call mapped to the wrong kind shows. */
    private static final CacheTtls TTLS = new CacheTtls(Duration.ofMinutes(61), Duration.ofMinutes(6),
            Duration.ofSeconds(11), Duration.ofSeconds(62), Duration.ofSeconds(31), Duration.ofMinutes(7),
            Duration.ofSeconds(29));

    private final MutableClock clock = MutableClock.at("2024-03-01T00:00:00Z");
    private final CountingMarketData upstream = new CountingMarketData();
    private final CachingMarketData cache = new CachingMarketData(upstream, TTLS, 1_000, new ClockTicker(clock));

    static Stream<Arguments> everyCachedCall() {
        return Stream.of(
                call("exchangeInfo", MarketData::exchangeInfo, TTLS.exchangeInfo()),
                call("premiumIndex", m -> m.premiumIndex("BTCUSDT"), TTLS.funding()),
                call("premiumIndexAll", MarketData::premiumIndexAll, TTLS.funding()),
                call("fundingRateHistory", m -> m.fundingRateHistory("BTCUSDT", 100), TTLS.funding()),
                call("orderBook", m -> m.orderBook("BTCUSDT", 100), TTLS.orderBook()),
                call("openInterest", m -> m.openInterest("BTCUSDT"), TTLS.liquidationInputs()),
                call("openInterestHistory", m -> m.openInterestHistory("BTCUSDT", Period.H1, 30),
                        TTLS.liquidationInputs()),
                call("longShortRatio", m -> m.longShortRatio("BTCUSDT", RatioSeries.TOP_POSITION, Period.H1, 30),
                        TTLS.liquidationInputs()),
                call("takerBuySellRatio", m -> m.takerBuySellRatio("BTCUSDT", Period.H1, 30),
                        TTLS.liquidationInputs()),
                call("leverageBrackets", m -> m.leverageBrackets("BTCUSDT"), TTLS.liquidationInputs()),
                call("klines", m -> m.klines("BTCUSDT", Interval.M1, 100), TTLS.klines()),
                call("klines", m -> m.klines("BTCUSDT", Interval.M30, 100), TTLS.klines()),
                call("klines", m -> m.klines("BTCUSDT", Interval.H1, 100), TTLS.klinesLong()),
                call("klines", m -> m.klines("BTCUSDT", Interval.D1, 100), TTLS.klinesLong()),
                call("klinesRange", m -> m.klines("BTCUSDT", Interval.M5, 0L, 3_600_000L, 12), TTLS.klines()),
                call("klinesRange", m -> m.klines("BTCUSDT", Interval.H4, 0L, 86_400_000L, 6), TTLS.klinesLong()),
                call("ticker24h", m -> m.ticker24h("BTCUSDT"), TTLS.tickers()),
                call("tickers24h", MarketData::tickers24h, TTLS.tickers()),
                call("bookTicker", m -> m.bookTicker("BTCUSDT"), TTLS.tickers()));
    }

    private static Arguments call(String method, Function<MarketData, Future<?>> call, Duration ttl) {
        return Arguments.of(method, call, ttl);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("everyCachedCall")
    void answersFromCacheWithinItsKindsTtlAndCallsUpstreamOnceAfter(String method,
                                                                    Function<MarketData, Future<?>> call,
                                                                    Duration ttl) {
        Object first = value(call.apply(cache));
        clock.advance(ttl.minusMillis(1));

        assertThat(value(call.apply(cache))).isSameAs(first);
        assertThat(upstream.calls(method)).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));

        value(call.apply(cache));
        assertThat(upstream.calls(method)).isEqualTo(2);
        value(call.apply(cache));
        assertThat(upstream.calls(method)).isEqualTo(2);
    }

    @Test
    void serverTimeIsNeverCached() {
        value(cache.serverTime());
        value(cache.serverTime());
        value(cache.serverTime());

        assertThat(upstream.calls("serverTime")).isEqualTo(3);
        assertThat(cache.stats().loads()).isEqualTo(3);
    }

    @Test
    void hundredConcurrentIdenticalRequestsMakeOneUpstreamCall() throws Exception {
        upstream.mode = CountingMarketData.Mode.PENDING;
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<Future<OrderBook>>> submitted = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                submitted.add(callers.submit(() -> {
                    start.await();
                    return cache.orderBook("BTCUSDT", 500);
                }));
            }
            start.countDown();
            List<Future<OrderBook>> answers = new ArrayList<>();
            for (java.util.concurrent.Future<Future<OrderBook>> s : submitted) {
                answers.add(s.get(10, TimeUnit.SECONDS));
            }

            assertThat(upstream.calls("orderBook")).isEqualTo(1);
            assertThat(answers).noneMatch(Future::isComplete);

            OrderBook book = new OrderBook("BTCUSDT", 42, 1, 1, List.of(), List.of());
            upstream.pending.get(0).complete(book);

            for (Future<OrderBook> answer : answers) {
                assertThat(value(answer)).isSameAs(book);
            }
            assertThat(upstream.calls("orderBook")).isEqualTo(1);
            CacheStats stats = cache.stats();
            assertThat(stats.misses()).isEqualTo(1);
            assertThat(stats.loads()).isEqualTo(1);
            assertThat(stats.hits()).isEqualTo(99);
            assertThat(stats.coalesced()).isEqualTo(99);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void differentArgumentsAreDifferentEntries() {
        value(cache.orderBook("BTCUSDT", 100));
        value(cache.orderBook("BTCUSDT", 500));
        value(cache.orderBook("ETHUSDT", 100));
        value(cache.orderBook("BTCUSDT", 100));
        value(cache.klines("BTCUSDT", Interval.M1, 100));
        value(cache.klines("BTCUSDT", Interval.M5, 100));
        value(cache.klines("ETHUSDT", Interval.M1, 100));
        value(cache.klines("BTCUSDT", Interval.M1, 200));
        value(cache.klines("BTCUSDT", Interval.M1, 100));
        value(cache.klines("BTCUSDT", Interval.M1, 0L, 60_000L, 100));
        value(cache.klines("BTCUSDT", Interval.M1, 60_000L, 120_000L, 100));
        value(cache.longShortRatio("BTCUSDT", RatioSeries.GLOBAL_ACCOUNT, Period.H1, 30));
        value(cache.longShortRatio("BTCUSDT", RatioSeries.TOP_POSITION, Period.H1, 30));
        value(cache.longShortRatio("BTCUSDT", RatioSeries.TOP_POSITION, Period.M5, 30));

        assertThat(upstream.calls("orderBook")).isEqualTo(3);
        assertThat(upstream.calls("klines")).isEqualTo(4);
        assertThat(upstream.calls("klinesRange")).isEqualTo(2);
        assertThat(upstream.calls("longShortRatio")).isEqualTo(3);
        assertThat(value(cache.orderBook("BTCUSDT", 500)).lastUpdateId()).isEqualTo(500);
    }

    @Test
    void failedLoadIsNotCachedAndTheNextRequestRetries() {
        upstream.mode = CountingMarketData.Mode.FAIL;

        Throwable error = failure(cache.premiumIndex("BTCUSDT"));

        assertThat(error).isInstanceOf(IntelException.class).hasMessage("upstream is down");
        upstream.mode = CountingMarketData.Mode.SUCCEED;
        assertThat(value(cache.premiumIndex("BTCUSDT")).symbol()).isEqualTo("BTCUSDT");
        value(cache.premiumIndex("BTCUSDT"));
        assertThat(upstream.calls("premiumIndex")).isEqualTo(2);
        assertThat(cache.stats().failures()).isEqualTo(1);
    }

    @Test
    void requestsJoiningALoadThatFailsAllFailAndTheNextOneRetries() {
        upstream.mode = CountingMarketData.Mode.PENDING;
        Future<OrderBook> a = cache.orderBook("BTCUSDT", 20);
        Future<OrderBook> b = cache.orderBook("BTCUSDT", 20);

        upstream.pending.get(0).fail(new IllegalStateException("timeout"));

        assertThat(failure(a)).hasMessage("timeout");
        assertThat(failure(b)).hasMessage("timeout");
        upstream.mode = CountingMarketData.Mode.SUCCEED;
        value(cache.orderBook("BTCUSDT", 20));
        assertThat(upstream.calls("orderBook")).isEqualTo(2);
    }

    @Test
    void upstreamThrowingInsteadOfFailingIsAFailedLoad() {
        MarketData throwing = new CountingMarketData() {
            @Override
            public Future<OrderBook> orderBook(String symbol, int limit) {
                throw new IllegalArgumentException("limit [" + limit + "] is not accepted");
            }
        };
        CachingMarketData c = new CachingMarketData(throwing, TTLS, 10, new ClockTicker(clock));

        assertThat(failure(c.orderBook("BTCUSDT", 7))).hasMessage("limit [7] is not accepted");
        assertThat(c.stats().failures()).isEqualTo(1);
        assertThat(c.stats().entries()).isZero();
    }

    @Test
    void cachedListsCannotBeChangedByOneCallerForTheOthers() {
        List<Kline> klines = value(cache.klines("BTCUSDT", Interval.M1, 3));

        assertThatThrownBy(klines::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(value(cache.klines("BTCUSDT", Interval.M1, 3))).hasSize(3);
    }

    @Test
    void sizeIsBounded() {
        CachingMarketData small = new CachingMarketData(upstream, TTLS, 5, new ClockTicker(clock));

        for (int limit = 1; limit <= 50; limit++) {
            value(small.klines("BTCUSDT", Interval.M1, limit));
        }

        assertThat(small.stats().entries()).isLessThanOrEqualTo(5);
    }

    @Test
    void invalidateAllForgetsEverything() {
        value(cache.exchangeInfo());

        cache.invalidateAll();
        value(cache.exchangeInfo());

        assertThat(upstream.calls("exchangeInfo")).isEqualTo(2);
    }

    @Test
    void sourceIsTheDelegates() {
        assertThat(cache.source()).isEqualTo("counting");
    }

    @Test
    void answersArriveOnTheCallersContextWhenUpstreamCompletesElsewhere(Vertx vertx, VertxTestContext test) {
        upstream.mode = CountingMarketData.Mode.PENDING;
        Context caller = vertx.getOrCreateContext();
        CountDownLatch asked = new CountDownLatch(2);
        caller.runOnContext(v -> {
            for (int i = 0; i < 2; i++) {
                cache.bookTicker("BTCUSDT").onComplete(test.succeeding(ticker -> test.verify(() -> {
                    assertThat(Vertx.currentContext()).isSameAs(caller);
                    assertThat(Context.isOnEventLoopThread()).isTrue();
                    // now a completed entry: the hit must arrive on the caller's context too
                    cache.bookTicker("BTCUSDT").onComplete(test.succeeding(again -> test.verify(() -> {
                        assertThat(Vertx.currentContext()).isSameAs(caller);
                        assertThat(again).isSameAs(ticker);
                        test.completeNow();
                    })));
                })));
                asked.countDown();
            }
        });
        try {
            assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        // completed from the JUnit thread, outside any Vert.x context
        upstream.pending.get(0).complete(new io.marketintel.api.market.BookTicker("BTCUSDT", 99, 1, 101, 1, 1L));
    }

    @Test
    void defaultConstructorUsesDefaultTtls() {
        CachingMarketData standard = new CachingMarketData(upstream, CacheTtls.defaults());

        assertThat(standard.ttls()).isEqualTo(CacheTtls.defaults());
        assertThat(value(standard.exchangeInfo())).isNotNull();
    }

    @Test
    void aFailedLoadIsAnsweredWithTheLastGoodValueWhileItIsYoungEnoughForItsKind() {
        CachingMarketData c = new CachingMarketData(upstream, TTLS,
                java.util.Map.of(DataKind.FUNDING, Duration.ofMinutes(30)), 1_000, new ClockTicker(clock));
        PremiumIndex good = value(c.premiumIndex("BTCUSDT"));

        upstream.mode = CountingMarketData.Mode.FAIL;
        clock.advance(TTLS.funding().plusSeconds(1));           // the cached entry expired: a new load fails
        assertThat(value(c.premiumIndex("BTCUSDT"))).isSameAs(good);
        assertThat(c.staleServed()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(30));                   // 6 min + 30 min after the good load: too old
        assertThat(failure(c.premiumIndex("BTCUSDT"))).hasMessage("upstream is down");
        assertThat(c.staleServed()).isEqualTo(1);
    }

    @Test
    void kindsWithoutAStaleAgeAndCallerMistakesAreNeverMasked() {
        CachingMarketData c = new CachingMarketData(upstream, TTLS,
                java.util.Map.of(DataKind.FUNDING, Duration.ofMinutes(30)), 1_000, new ClockTicker(clock));
        value(c.orderBook("BTCUSDT", 100));
        upstream.mode = CountingMarketData.Mode.FAIL;
        clock.advance(TTLS.orderBook().plusSeconds(1));
        assertThat(failure(c.orderBook("BTCUSDT", 100))).hasMessage("upstream is down");

        MarketData mistaken = new CountingMarketData() {
            private int n;

            @Override
            public Future<PremiumIndex> premiumIndex(String symbol) {
                return n++ == 0 ? super.premiumIndex(symbol)
                        : Future.failedFuture(io.marketintel.api.IntelException.unknownSymbol(symbol));
            }
        };
        CachingMarketData m = new CachingMarketData(mistaken, TTLS,
                java.util.Map.of(DataKind.FUNDING, Duration.ofMinutes(30)), 1_000, new ClockTicker(clock));
        value(m.premiumIndex("BTCUSDT"));
        clock.advance(TTLS.funding().plusSeconds(1));
        assertThat(failure(m.premiumIndex("BTCUSDT"))).hasMessageContaining("is not listed");
        assertThat(m.staleServed()).isZero();
    }
}
