package io.marketintel.plugin.orderbook.internal;

import static io.marketintel.plugin.orderbook.internal.Fixtures.BTC;
import static io.marketintel.plugin.orderbook.internal.Fixtures.T0;
import static io.marketintel.plugin.orderbook.internal.Fixtures.book;
import static io.marketintel.plugin.orderbook.internal.Fixtures.done;
import static io.marketintel.plugin.orderbook.internal.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.OrderBook;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both operations as the runtime invokes them: requests made, cache, events, config, history, failures. */
class OperationTest {

    private OrderBookPlugin plugin;
    private FakePluginContext ctx;

    /** 250 levels of 1 a side around 100, 0.01 apart, a 20 BTC bid wall at 99.90; book time = the clock's. */
    private static OrderBook quiet(long time) {
        return book().ladder("100", "0.01", 250, 1).bid("99.90", 20).build(time);
    }

    @BeforeEach
    void start() {
        FakeMarketData m = Fixtures.market();
        m.orderBook(quiet(T0));
        plugin = new OrderBookPlugin();
        ctx = Fixtures.context(plugin.descriptor(), m);
        done(plugin.start(ctx));
    }

    private Future<?> analysis(String symbol) {
        return plugin.operations().get(0).handler().handle(new OperationRequest(symbol, Params.empty()));
    }

    private Future<?> levels(String symbol, long numLevels) {
        return plugin.operations().get(1).handler().handle(
                new OperationRequest(symbol, Params.of(Map.of("num_levels", numLevels))));
    }

    /** Moves the clock past the cache and the market on. */
    private void later(OrderBook next) {
        ctx.clock().advance(Duration.ofSeconds(10));
        ctx.market().orderBook(next);
    }

    @Test
    void asksTheMarketForOneBookOfTheConfiguredDepth() {
        AnalysisResult r = (AnalysisResult) done(analysis(BTC));
        assertThat(r.symbol()).isEqualTo(BTC);
        assertThat(r.depthLimit()).isEqualTo(500);
        assertThat(r.source()).isEqualTo("fake");
        assertThat(ctx.market().requests()).containsExactlyInAnyOrder("orderBook BTCUSDT 500", "exchangeInfo");
        assertThat(r.reasoning().get(1)).startsWith("Bid wall 20 BTC at 99.9 (-0.1%)");

        ctx.configure(Map.of("depth_limit", "100"));
        done(analysis(BTC));
        assertThat(ctx.market().requests()).contains("orderBook BTCUSDT 100");
    }

    @Test
    void resultIsCachedForTheConfiguredTtlAndPublishedOncePerComputation() {
        AnalysisResult first = (AnalysisResult) done(analysis(BTC));
        assertThat(done(analysis(BTC))).isSameAs(first);
        assertThat(ctx.market().count("orderBook")).isEqualTo(1);
        assertThat(ctx.cacheLoads()).hasSize(1).allMatch(k -> k.startsWith("analysis:BTCUSDT|"));
        assertThat(ctx.published()).containsExactly(new FakePluginContext.Event("analysis", first));

        ctx.clock().advance(Duration.ofMillis(9_999));
        done(analysis(BTC));
        assertThat(ctx.market().count("orderBook")).isEqualTo(1);       // still within 10 s

        ctx.clock().advance(Duration.ofMillis(1));
        done(analysis(BTC));
        assertThat(ctx.market().count("orderBook")).isEqualTo(2);       // expired at 10 s
        assertThat(ctx.published()).hasSize(2);
    }

    @Test
    void cacheTtlComesFromConfigReadOnEveryCall() {
        ctx.configure(Map.of("cache_ttl_seconds", 3L));
        done(analysis(BTC));
        ctx.clock().advance(Duration.ofSeconds(3));
        done(analysis(BTC));
        assertThat(ctx.market().count("orderBook")).isEqualTo(2);
    }

