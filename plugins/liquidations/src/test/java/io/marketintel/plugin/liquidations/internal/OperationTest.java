package io.marketintel.plugin.liquidations.internal;

import static io.marketintel.plugin.liquidations.internal.Fixtures.BTC;
import static io.marketintel.plugin.liquidations.internal.Fixtures.done;
import static io.marketintel.plugin.liquidations.internal.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.MarketData;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operations as the runtime invokes them: requests made, cache, events, config, failures. */
class OperationTest {

    private LiquidationsPlugin plugin;
    private FakePluginContext ctx;

    @BeforeEach
    void start() {
        plugin = new LiquidationsPlugin();
        ctx = Fixtures.context(plugin.descriptor(), Fixtures.twoDays(Fixtures.flatBracket(0.004, 0, 125)));
        ctx.clock().advance(Duration.ofMillis(Fixtures.twoDaysNow() - Fixtures.T0));
        done(plugin.start(ctx));
    }

    private Future<?> heatmap(String symbol) {
        return plugin.operations().get(0).handler().handle(new OperationRequest(symbol, Params.empty()));
    }

    private Future<?> levels(String symbol, long n) {
        return plugin.operations().get(1).handler().handle(new OperationRequest(symbol, Params.of(Map.of("num_levels", n))));
    }

    @Test
    void asksTheMarketForWhatTheEstimateNeedsOnceInParallel() {
        HeatmapResult r = (HeatmapResult) done(heatmap(BTC));
        assertThat(r.symbol()).isEqualTo(BTC);
        assertThat(ctx.market().requests()).containsExactlyInAnyOrder(
                "exchangeInfo",
                "premiumIndex BTCUSDT",
                "openInterest BTCUSDT",
                "openInterestHistory BTCUSDT H1 49",          // 48 periods need 49 snapshots
                "klines BTCUSDT H1 50",                       // those 48 periods, the last snapshot's and the forming one
                "longShortRatio BTCUSDT TOP_POSITION H1 1",
                "longShortRatio BTCUSDT GLOBAL_ACCOUNT H1 1",
                "leverageBrackets BTCUSDT");
        assertThat(r.inputs().cohorts()).isPositive();
        assertThat(r.dataTime()).isEqualTo(Fixtures.twoDaysNow());
    }

    @Test
    void resultIsCachedForTheConfiguredTtlSharedByLevelsAndPublishedOncePerComputation() {
        HeatmapResult first = (HeatmapResult) done(heatmap(BTC));
        assertThat(done(heatmap(BTC))).isSameAs(first);
        LevelsResult levels = (LevelsResult) done(levels(BTC, 3));
        assertThat(levels.currentPrice()).isEqualTo(first.currentPrice());
        assertThat(levels.dataTime()).isEqualTo(first.dataTime());
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(1);
        assertThat(ctx.cacheLoads()).hasSize(1).allMatch(k -> k.startsWith("heatmap:BTCUSDT|"));
        assertThat(ctx.published()).containsExactly(new FakePluginContext.Event("heatmap", first));

        ctx.clock().advance(Duration.ofSeconds(59));
        done(heatmap(BTC));
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(1);      // still within 60 s

        ctx.clock().advance(Duration.ofSeconds(1));
        done(levels(BTC, 5));                                            // expired at 60 s: levels recomputes
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(2);
        assertThat(ctx.published()).hasSize(2).allMatch(e -> e.type().equals("heatmap"));
    }

    @Test
    void levelsAnswersTheAskedNumberNearestFirst() {
        LevelsResult l = (LevelsResult) done(levels(BTC, 2));
        assertThat(l.numLevels()).isEqualTo(2);
        assertThat(l.longLevels()).hasSize(2);
        assertThat(l.longLevels().get(0).price()).isGreaterThan(l.longLevels().get(1).price());
        assertThat(l.shortLevels()).hasSize(2);
        assertThat(l.shortLevels().get(0).price()).isLessThan(l.shortLevels().get(1).price());
    }

    @Test
    void configIsReadOnEveryCall() {
        ctx.configure(Map.of("cache_ttl_seconds", 5L));
        done(heatmap(BTC));
        ctx.clock().advance(Duration.ofSeconds(5));
        done(heatmap(BTC));
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(2);

        // a changed model setting is not hidden behind the cache
        ctx.configure(Map.of("oi_period", "15m", "oi_points", 8L));
        HeatmapResult r = (HeatmapResult) done(heatmap(BTC));
        assertThat(ctx.market().requests()).contains("openInterestHistory BTCUSDT M15 9", "klines BTCUSDT M15 10",
                "longShortRatio BTCUSDT TOP_POSITION M15 1");
        assertThat(r.inputs().oiPeriod()).isEqualTo("15m");
    }

    @Test
    void badLeverageTiersFailNamingTheKeyWithoutAskingTheMarket() {
        ctx.configure(Map.of("leverage_tiers", List.of("5", "abc")));
        Throwable e = failure(heatmap(BTC));
        assertThat(e).isInstanceOf(IntelException.class);
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).contains("[plugins.liquidations.leverage_tiers]").contains("abc");
        assertThat(failure(levels(BTC, 5)).getMessage()).contains("[plugins.liquidations.leverage_tiers]");
        assertThat(ctx.market().requests()).isEmpty();
    }

    @Test
    void marketDataFailuresPassThroughUnchangedAndAreNotCached() {
        IntelException upstream = new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "Binance is banning us for 120 s");
        ctx.market().fail("openInterestHistory", upstream);
        assertThat(failure(heatmap(BTC))).isSameAs(upstream);
        assertThat(failure(levels(BTC, 5))).isSameAs(upstream);
        assertThat(ctx.published()).isEmpty();

        ctx.market().clearFailures();
        assertThat(((HeatmapResult) done(heatmap(BTC))).symbol()).isEqualTo(BTC);
        assertThat(ctx.published()).hasSize(1);
    }

    @Test
    void unusableMarketAnswersAreUpstreamErrors() {
        ctx.market().leverageBrackets(BTC, List.of());
        Throwable e = failure(heatmap(BTC));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("leverage brackets").contains("BTCUSDT");
    }

    @Test
    void unexpectedExceptionsBecomeInternalErrorsNotThrows() {
        MarketData throwing = (MarketData) Proxy.newProxyInstance(MarketData.class.getClassLoader(),
                new Class<?>[] {MarketData.class}, (p, m, a) -> {
                    throw new IllegalStateException("boom");
                });
        FakePluginContext broken = Fixtures.context(plugin.descriptor(), Fixtures.twoDays(
                Fixtures.flatBracket(0.004, 0, 125), new FakeMarketData() {
            @Override
            public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
                return throwing.leverageBrackets(symbol);
            }
        }));
        LiquidationsPlugin p = new LiquidationsPlugin();
        done(p.start(broken));
        Throwable e = failure(p.operations().get(0).handler().handle(new OperationRequest(BTC, Params.empty())));
        assertThat(e).isInstanceOf(IntelException.class);
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).isEqualTo("liquidation heatmap of [BTCUSDT] failed unexpectedly");
    }

    @Test
    void notStartedIsServiceUnavailable() {
        LiquidationsPlugin idle = new LiquidationsPlugin();
        Throwable e = failure(idle.operations().get(1).handler().handle(
                new OperationRequest(BTC, Params.of(Map.of("num_levels", 5L)))));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }
}
