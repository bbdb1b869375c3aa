package io.marketintel.plugin.funding.internal;

import static io.marketintel.plugin.funding.internal.Fixtures.BTC;
import static io.marketintel.plugin.funding.internal.Fixtures.done;
import static io.marketintel.plugin.funding.internal.Fixtures.failure;
import static io.marketintel.plugin.funding.internal.Fixtures.premium;
import static io.marketintel.plugin.funding.internal.Fixtures.uptrend;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.Bias;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sentiment operation as the runtime invokes it: requests made, cache, events, config, failures. */
class SentimentOperationTest {

    private FundingPlugin plugin;
    private FakePluginContext ctx;

    @BeforeEach
    void start() {
        plugin = new FundingPlugin();
        ctx = Fixtures.context(plugin.descriptor(), uptrend());
        done(plugin.start(ctx));
    }

    private Future<?> call(String symbol) {
        return plugin.operations().get(0).handler().handle(new OperationRequest(symbol, Params.empty()));
    }

    @Test
    void asksTheMarketForWhatTheAnalysisNeedsOnce() {
        SentimentResult r = (SentimentResult) done(call(BTC));
        assertThat(r.bias()).isEqualTo(Bias.LONG);
        assertThat(ctx.market().requests()).containsExactlyInAnyOrder(
                "premiumIndex BTCUSDT",
                "fundingRateHistory BTCUSDT 10",
                "openInterest BTCUSDT",
                "openInterestHistory BTCUSDT H1 25",            // 24 periods need 25 snapshots
                "longShortRatio BTCUSDT GLOBAL_ACCOUNT H1 1",
                "longShortRatio BTCUSDT TOP_POSITION H1 1",
                "takerBuySellRatio BTCUSDT H1 24");
    }

    @Test
    void resultIsCachedForTheConfiguredTtlAndPublishedOncePerComputation() {
        SentimentResult first = (SentimentResult) done(call(BTC));
        SentimentResult second = (SentimentResult) done(call(BTC));
        assertThat(second).isSameAs(first);
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(1);
        assertThat(ctx.cacheLoads()).hasSize(1).allMatch(k -> k.startsWith("sentiment:BTCUSDT"));
        assertThat(ctx.published()).containsExactly(new FakePluginContext.Event("sentiment", first));

        ctx.clock().advance(Duration.ofSeconds(299));
        done(call(BTC));
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(1);      // still within 300 s

        ctx.clock().advance(Duration.ofSeconds(1));
        done(call(BTC));
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(2);      // expired at 300 s
        assertThat(ctx.published()).hasSize(2);
    }

    @Test
    void cacheTtlComesFromConfigReadOnEveryCall() {
        ctx.configure(Map.of("cache_ttl_seconds", 60L));
        done(call(BTC));
        ctx.clock().advance(Duration.ofSeconds(60));
        done(call(BTC));
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(2);
    }

    @Test
    void changedThresholdsTakeEffectOnTheNextCallDespiteTheCache() {
        assertThat(((SentimentResult) done(call(BTC))).sentiment()).isEqualTo(Sentiment.BULLISH);   // 0.085 %
        // extreme 0.08, bullish 0.02: 0.085 > 0.08 is now EXTREME_BULLISH
        ctx.configure(Map.of("extreme_threshold_pct", 0.08, "bullish_threshold_pct", 0.02));
        SentimentResult r = (SentimentResult) done(call(BTC));
        assertThat(r.sentiment()).isEqualTo(Sentiment.EXTREME_BULLISH);
        assertThat(r.extremeThresholdPct()).isEqualTo(0.08);
        // contrarian SHORT 40 against smart money LONG 20 (trend confirmation only applies to moderate funding):
        // net -20 -> SHORT, confidence 30 + 20 = 50
        assertThat(r.bias()).isEqualTo(Bias.SHORT);
        assertThat(r.confidence()).isEqualTo(50);
    }

    @Test
    void oiPeriodAndPointsComeFromConfig() {
        ctx.configure(Map.of("oi_period", "15m", "oi_points", 8L));
        SentimentResult r = (SentimentResult) done(call(BTC));
        assertThat(ctx.market().requests()).contains("openInterestHistory BTCUSDT M15 9", "takerBuySellRatio BTCUSDT M15 8",
                "longShortRatio BTCUSDT TOP_POSITION M15 1");
        assertThat(r.oiPeriod()).isEqualTo("15m");
    }