    @Test
    void changedSettingsTakeEffectOnTheNextCallDespiteTheCache() {
        assertThat(((AnalysisResult) done(analysis(BTC))).whaleBidCount()).isEqualTo(1);
        // mean (249 + 20) / 250 = 1.076: at 20x the threshold is 21.52 and the 20 is no wall any more
        ctx.configure(Map.of("wall_multiplier", 20.0));
        AnalysisResult r = (AnalysisResult) done(analysis(BTC));
        assertThat(r.whaleBidCount()).isZero();
        assertThat(r.wallMultiplier()).isEqualTo(20.0);
    }

    @Test
    void spoofingIsCaughtAcrossCallsAndForgottenOnStop() {
        done(analysis(BTC));
        // a 30 BTC ask wall at 101.50 appears and stands for two calls (far and one-sided: suspected already)
        OrderBook withWall = book().ladder("100", "0.01", 250, 1).bid("99.90", 20).ask("101.50", 30).build(T0 + 10_000);
        later(withWall);
        AnalysisResult appeared = (AnalysisResult) done(analysis(BTC));
        assertThat(appeared.spoofEvidence()).extracting(SpoofEvidence::reason).containsExactly(SpoofReason.FAR_ONE_SIDED);
        later(book().ladder("100", "0.01", 250, 1).bid("99.90", 20).ask("101.50", 30).build(T0 + 20_000));
        done(analysis(BTC));
        // then the price rises to 100.80, more than half-way to it (53.33 %), and it is pulled
        later(book().ladder("100.80", "0.01", 250, 1).bid("99.90", 20).build(T0 + 30_000));
        AnalysisResult pulled = (AnalysisResult) done(analysis(BTC));
        assertThat(pulled.spoofingSuspected()).isTrue();
        assertThat(pulled.spoofEvidence()).extracting(SpoofEvidence::reason, SpoofEvidence::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SpoofReason.VANISHED, 101.5));
        // the persistent near bid wall is not suspected and has been seen since the first call
        assertThat(pulled.whaleBids()).singleElement().satisfies(w -> {
            assertThat(w.spoofSuspected()).isFalse();
            assertThat(w.firstSeen()).isEqualTo(T0);
        });
        assertThat(pulled.historySnapshots()).isEqualTo(4);
        assertThat(plugin.trackedSymbols()).isEqualTo(1);

