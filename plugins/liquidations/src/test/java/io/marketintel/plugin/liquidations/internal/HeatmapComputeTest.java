package io.marketintel.plugin.liquidations.internal;

import static io.marketintel.plugin.liquidations.internal.Fixtures.BTC;
import static io.marketintel.plugin.liquidations.internal.Fixtures.HOUR;
import static io.marketintel.plugin.liquidations.internal.Fixtures.T0;
import static io.marketintel.plugin.liquidations.internal.Fixtures.kline;
import static io.marketintel.plugin.liquidations.internal.Fixtures.oi;
import static io.marketintel.plugin.liquidations.internal.Fixtures.ratio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.Bias;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.testkit.fakes.FakeMarketData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole estimate on tiny markets whose numbers can be followed by hand. */
class HeatmapComputeTest {

    /** 30 minutes into hour 3. */
    private static final long NOW = T0 + 3 * HOUR + 30 * 60_000L;

    static LiquidationSettings settings(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(LiquidationSettings.defaultParams().asMap());
        values.putAll(overrides);
        return LiquidationSettings.from(Params.of(values));
    }

    /** One tier (10x), one bracket (MMR 0.5 %, cum 0), 60 % long. */
    private static final LiquidationSettings TEN_X = settings(Map.of("leverage_tiers", List.of("10"),
            "tier_weights", List.of("1")));

