package io.marketintel.plugin.liquidations.internal;

import static io.marketintel.plugin.liquidations.internal.Fixtures.HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.Bias;
import io.marketintel.plugin.liquidations.internal.HeatmapModel.Buckets;
import io.marketintel.plugin.liquidations.internal.HeatmapModel.Decision;
import io.marketintel.plugin.liquidations.internal.HeatmapModel.Split;
import io.marketintel.plugin.liquidations.internal.HeatmapModel.Tiers;
import io.marketintel.plugin.liquidations.internal.HeatmapModel.Zones;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of the estimate, each on hand-made arrays. */
class HeatmapModelTest {

    // ---------------------------------------------------------------- split

    @Test
    void splitBlendsTopPositionAndGlobalAccountRatios() {
        // 0.5 * 0.60 + 0.5 * 0.50 = 0.55
        Split s = HeatmapModel.split(0.60, 0.50, 0.5);
        assertThat(s.longFraction()).isCloseTo(0.55, within(1e-12));
        assertThat(s.source()).isEqualTo("blend");
        assertThat(s.quality()).isEqualTo(1.0);
        // 0.8 * 0.60 + 0.2 * 0.50 = 0.58
        assertThat(HeatmapModel.split(0.60, 0.50, 0.8).longFraction()).isCloseTo(0.58, within(1e-12));
    }

    @Test
    void splitFallsBackToTheAvailableRatioThenToEven() {
        assertThat(HeatmapModel.split(0.60, null, 0.5)).isEqualTo(new Split(0.60, "top_position", 0.85));
        assertThat(HeatmapModel.split(null, 0.45, 0.5)).isEqualTo(new Split(0.45, "global_account", 0.85));
        assertThat(HeatmapModel.split(null, Double.NaN, 0.5)).isEqualTo(new Split(0.5, "assumed_even", 0.6));
    }

    // ---------------------------------------------------------------- decay

    @ParameterizedTest(name = "age {0} h, half-life {1} h -> {2}")
    @CsvSource({
            " 0, 24, 1.0",
            "24, 24, 0.5",
            "48, 24, 0.25",
            "12, 24, 0.7071067811865476",   // 2^-0.5
            " 6,  6, 0.5",
            "-3, 24, 1.0",                  // clock skew: never above 1
    })
    void decayHalvesEveryHalfLife(double ageHours, double halfLife, double expected) {
        assertThat(HeatmapModel.decay((long) (ageHours * HOUR), halfLife)).isCloseTo(expected, within(1e-12));
    }

    // ---------------------------------------------------------------- crossing

    @Test
    void aZoneIsGoneOnceALaterKlineTradedThroughIt() {
        //        kline 0 (entry)  kline 1  kline 2
        double[] lows = {88, 95, 92};
        double[] highs = {112, 105, 108};
        double[] sufMin = HeatmapModel.suffixMin(lows);
        double[] sufMax = HeatmapModel.suffixMax(highs);
        assertThat(sufMin).containsExactly(88, 92, 92, Double.POSITIVE_INFINITY);
        assertThat(sufMax).containsExactly(112, 108, 108, Double.NEGATIVE_INFINITY);
        double mark = 100;
        // long LP 90 entered in kline 0: kline 0's own low of 88 does not count, later lows (95, 92) never reached 90
        assertThat(HeatmapModel.crossed(1, 90, 0, sufMin, sufMax, mark)).isFalse();
        // long LP 92: kline 2's low of 92 touched it (low <= LP)
        assertThat(HeatmapModel.crossed(1, 92, 0, sufMin, sufMax, mark)).isTrue();
        // entered in kline 1: only kline 2 counts
        assertThat(HeatmapModel.crossed(1, 91.9, 1, sufMin, sufMax, mark)).isFalse();
        // short LP 110 entered in kline 0: later highs 105, 108 never reached it; 108 did reach LP 107.5
        assertThat(HeatmapModel.crossed(-1, 110, 0, sufMin, sufMax, mark)).isFalse();
        assertThat(HeatmapModel.crossed(-1, 107.5, 0, sufMin, sufMax, mark)).isTrue();
        // entered in the last kline: nothing after it, only the mark price decides
        assertThat(HeatmapModel.crossed(1, 99, 2, sufMin, sufMax, mark)).isFalse();
        assertThat(HeatmapModel.crossed(1, 100, 2, sufMin, sufMax, mark)).isTrue();     // mark at the LP
        assertThat(HeatmapModel.crossed(-1, 100.5, 2, sufMin, sufMax, mark)).isFalse();
        assertThat(HeatmapModel.crossed(-1, 99.5, 2, sufMin, sufMax, mark)).isTrue();   // mark above a short LP
    }

