package io.marketintel.plugin.funding.internal;

import static io.marketintel.plugin.funding.internal.Fixtures.NOW;
import static io.marketintel.plugin.funding.internal.Fixtures.T0;
import static io.marketintel.plugin.funding.internal.Fixtures.HOUR;
import static io.marketintel.plugin.funding.internal.Fixtures.done;
import static io.marketintel.plugin.funding.internal.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The arbitrage scan: one premiumIndexAll() request, filter, sort, receiving side, annualisation. */
class ArbitrageOperationTest {

    private FundingPlugin plugin;
    private FakePluginContext ctx;

    private static PremiumIndex p(String symbol, double rate, long time) {
        return new PremiumIndex(symbol, 100.0, 99.9, 99.95, rate, 0.0001, T0 + 8 * HOUR, time);
    }

    @BeforeEach
    void start() {
        FakeMarketData m = new FakeMarketData();
        List.of(
                p("AAAUSDT", 0.0005, NOW),           //  0.05 %: below 0.1
                p("BBBUSDT", 0.0012, NOW),           //  0.12 %
                p("CCCUSDT", -0.0030, NOW + 7),      // -0.3 %: largest |rate|, newest entry
                p("DDDUSDT", 0.001, NOW),            //  0.1 % exactly: included (>=)
                p("EEEUSDT", -0.00099, NOW),         // -0.099 %: below 0.1
                p("FFFUSDT_240329", Double.NaN, NOW),   // delivery contract without funding
                p("GGGUSDT", 0.0, NOW)).forEach(m::premiumIndex);             //  0
        plugin = new FundingPlugin();
        ctx = Fixtures.context(plugin.descriptor(), m);
        done(plugin.start(ctx));
    }

    private ArbitrageResult scan(double minFunding, long limit) {
        return (ArbitrageResult) done(plugin.operations().get(1).handler().handle(
                new OperationRequest(null, Params.of(Map.of("min_funding", minFunding, "limit", limit)))));
    }

    @Test
    void filtersSortsAndNamesTheReceivingSideFromOneRequest() {
        ArbitrageResult r = scan(0.1, 50);

        assertThat(r.opportunities()).extracting(ArbitrageOpportunity::symbol, ArbitrageOpportunity::fundingRate,
                        ArbitrageOpportunity::receivingSide)
                .containsExactly(
                        tuple("CCCUSDT", -0.3, ReceivingSide.LONG),    // negative: shorts pay, longs receive
                        tuple("BBBUSDT", 0.12, ReceivingSide.SHORT),   // positive: longs pay, shorts receive
                        tuple("DDDUSDT", 0.1, ReceivingSide.SHORT));
        // annualised assuming 8h: rate * 3 * 365 = rate * 1095
        assertThat(r.opportunities().get(0).annualizedRatePct()).isCloseTo(-328.5, within(1e-9));
        assertThat(r.opportunities().get(1).annualizedRatePct()).isCloseTo(131.4, within(1e-9));
        assertThat(r.opportunities().get(2).annualizedRatePct()).isCloseTo(109.5, within(1e-9));
        assertThat(r.opportunities().get(0).fundingRateRaw()).isEqualTo(-0.003);
        assertThat(r.opportunities().get(0).nextFundingTime()).isEqualTo(T0 + 8 * HOUR);
        assertThat(r.opportunities().get(0).markPrice()).isEqualTo(100.0);
        assertThat(r.annualizationAssumesIntervalHours()).isEqualTo(8);
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.totalMatches()).isEqualTo(3);
        assertThat(r.symbolsScanned()).isEqualTo(7);
        assertThat(r.minFunding()).isEqualTo(0.1);
        assertThat(r.dataTime()).isEqualTo(NOW + 7);
        assertThat(r.source()).isEqualTo("fake");

        // exactly one request, and it is the all-symbols one
        assertThat(ctx.market().requests()).containsExactly("premiumIndexAll");
        assertThat(ctx.published()).isEmpty();
    }

    @Test
    void limitCutsAfterSortingAndCountsWhatMatched() {
        ArbitrageResult r = scan(0.1, 2);
        assertThat(r.opportunities()).extracting(ArbitrageOpportunity::symbol).containsExactly("CCCUSDT", "BBBUSDT");
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.totalMatches()).isEqualTo(3);
        assertThat(r.limit()).isEqualTo(2);
    }

    @Test
    void zeroMinimumListsEverySymbolWithAFundingRate() {
        ArbitrageResult r = scan(0.0, 500);
        assertThat(r.opportunities()).extracting(ArbitrageOpportunity::symbol)
                .containsExactly("CCCUSDT", "BBBUSDT", "DDDUSDT", "EEEUSDT", "AAAUSDT", "GGGUSDT");
        assertThat(r.opportunities().get(5).receivingSide()).isEqualTo(ReceivingSide.NONE);
    }

    @Test
    void equalMagnitudesAreOrderedBySymbol() {
        ArbitrageResult r = FundingAnalysis.arbitrage(
                List.of(p("ZZZUSDT", 0.002, 1), p("MMMUSDT", -0.002, 1)), 0.1, 50, "fake");
        assertThat(r.opportunities()).extracting(ArbitrageOpportunity::symbol).containsExactly("MMMUSDT", "ZZZUSDT");
    }

    @Test
    void regressionMinimumExactlyAtARateThatTimesHundredRoundsDown() {
        // 0.0007 * 100 = 0.06999999999999999 in doubles; the symbol at exactly 0.07 % must still pass min 0.07.
        ArbitrageResult r = FundingAnalysis.arbitrage(List.of(p("XUSDT", 0.0007, 1)), 0.07, 50, "fake");
        assertThat(r.count()).isEqualTo(1);
    }

    @Test
    void marketFailurePassesThrough() {
        io.marketintel.api.IntelException down = new io.marketintel.api.IntelException(
                io.marketintel.api.ErrorCode.UPSTREAM_ERROR, "bad gateway");
        FakeMarketData failing = new FakeMarketData() {
            @Override
            public io.vertx.core.Future<List<PremiumIndex>> premiumIndexAll() {
                return io.vertx.core.Future.failedFuture(down);
            }
        };
        FundingPlugin p = new FundingPlugin();
        done(p.start(Fixtures.context(p.descriptor(), failing)));
        assertThat(failure(p.operations().get(1).handler().handle(
                new OperationRequest(null, Params.of(Map.of("min_funding", 0.1, "limit", 50L)))))).isSameAs(down);
    }
}