    /**
     * +100 BTC during hour 0 at a VWAP of 100, nothing after; mark 100. Hour 1 trades down to {@code hour1Low}.
     * 10x long LP = 100 * 0.9 / 0.995 = 90.4523; 10x short LP = 100 * 1.1 / 1.005 = 109.4527.
     */
    private static FakeMarketData oneCohort(double hour1Low) {
        FakeMarketData m = Fixtures.market();
        m.openInterestHistory(BTC, List.of(oi(0, 1000), oi(1, 1100), oi(2, 1100), oi(3, 1100)));
        m.klines(BTC, List.of(kline(0, 101, 99, 100, 100), kline(1, 102, hour1Low, 100, 100),
                kline(2, 101, 99, 100, 100), kline(3, 100.5, 99.5, 100, 100)));
        m.openInterest(new OpenInterest(BTC, 1100, NOW - 1_000));
        m.premiumIndex(Fixtures.premium(100, NOW));
        m.longShortRatio(BTC, RatioSeries.TOP_POSITION, List.of(ratio(0.6, T0 + 3 * HOUR)));
        m.longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, List.of(ratio(0.6, T0 + 3 * HOUR)));
        m.leverageBrackets(BTC, Fixtures.flatBracket(0.005, 0, 125));
        return m;
    }

    private static HeatmapModel.Heatmap compute(FakeMarketData m, LiquidationSettings s) {
        return HeatmapModel.compute(Fixtures.inputs(m), s, NOW, "fake");
    }

    @Test
    void zonesFollowTheFormulaTheSplitAndTheDecay() {
        HeatmapResult r = compute(oneCohort(91), TEN_X).result();
        // cohort: 100 BTC at 100, observed at hour 1, 2.5 h before NOW: decay 2^(-2.5/24) = 0.930342
        double cohort = 100 * 100 * Math.pow(0.5, 2.5 / 24);
        // bucket 0.25 % of 100 = 0.25 -> 0.3 on the 0.1 tick
        assertThat(r.inputs().bucketSize()).isEqualTo(0.3);
        // long LP 90.4523 -> floor(301.51) = 301 -> 90.3; 60 % of the cohort
        assertThat(r.longLiquidationZones()).singleElement().satisfies(z -> {
            assertThat(z.price()).isEqualTo(90.3);
            assertThat(z.leverage()).isEqualTo(10);
            assertThat(z.estimatedNotional()).isCloseTo(0.6 * cohort, within(0.01));
            assertThat(z.density()).isEqualTo(100);
            assertThat(z.distancePct()).isEqualTo(-9.7);
        });
        // short LP 109.4527 -> ceil(364.84) = 365 -> 109.5; 40 %, density 40/60 = 67
        assertThat(r.shortLiquidationZones()).singleElement().satisfies(z -> {
            assertThat(z.price()).isEqualTo(109.5);
            assertThat(z.estimatedNotional()).isCloseTo(0.4 * cohort, within(0.01));
            assertThat(z.density()).isEqualTo(67);
            assertThat(z.distancePct()).isEqualTo(9.5);
        });
        assertThat(r.inputs().longPct()).isEqualTo(60.0);
        assertThat(r.inputs().cohorts()).isEqualTo(1);
        assertThat(r.inputs().buildUp()).isEqualTo(100.0);
        assertThat(r.inputs().locatedQty()).isEqualTo(100.0);
        assertThat(r.inputs().locatedOiPct()).isEqualTo(9.09);       // 100 / 1100
        assertThat(r.inputs().zonesModelled()).isEqualTo(2);
        assertThat(r.inputs().zonesRemovedCrossed()).isZero();
        assertThat(r.estimate()).isTrue();
        assertThat(r.currentPrice()).isEqualTo(100.0);
        assertThat(r.dataTime()).isEqualTo(NOW);
        assertThat(r.source()).isEqualTo("fake");
    }

    @Test
    void aLongZoneTradedThroughSinceEntryIsRemoved() {
        // hour 1 low 90 <= long LP 90.4523: those longs are already liquidated
        HeatmapResult r = compute(oneCohort(90), TEN_X).result();
        assertThat(r.longLiquidationZones()).isEmpty();
        assertThat(r.shortLiquidationZones()).singleElement().satisfies(z -> assertThat(z.density()).isEqualTo(100));
        assertThat(r.inputs().zonesRemovedCrossed()).isEqualTo(1);
        assertThat(r.reasoning()).anyMatch(s -> s.equals("Removed 1 of 2 modelled liquidation prices already traded"
                + " through since entry"));
    }

    @Test
    void theEntryKlinesOwnRangeDoesNotRemoveAZone() {
        FakeMarketData m = oneCohort(91);
        // hour 0 (the entry period itself) trades down to 85: positions may have been opened after that low
        m.klines(BTC, List.of(kline(0, 101, 85, 100, 100), m.scriptedKlines(BTC, Interval.H1).get(1), m.scriptedKlines(BTC, Interval.H1).get(2), m.scriptedKlines(BTC, Interval.H1).get(3)));
        assertThat(compute(m, TEN_X).result().longLiquidationZones()).hasSize(1);
    }

    @Test
    void theCurrentOpenInterestChangeIsLocatedAtTheFormingKline() {
        FakeMarketData m = oneCohort(91);
        // no growth in the history, +50 since the last snapshot, during hour 3 (VWAP 100.2)
        m.openInterestHistory(BTC, List.of(oi(0, 1000), oi(1, 1000), oi(2, 1000), oi(3, 1000)));
        m.klines(BTC, List.of(m.scriptedKlines(BTC, Interval.H1).get(0), m.scriptedKlines(BTC, Interval.H1).get(1), m.scriptedKlines(BTC, Interval.H1).get(2), kline(3, 100.5, 99.5, 100, 100.2)));
        m.openInterest(new OpenInterest(BTC, 1050, NOW - 1_000));
        HeatmapResult r = compute(m, TEN_X).result();
        assertThat(r.inputs().cohorts()).isEqualTo(1);
        assertThat(r.inputs().locatedQty()).isEqualTo(50.0);
        // 10x long at 100.2: 100.2 * 0.9 / 0.995 = 90.633 -> floor(302.11) = 302 -> 90.6
        assertThat(r.longLiquidationZones()).extracting(LiquidationZone::price).containsExactly(90.6);
        assertThat(r.inputs().oiChangePct()).isEqualTo(5.0);             // 1000 -> 1050
    }

    @Test
    void aSingleSnapshotStillLocatesTheCurrentChangeWithoutInventingAWindow() {
        FakeMarketData m = oneCohort(91);
        m.openInterestHistory(BTC, List.of(oi(3, 1000)));
        m.openInterest(new OpenInterest(BTC, 1020, NOW - 1_000));
        HeatmapResult r = compute(m, TEN_X).result();
        assertThat(r.inputs().cohorts()).isEqualTo(1);
        assertThat(r.inputs().window()).isNull();
        assertThat(r.reasoning()).noneMatch(s -> s.contains("null"))
                .anyMatch(s -> s.startsWith("Open interest 1020 BTC; build-up still open 20 BTC"));
    }

    @Test
    void withoutGrowthTheHeatmapIsEmptyAndSaysWhy() {
        FakeMarketData m = oneCohort(91);
        m.openInterestHistory(BTC, List.of(oi(0, 1100), oi(1, 1090), oi(2, 1080), oi(3, 1070)));
        m.openInterest(new OpenInterest(BTC, 1070, NOW - 1_000));
        HeatmapResult r = compute(m, TEN_X).result();
        assertThat(r.longLiquidationZones()).isEmpty();
        assertThat(r.shortLiquidationZones()).isEmpty();
        assertThat(r.clusters()).isEmpty();
        assertThat(r.cascadeRiskScore()).isZero();
        assertThat(r.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(r.reasoning()).anyMatch(s -> s.startsWith("No open interest growth to locate over 3h (OI -2.7%)"));
    }

    @Test
    void onlyLongsNearBelowGiveAShortBiasAndOnlyShortsALongBias() {
        // 100x, everyone long: LP = 100 * 0.99 / 0.995 = 99.497, 0.5 % below the mark; later lows stay above it
        LiquidationSettings hundred = settings(Map.of("leverage_tiers", List.of("100"), "tier_weights", List.of("1")));
        List<Kline> quiet = List.of(kline(0, 100.4, 99.6, 100, 100),
                kline(1, 100.4, 99.6, 100, 100), kline(2, 100.4, 99.6, 100, 100), kline(3, 100.4, 99.6, 100, 100));
        FakeMarketData longs = oneCohort(99.6);
        longs.klines(BTC, quiet);
        longs.longShortRatio(BTC, RatioSeries.TOP_POSITION, List.of(ratio(1.0, T0)));
        longs.longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, List.of(ratio(1.0, T0)));
        HeatmapResult r = compute(longs, hundred).result();
        assertThat(r.shortLiquidationZones()).isEmpty();
        assertThat(r.bias()).isEqualTo(Bias.SHORT);
        assertThat(r.cascadeRiskScore()).isPositive();
        assertThat(r.reasoning()).anyMatch(s -> s.contains("a downward stop hunt is likelier: SHORT"));

        // everyone short: LP = 100 * 1.01 / 1.005 = 100.498, 0.5 % above
        FakeMarketData shorts = oneCohort(99.6);
        shorts.klines(BTC, quiet);
        shorts.longShortRatio(BTC, RatioSeries.TOP_POSITION, List.of(ratio(0.0, T0)));
        shorts.longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, List.of(ratio(0.0, T0)));
        HeatmapResult up = compute(shorts, hundred).result();
        assertThat(up.longLiquidationZones()).isEmpty();
        assertThat(up.bias()).isEqualTo(Bias.LONG);
        assertThat(up.reasoning()).anyMatch(s -> s.contains("an upward squeeze is likelier: LONG"));
    }

    @Test
    void tiersAboveTheSymbolsMaximumAreModelledAtTheMaximumAndSaidSo() {
        FakeMarketData m = oneCohort(91);
        m.leverageBrackets(BTC, Fixtures.flatBracket(0.005, 0, 50));
        HeatmapResult r = compute(m, LiquidationSettings.defaults()).result();
        assertThat(r.inputs().leverageTiers()).containsExactly(5, 10, 20, 25, 50);
        assertThat(r.inputs().maxLeverage()).isEqualTo(50);
        assertThat(r.inputs().tierWeights()).containsExactly(0.15, 0.25, 0.25, 0.15, 0.2);
        assertThat(r.reasoning()).contains("Leverage 100x exceeds the 50x Binance allows for a 100000 USDT position"
                + " - modelled at 50x");
    }

    @Test
    void levelsAreTheNearestSignificantBucketsNearestFirst() {
        HeatmapModel.Heatmap h = HeatmapModel.compute(Fixtures.inputs(Fixtures.twoDays(Fixtures.flatBracket(0.004, 0,
                125))), LiquidationSettings.defaults(), Fixtures.twoDaysNow(), "fake");
        LevelsResult l = HeatmapModel.levels(h, 4);
        double mark = h.result().currentPrice();
        assertThat(l.numLevels()).isEqualTo(4);
        assertThat(l.estimate()).isTrue();
        assertThat(l.longLevels()).hasSize(4).allSatisfy(z -> {
            assertThat(z.price()).isLessThan(mark);
            assertThat(z.density()).isGreaterThanOrEqualTo(HeatmapModel.MIN_LEVEL_DENSITY);
        });
        assertThat(l.shortLevels()).hasSize(4).allSatisfy(z -> assertThat(z.price()).isGreaterThan(mark));
        // nearest first: longs descend from the price, shorts ascend
        assertThat(l.longLevels()).extracting(LiquidationZone::price).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(l.shortLevels()).extracting(LiquidationZone::price).isSorted();
        assertThat(l.longLevels()).extracting(LiquidationZone::distancePct).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // they are the first significant ones of the full list: nothing nearer was skipped
        List<LiquidationZone> significant = h.allLong().stream()
                .filter(z -> z.density() >= HeatmapModel.MIN_LEVEL_DENSITY).toList();
        assertThat(l.longLevels()).containsExactlyElementsOf(significant.subList(0, 4));
        assertThat(HeatmapModel.levels(h, 50).longLevels()).hasSize(Math.min(50, significant.size()));
    }

    @Test
    void heatmapListsTheLargestZonesPerSideNearestFirst() {
        HeatmapModel.Heatmap h = HeatmapModel.compute(Fixtures.inputs(Fixtures.twoDays(Fixtures.flatBracket(0.004, 0,
                125))), settings(Map.of("max_zones_per_side", 5L)), Fixtures.twoDaysNow(), "fake");
        List<LiquidationZone> zones = h.result().longLiquidationZones();
        assertThat(h.allLong().size()).isGreaterThan(5);
        assertThat(zones).hasSize(5);
        assertThat(zones).extracting(LiquidationZone::price).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        double smallestListed = zones.stream().mapToDouble(LiquidationZone::estimatedNotional).min().orElseThrow();
        assertThat(h.allLong()).filteredOn(z -> !zones.contains(z))
                .allSatisfy(z -> assertThat(z.estimatedNotional()).isLessThanOrEqualTo(smallestListed));
    }

    @Test
    void missingMarkPriceOrBracketsAreUpstreamErrors() {
        FakeMarketData noBrackets = oneCohort(91);
        noBrackets.leverageBrackets(BTC, List.of());
        assertThatThrownBy(() -> compute(noBrackets, TEN_X)).isInstanceOf(IntelException.class)
                .hasMessageContaining("leverage brackets")
                .satisfies(e -> assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
        FakeMarketData noMark = oneCohort(91);
        noMark.premiumIndex(Fixtures.premium(Double.NaN, NOW));
        assertThatThrownBy(() -> compute(noMark, TEN_X)).isInstanceOf(IntelException.class)
                .hasMessageContaining("mark price");
    }

    @Test
    void missingRatiosAssumeAnEvenSplitAndLowerTheConfidence() {
        FakeMarketData m = oneCohort(91);
        m.longShortRatio(BTC, RatioSeries.TOP_POSITION, List.of()).longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, List.of());
        HeatmapResult r = compute(m, TEN_X).result();
        assertThat(r.inputs().splitSource()).isEqualTo("assumed_even");
        assertThat(r.inputs().longPct()).isEqualTo(50.0);
        assertThat(r.inputs().topTraderLongPct()).isNull();
        assertThat(r.reasoning()).anyMatch(s -> s.contains("(assumed: no long/short ratio available)"));
    }
}