        done(plugin.stop());
        assertThat(plugin.trackedSymbols()).isZero();
        done(plugin.start(ctx));
        later(quiet(T0 + 40_000));
        AnalysisResult fresh = (AnalysisResult) done(analysis(BTC));
        assertThat(fresh.spoofingSuspected()).isFalse();
        assertThat(fresh.historySnapshots()).isEqualTo(1);
        assertThat(fresh.whaleBids().get(0).firstSeen()).isEqualTo(T0 + 40_000);
    }

    @Test
    void aReloadedSpoofMinApproachJudgesTheNextCall() {
        // a 15 BTC ask wall at 100.20 stands two calls, then the mid rises from 100 to 100.04 (20 % of the way to
        // it) and it is gone: churn under the default 0.5
        ctx.market().orderBook(book().ladder("100", "0.01", 250, 1).ask("100.20", 15).build(T0));
        done(analysis(BTC));
        later(book().ladder("100", "0.01", 250, 1).ask("100.20", 15).build(T0 + 10_000));
        done(analysis(BTC));
        later(book().ladder("100.04", "0.01", 250, 1).build(T0 + 20_000));
        assertThat(((AnalysisResult) done(analysis(BTC))).spoofingSuspected()).isFalse();
        // the operator accepts a fifth of the way: the next call (same book, a new cache key) is suspected
        ctx.configure(Map.of("spoof_min_approach", 0.2));
        AnalysisResult r = (AnalysisResult) done(analysis(BTC));
        assertThat(r.spoofEvidence()).extracting(SpoofEvidence::reason, SpoofEvidence::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SpoofReason.VANISHED, 100.2));
        assertThat(ctx.market().count("orderBook")).isEqualTo(4);
    }

    @Test
    void withoutExchangeInfoTheSentencesCarryNoUnits() {
        ctx.market().fail("exchangeInfo", new IllegalStateException("no exchange info"));
        AnalysisResult r = (AnalysisResult) done(analysis(BTC));
        assertThat(r.reasoning().get(1)).startsWith("Bid wall 20 at 99.9 (-0.1%)");
        // a symbol missing from exchange info: no units either
        ctx.market().clearFailures().exchangeInfo(new ExchangeInfo(T0, List.of(), List.of()));
        ctx.clock().advance(Duration.ofSeconds(10));
        assertThat(((AnalysisResult) done(analysis(BTC))).reasoning().get(1)).startsWith("Bid wall 20 at 99.9");
    }

    @Test
    void marketDataFailuresPassThroughUnchangedAndAreNotCached() {
        IntelException upstream = new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "Binance is banning us for 120 s");
        ctx.market().fail("orderBook", upstream);
        assertThat(failure(analysis(BTC))).isSameAs(upstream);
        assertThat(failure(levels(BTC, 5))).isSameAs(upstream);
        assertThat(ctx.published()).isEmpty();

        ctx.market().clearFailures();
        assertThat(((AnalysisResult) done(analysis(BTC))).symbol()).isEqualTo(BTC);
        assertThat(ctx.market().count("orderBook")).isEqualTo(3);
    }

    @Test
    void anEmptyBookIsAnUpstreamErrorNotAThrow() {
        ctx.market().orderBook(new OrderBook(BTC, 1, T0, T0, List.of(), List.of()));
        Throwable e = failure(analysis(BTC));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(((IntelException) failure(levels(BTC, 5))).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
    }

    @Test
    void unexpectedExceptionsBecomeInternalErrorsNotThrows() {
        FakeMarketData throwing = Fixtures.market(new FakeMarketData() {
            @Override
            public Future<OrderBook> orderBook(String symbol, int limit) {
                throw new IllegalStateException("boom");
            }
        });
        OrderBookPlugin p = new OrderBookPlugin();
        done(p.start(Fixtures.context(p.descriptor(), throwing)));
        for (int op = 0; op < 2; op++) {
            Throwable e = failure(p.operations().get(op).handler().handle(
                    new OperationRequest(BTC, Params.of(Map.of("num_levels", 5L)))));
            assertThat(e).isInstanceOf(IntelException.class);
            assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(e.getMessage()).doesNotContain("boom");
        }
    }

    @Test
    void waitsForABookThatArrivesLater() {
        Promise<OrderBook> late = Promise.promise();
        FakeMarketData slow = Fixtures.market(new FakeMarketData() {
            @Override
            public Future<OrderBook> orderBook(String symbol, int limit) {
                requests().add("orderBook " + symbol + " " + limit);
                return late.future();
            }
        });
        OrderBookPlugin p = new OrderBookPlugin();
        FakePluginContext c = Fixtures.context(p.descriptor(), slow);
        done(p.start(c));
        Future<?> f = p.operations().get(0).handler().handle(new OperationRequest(BTC, Params.empty()));
        assertThat(f.isComplete()).isFalse();
        late.complete(quiet(T0));
        assertThat(((AnalysisResult) done(f)).whaleBidCount()).isEqualTo(1);
        assertThat(c.published()).hasSize(1);
    }

    @Test
    void notStartedOrStoppedPluginFailsInsteadOfThrowing() {
        done(plugin.stop());
        assertThat(((IntelException) failure(analysis(BTC))).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(((IntelException) failure(levels(BTC, 5))).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void levelsAreCachedPerNumLevelsAndNotPublished() {
        LevelsResult r = (LevelsResult) done(levels(BTC, 5));
        assertThat(r.supports()).extracting(PriceCluster::price).containsExactly(99.9);
        assertThat(r.resistances()).isEmpty();
        assertThat(r.numLevels()).isEqualTo(5);
        assertThat(ctx.market().requests()).containsExactly("orderBook BTCUSDT 500");
        done(levels(BTC, 5));
        assertThat(ctx.market().count("orderBook")).isEqualTo(1);
        done(levels(BTC, 3));
        assertThat(ctx.market().count("orderBook")).isEqualTo(2);
        assertThat(ctx.published()).isEmpty();
        // levels do not feed the spoofing history
        assertThat(plugin.trackedSymbols()).isZero();
    }
}