    @Test
    void inconsistentThresholdsFailNamingBothKeys() {
        ctx.configure(Map.of("extreme_threshold_pct", 0.15, "bullish_threshold_pct", 0.2));
        Throwable e = failure(call(BTC));
        assertThat(e).isInstanceOf(IntelException.class);
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).contains("bullish_threshold_pct").contains("extreme_threshold_pct");
        assertThat(ctx.market().requests()).isEmpty();

        ctx.configure(Map.of("extreme_threshold_pct", 0.1, "bullish_threshold_pct", 0.1));   // equal is inconsistent too
        assertThat(failure(call(BTC)).getMessage()).contains("must be below");
    }

    @Test
    void marketDataFailuresPassThroughUnchangedAndAreNotCached() {
        IntelException upstream = new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "Binance is banning us for 120 s");
        ctx.market().fail("premiumIndex", upstream);
        assertThat(failure(call(BTC))).isSameAs(upstream);
        assertThat(ctx.published()).isEmpty();

        ctx.market().clearFailures();
        assertThat(((SentimentResult) done(call(BTC))).symbol()).isEqualTo(BTC);
        assertThat(ctx.market().count("premiumIndex")).isEqualTo(2);
    }

    @Test
    void unexpectedExceptionsBecomeInternalErrorsNotThrows() {
        // a broken market that throws instead of failing its future
        MarketData throwing = (MarketData) Proxy.newProxyInstance(MarketData.class.getClassLoader(),
                new Class<?>[] {MarketData.class}, (p, m, a) -> {
                    throw new IllegalStateException("boom");
                });
        FakePluginContext broken = Fixtures.context(plugin.descriptor(), new FakeMarketData() {
            @Override
            public Future<PremiumIndex> premiumIndex(String symbol) {
                return throwing.premiumIndex(symbol);
            }
        });
        FundingPlugin p = new FundingPlugin();
        done(p.start(broken));
        Throwable e = failure(p.operations().get(0).handler().handle(new OperationRequest(BTC, Params.empty())));
        assertThat(e).isInstanceOf(IntelException.class);
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).doesNotContain("boom");
    }

    @Test
    void waitsForRequestsThatCompleteLater() {
        Promise<List<LongShortRatio>> late = Promise.promise();
        FakeMarketData slow = Fixtures.uptrend(new FakeMarketData() {
            @Override
            public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
                return series == RatioSeries.TOP_POSITION ? late.future() : super.longShortRatio(symbol, series, period, limit);
            }
        });
        FakePluginContext c = Fixtures.context(plugin.descriptor(), slow);
        FundingPlugin p = new FundingPlugin();
        done(p.start(c));

        Future<?> f = p.operations().get(0).handler().handle(new OperationRequest(BTC, Params.empty()));
        assertThat(f.isComplete()).isFalse();
        late.complete(List.of(Fixtures.ratio(0.68)));
        assertThat(((SentimentResult) done(f)).topTraderLongPct()).isEqualTo(68.0);
        assertThat(c.published()).hasSize(1);
    }

    @Test
    void notStartedOrStoppedPluginFailsInsteadOfThrowing() {
        done(plugin.stop());
        Throwable e = failure(call(BTC));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void startWithInconsistentConfigStillStartsSoAFixedReloadWorks() {
        FundingPlugin p = new FundingPlugin();
        FakePluginContext c = Fixtures.context(p.descriptor(), uptrend());
        c.configure(Map.of("bullish_threshold_pct", 0.5));
        done(p.start(c));
        assertThat(failure(p.operations().get(0).handler().handle(new OperationRequest(BTC, Params.empty()))))
                .hasMessageContaining("bullish_threshold_pct");
        c.configure(Map.of());
        assertThat(done(p.operations().get(0).handler().handle(new OperationRequest(BTC, Params.empty()))))
                .isInstanceOf(SentimentResult.class);
    }

    @Test
    void delistedFundingIsAnInvalidParameter() {
        ctx.market().premiumIndex(premium(BTC, Double.NaN));
        assertThat(((IntelException) failure(call(BTC))).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
    }
}