    // ---------------------------------------------------------------- tiers

    @Test
    void tiersAboveTheSymbolsMaximumAreCappedAndMerged() {
        Tiers t = HeatmapModel.effectiveTiers(List.of(5, 10, 20, 25, 50, 100), List.of(0.15, 0.25, 0.25, 0.15, 0.12, 0.08),
                50);
        assertThat(t.leverage()).containsExactly(5, 10, 20, 25, 50);
        assertThat(t.weight()).containsExactly(new double[] {0.15, 0.25, 0.25, 0.15, 0.20}, within(1e-12));  // 0.12 + 0.08
        assertThat(t.capped()).containsExactly(100);
        Tiers all = HeatmapModel.effectiveTiers(List.of(5, 100), List.of(0.5, 0.5), 125);
        assertThat(all.leverage()).containsExactly(5, 100);
        assertThat(all.capped()).isEmpty();
    }

    // ---------------------------------------------------------------- buckets, density

    @Test
    void bucketSizeIsAPercentOfPriceOnTheTickGrid() {
        // 0.25 % of 60000 = 150 (tick 0.1)
        assertThat(HeatmapModel.bucketSize(60_000, 0.25, new BigDecimal("0.10"))).isEqualByComparingTo("150");
        // 0.25 % of 61234.5 = 153.08625 -> 153.1
        assertThat(HeatmapModel.bucketSize(61_234.5, 0.25, new BigDecimal("0.10"))).isEqualByComparingTo("153.1");
        // 0.25 % of 0.5123 = 0.00128075 -> 0.0013 (tick 0.0001)
        assertThat(HeatmapModel.bucketSize(0.5123, 0.25, new BigDecimal("0.0001"))).isEqualByComparingTo("0.0013");
        // never below one tick: 0.01 % of 100 = 0.01 < tick 1
        assertThat(HeatmapModel.bucketSize(100, 0.01, BigDecimal.ONE)).isEqualByComparingTo("1");
    }

    @Test
    void longBucketsAreLabelledByTheirLowerEdgeShortBucketsByTheirUpperEdge() {
        // 41549.9 / 150 = 276.9993: long -> floor 276 -> 41400; short -> ceil 277 -> 41550
        assertThat(HeatmapModel.bucketIndex(1, 41_549.9, 150)).isEqualTo(276);
        assertThat(HeatmapModel.bucketIndex(-1, 41_549.9, 150)).isEqualTo(277);
        assertThat(HeatmapModel.bucketIndex(-1, 41_400.1, 150)).isEqualTo(277);
        // on an edge both agree, also when the division is not exact in binary (41500 / 0.1)
        assertThat(HeatmapModel.bucketIndex(1, 41_550, 150)).isEqualTo(277);
        assertThat(HeatmapModel.bucketIndex(-1, 41_550, 150)).isEqualTo(277);
        assertThat(HeatmapModel.bucketIndex(1, 41_500, 0.1)).isEqualTo(415_000);
    }

    @Test
    void bucketsSumNotionalPerTierAndDensityIsRelativeToTheLargestBucketOfEitherSide() {
        Zones z = zones(
                // side, price, notional, tier
                new double[] {1, 41_549.9, 60, 0},    // long bucket 41400 (276)
                new double[] {1, 41_400.0, 40, 1},    // long bucket 41400
                new double[] {1, 41_399.9, 300, 1},   // long bucket 41250 (275)
                new double[] {-1, 44_950.1, 500, 0},  // short bucket 45000 (300)
                new double[] {-1, 45_000.0, 100, 1}); // short bucket 45000
        BigDecimal size = new BigDecimal("150");
        Buckets longs = HeatmapModel.bucket(z, 1, size, 2);
        Buckets shorts = HeatmapModel.bucket(z, -1, size, 2);
        assertThat(longs.price).containsExactly(41_250, 41_400);
        assertThat(longs.notional).containsExactly(300, 100);
        assertThat(longs.tierNotional[1]).containsExactly(60, 40);
        assertThat(longs.dominantTier(1)).isZero();                 // 60 at tier 0 vs 40 at tier 1
        assertThat(shorts.price).containsExactly(45_000);
        assertThat(shorts.notional).containsExactly(600);
        double max = Math.max(longs.max(), shorts.max());
        longs.densities(max);
        shorts.densities(max);
        // 300/600 = 50, 100/600 = 16.67 -> 17, 600/600 = 100
        assertThat(longs.density).containsExactly(50, 17);
        assertThat(shorts.density).containsExactly(100);
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({"0, 10, 0", "10, 10, 100", "0.5, 10, 5", "0.49, 10, 5", "0.44, 10, 4", "5, 0, 0"})
    void densityIsAPercentOfTheLargestRounded(double notional, double max, int expected) {
        assertThat(HeatmapModel.density(notional, max)).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- clusters

    @Test
    void clustersMergeAdjacentSignificantBucketsAndTheToleranceBridgesGaps() {
        double[] price = {100, 101, 102, 105, 106};
        double[] notional = {10, 50, 40, 30, 1};
        int[] density = {20, 100, 80, 60, 2};
        // adjacent (gap = 1 bucket) merge; 105 is 3 above 102 > 1 + 0; 106 is below the minimum density
        assertThat(HeatmapModel.clusterRanges(price, notional, density, 1, 0, 20))
                .containsExactly(new int[] {0, 2}, new int[] {3, 3});
        // a tolerance of 2 bridges the gap of 3 (<= 1 + 2)
        assertThat(HeatmapModel.clusterRanges(price, notional, density, 1, 2, 20))
                .containsExactly(new int[] {0, 3});
        // a higher minimum density drops the first bucket
        assertThat(HeatmapModel.clusterRanges(price, notional, density, 1, 0, 25))
                .containsExactly(new int[] {1, 2}, new int[] {3, 3});
        // members of a range span what lies between them, significant or not
        assertThat(HeatmapModel.clusterRanges(new double[] {100, 101, 102}, new double[] {50, 1, 50},
                new int[] {100, 2, 100}, 1, 1, 20)).containsExactly(new int[] {0, 2});
    }

    // ---------------------------------------------------------------- cascade

    @Test
    void cascadePressureIsProximityWeightedNotionalWithinTheWindow() {
        // mark 100, window 5 %: 1000 at 97.5 (d = 2.5 %, weight 1 - 2.5/5 = 0.5) -> 500;
        // 400 at 104 (d = 4 %, weight 0.2) -> 80; 999 at 94 (d = 6 %) is outside -> 0
        double p = HeatmapModel.pressure(new double[] {97.5, 104, 94}, new double[] {1000, 400, 999}, null, 100, 5);
        assertThat(p).isCloseTo(580, within(1e-9));
        // boost 1.5 on the first (clustered): 750 + 80
        assertThat(HeatmapModel.pressure(new double[] {97.5, 104}, new double[] {1000, 400}, new double[] {1.5, 1}, 100, 5))
                .isCloseTo(830, within(1e-9));
        // score: 500 / (0.02 * 50000) = 0.5 -> 100 * (1 - e^-0.5) = 39.35 -> 39
        assertThat(HeatmapModel.cascadeScore(500, 50_000)).isEqualTo(39);
        assertThat(HeatmapModel.cascadeScore(0, 50_000)).isZero();
        assertThat(HeatmapModel.cascadeScore(500, Double.NaN)).isZero();
        assertThat(HeatmapModel.cascadeScore(1e12, 50_000)).isEqualTo(100);
    }

    @Test
    void cascadeScoreRisesMonotonicallyWithProximityAndSize() {
        double oiValue = 1_000_000;
        int previous = -1;
        // the same notional moving closer: 4.9 %, 4 %, ..., 0 % away
        for (double d : new double[] {4.9, 4, 3, 2, 1, 0.5, 0}) {
            double p = HeatmapModel.pressure(new double[] {100 - d}, new double[] {20_000}, null, 100, 5);
            int score = HeatmapModel.cascadeScore(p, oiValue);
            assertThat(score).as("at %s %%", d).isGreaterThanOrEqualTo(previous).isBetween(0, 100);
            previous = score;
        }
        assertThat(previous).isGreaterThan(0);
        previous = -1;
        // growing notional at the same place
        for (double n : new double[] {0, 1_000, 5_000, 20_000, 100_000, 1e6, 1e8}) {
            int score = HeatmapModel.cascadeScore(
                    HeatmapModel.pressure(new double[] {98}, new double[] {n}, null, 100, 5), oiValue);
            assertThat(score).as("notional %s", n).isGreaterThanOrEqualTo(previous).isBetween(0, 100);
            previous = score;
        }
        assertThat(previous).isEqualTo(100);
    }

    // ---------------------------------------------------------------- bias

    @Test
    void moreLongLiquidationsCloseBelowMeanADownwardHuntShortBias() {
        // imbalance (300 - 100) / 400 = 0.5 -> SHORT; confidence 25 + 60 * 0.5 * min(1, 40/40) = 55
        Decision d = HeatmapModel.decide(300, 100, 40, 1.0);
        assertThat(d.bias()).isEqualTo(Bias.SHORT);
        assertThat(d.confidence()).isEqualTo(55);
        assertThat(d.imbalance()).isCloseTo(0.5, within(1e-12));
        assertThat(HeatmapModel.decide(100, 300, 40, 1.0).bias()).isEqualTo(Bias.LONG);
        // less nearby notional counts less: 25 + 60 * 0.5 * 20/40 = 40
        assertThat(HeatmapModel.decide(300, 100, 20, 1.0).confidence()).isEqualTo(40);
        // quality scales it: 0.6 * 55 = 33
        assertThat(HeatmapModel.decide(300, 100, 40, 0.6).confidence()).isEqualTo(33);
        // capped at 85: 25 + 60 * 1 * 1 = 85
        assertThat(HeatmapModel.decide(1, 0, 100, 1.0).confidence()).isEqualTo(85);
    }

    @Test
    void confidenceRisesWithImbalanceAndCascade() {
        int previous = -1;
        for (double longP : new double[] {61, 70, 80, 90, 100}) {          // imbalance 0.22 .. 1
            int c = HeatmapModel.decide(longP, 100 - longP, 30, 1.0).confidence();
            assertThat(c).isGreaterThanOrEqualTo(previous);
            previous = c;
        }
        previous = -1;
        for (int cascade : new int[] {5, 10, 20, 40, 80}) {
            int c = HeatmapModel.decide(80, 20, cascade, 1.0).confidence();
            assertThat(c).isGreaterThanOrEqualTo(previous);
            previous = c;
        }
    }

    @Test
    void balancedThinOrEmptyPressureIsNeutral() {
        // (110 - 100) / 210 = 0.048 <= 0.2
        Decision d = HeatmapModel.decide(110, 100, 50, 1.0);
        assertThat(d.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(d.confidence()).isEqualTo(30);
        // exactly at the threshold stays neutral: (60 - 40) / 100 = 0.2
        assertThat(HeatmapModel.decide(60, 40, 50, 1.0).bias()).isEqualTo(Bias.NEUTRAL);
        // all long but a cascade score of 4 (< 5): too little nearby to attract a hunt
        assertThat(HeatmapModel.decide(100, 0, 4, 1.0).bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(HeatmapModel.decide(100, 0, 5, 1.0).bias()).isEqualTo(Bias.SHORT);
        assertThat(HeatmapModel.decide(0, 0, 0, 0.6)).isEqualTo(new Decision(Bias.NEUTRAL, 18, 0));
    }

    // ---------------------------------------------------------------- helpers

    /** Zones from rows {side, price, notional, tier}. */
    static Zones zones(double[]... rows) {
        Zones z = new Zones(rows.length);
        for (double[] r : rows) {
            int i = z.count++;
            z.side[i] = (int) r[0];
            z.price[i] = r[1];
            z.notional[i] = r[2];
            z.tier[i] = (int) r[3];
        }
        return z;
    }
}
