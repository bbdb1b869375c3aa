package io.marketintel.plugin.volumeprofile.internal;

import static io.marketintel.plugin.volumeprofile.internal.Fixtures.candle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.Kline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile arithmetic against values worked out by hand (see {@link Fixtures#handMade()} for the derivation). */
class VolumeProfileTest {

    private static final double TOL = 1e-9;

    @Test
    void handMadeSetHasTheHandComputedBins() {
        Profile p = Fixtures.profile(Fixtures.handMade(), "1", 10);
        assertThat(p.binSize()).isEqualByComparingTo("1");
        assertThat(p.binCount()).isEqualTo(10);
        assertThat(p.rangeLow()).isEqualTo(100.0);
        assertThat(p.rangeHigh()).isEqualTo(110.0);
        assertThat(p.volumes()).containsExactly(new double[] {10, 12, 18, 21, 51, 59, 21, 16, 11, 11}, within(1e-12));
        assertThat(p.totalVolume()).isEqualTo(230.0);
        assertThat(p.candles()).isEqualTo(10);
        assertThat(p.skipped()).isZero();
    }

    @Test
    void pocIsTheFullestBinPricedAtItsCentre() {
        Profile p = Fixtures.profile(Fixtures.handMade(), "1", 10);
        assertThat(p.poc()).isEqualTo(5);
        assertThat(p.pocPrice()).isEqualTo(105.5);
        assertThat(p.volumePct(p.poc())).isCloseTo(25.652, within(0.001));   // 59 / 230
    }

    @Test
    void valueAreaGrowsByTheLargerPairOfBinsUntilSeventyPercent() {
        Profile p = Fixtures.profile(Fixtures.handMade(), "1", 10);
        // step 1: below 51+21 = 72 beats above 21+16 = 37 → 131; step 2: above 37 beats below 18+12 = 30 → 168 ≥ 161
        assertThat(p.vaLow()).isEqualTo(3);
        assertThat(p.vaHigh()).isEqualTo(7);
        assertThat(p.val()).isEqualTo(103.0);
        assertThat(p.vah()).isEqualTo(108.0);
        assertThat(p.vaVolume()).isEqualTo(168.0);
        // adding single bins instead of pairs would have stopped at bins 3..6 (59+51+21+21 = 152, + bin 2 or 6 …):
        // the pair rule is what makes bin 7 part of the value area here
    }

    @Test
    void valueAreaStepByStepOnTheKernel() {
        double[] bins = {10, 12, 18, 21, 51, 59, 21, 16, 11, 11};
        // target reached by the POC alone: no growth
        long va = VolumeProfile.valueArea(bins, 10, 5, 59, TOL);
        assertThat(new int[] {VolumeProfile.vaLow(va), VolumeProfile.vaHigh(va)}).containsExactly(5, 5);
        // 60 needs one step: the lower pair (72) wins
        va = VolumeProfile.valueArea(bins, 10, 5, 60, TOL);
        assertThat(new int[] {VolumeProfile.vaLow(va), VolumeProfile.vaHigh(va)}).containsExactly(3, 5);
        // 161 (70 %) needs two
        va = VolumeProfile.valueArea(bins, 10, 5, 161, TOL);
        assertThat(new int[] {VolumeProfile.vaLow(va), VolumeProfile.vaHigh(va)}).containsExactly(3, 7);
        // everything: grows to both ends, taking the last single bins when a side has one left
        va = VolumeProfile.valueArea(bins, 10, 5, 230, TOL);
        assertThat(new int[] {VolumeProfile.vaLow(va), VolumeProfile.vaHigh(va)}).containsExactly(0, 9);
    }

    @Test
    void equalPairsAreBothAdded() {
        // POC in the middle, 4 + 4 above and 3 + 5 below: a tie (8 = 8) grows both sides at once
        double[] bins = {1, 5, 3, 20, 4, 4, 1};
        long va = VolumeProfile.valueArea(bins, 7, 3, 21, TOL);
        assertThat(new int[] {VolumeProfile.vaLow(va), VolumeProfile.vaHigh(va)}).containsExactly(1, 5);
    }

    @Test
    void anExhaustedSideLetsTheOtherGrowAndALastSingleBinCountsAlone() {
        // POC at the bottom: only the upper side can grow
        double[] bins = {50, 10, 10, 10, 20};
        long va = VolumeProfile.valueArea(bins, 5, 0, 70, TOL);
        assertThat(new int[] {VolumeProfile.vaLow(va), VolumeProfile.vaHigh(va)}).containsExactly(0, 2);
        // POC one bin from the top: the single bin above (1) against the pair below (2 + 2)
        double[] top = {1, 2, 2, 30, 1};
        va = VolumeProfile.valueArea(top, 5, 3, 33, TOL);
        assertThat(new int[] {VolumeProfile.vaLow(va), VolumeProfile.vaHigh(va)}).containsExactly(1, 3);
    }

    @Test
    void pocTiesGoToTheBinNearestTheMiddleThenTheLowerOne() {
        assertThat(VolumeProfile.poc(new double[] {9, 1, 1, 1, 9, 1, 1}, 7, TOL)).isEqualTo(4);   // middle is 3
        assertThat(VolumeProfile.poc(new double[] {9, 1, 1, 9, 1, 9}, 6, TOL)).isEqualTo(3);      // middle 2.5: 3 nearer than 5
        assertThat(VolumeProfile.poc(new double[] {1, 9, 1, 1, 9, 1}, 6, TOL)).isEqualTo(1);      // 1 and 4 equally near: lower
        // float noise below the tolerance is a tie, not a winner
        assertThat(VolumeProfile.poc(new double[] {9 + 1e-13, 1, 1, 9, 1, 1, 1}, 7, 1e-9)).isEqualTo(3);
    }

    @Test
    void zeroRangeCandlePutsAllItsVolumeInTheBinHoldingItsPrice() {
        // 100–104 in 4 bins of 1; a candle trading only at 102 (a bin edge) lands in [102, 103)
        List<Kline> k = List.of(candle(0, 100, 104, 100, 104, 4), candle(1, 102, 102, 102, 102, 10));
        Profile p = Fixtures.profile(k, "1", 4);
        assertThat(p.volumes()).containsExactly(1, 1, 11, 1);
        // at the very top of the range it lands in the top bin
        p = Fixtures.profile(List.of(candle(0, 100, 104, 100, 104, 4), candle(1, 104, 104, 104, 104, 10)), "1", 4);
        assertThat(p.volumes()).containsExactly(1, 1, 1, 11);
    }

    @Test
    void aWindowWithOneTradedPriceIsOneBinOfOneTick() {
        Profile p = Fixtures.profile(List.of(candle(0, 5, 5, 5, 5, 3), candle(1, 5, 5, 5, 5, 2)), "0.01", 50);
        assertThat(p.binCount()).isEqualTo(1);
        assertThat(p.binSize()).isEqualByComparingTo("0.01");
        assertThat(p.lowEdge(0)).isEqualTo(5.0);
        assertThat(p.highEdge(0)).isEqualTo(5.01);
        assertThat(p.pocPrice()).isEqualTo(5.005);
        assertThat(p.volumes()).containsExactly(5);
        assertThat(p.val()).isEqualTo(5.0);
        assertThat(p.vah()).isEqualTo(5.01);
    }

    @Test
    void candleVolumeIsSplitInProportionToOverlap() {
        // bins of 2 from 100: a candle 101–106 (range 5) covers half of [100,102), all of [102,104) and [104,106)
        double[] bins = new double[4];
        VolumeProfile.distribute(new double[] {106}, new double[] {101}, new double[] {50}, 0, 1, 100, 2, bins, 4);
        assertThat(bins).containsExactly(new double[] {10, 20, 20, 0}, within(1e-12));
        // a candle inside one bin gives it everything
        bins = new double[4];
        VolumeProfile.distribute(new double[] {103.5}, new double[] {102.5}, new double[] {7}, 0, 1, 100, 2, bins, 4);
        assertThat(bins).containsExactly(0, 7, 0, 0);
    }

    @Test
    void invalidCandlesAreSkippedAndCountedZeroVolumeOnesAddNothing() {
        double[] high = {105, Double.NaN, 101, 104, 104};
        double[] low = {100, 100, 103, 100, 100};
        double[] vol = {5, 5, 5, -1, 0};
        double[] bins = new double[5];
        int skipped = VolumeProfile.distribute(high, low, vol, 0, 5, 100, 1, bins, 5);
        assertThat(skipped).isEqualTo(3);          // NaN high, high below low, negative volume
        assertThat(bins).containsExactly(1, 1, 1, 1, 1);
        Profile p = Profile.of(high, low, vol, 0, 5, BigDecimal.ONE, 5, 70, 150, 50).orElseThrow();
        assertThat(p.candles()).isEqualTo(2);
        assertThat(p.skipped()).isEqualTo(3);
    }

    @Test
    void noVolumeOrNoValidCandleIsNoProfile() {
        double[] one = {1};
        assertThat(Profile.of(one, one, new double[] {0}, 0, 1, BigDecimal.ONE, 10, 70, 150, 50)).isEmpty();
        assertThat(Profile.of(one, one, new double[] {Double.NaN}, 0, 1, BigDecimal.ONE, 10, 70, 150, 50)).isEmpty();
        assertThat(Profile.of(one, one, one, 0, 0, BigDecimal.ONE, 10, 70, 150, 50)).isEmpty();
    }

    @ParameterizedTest(name = "range {0}–{1}, {2} bins, tick {3} → bin {4} × {5}")
    @CsvSource({
            // range / bins = 3.333…, 6.67 ticks of 0.5 → 7 ticks = 3.5; 100 / 3.5 = 28.6 → 29 bins
            "1000, 1100, 30, 0.5, 3.5, 29",
            // exactly 140 ticks of 0.1 (700 / 50 / 0.1 is 140.00000000000003 in binary): not rounded up to 141
            "42100, 42800, 50, 0.1, 14, 50",
            // BTC-like: 1234.5 / 50 = 24.69 → 246.9 ticks → 247 ticks = 24.7; 1234.5 / 24.7 = 49.98 → 50 bins
            "60000, 61234.5, 50, 0.1, 24.7, 50",
            // a range narrower than the bins wanted: one tick per bin, fewer bins
            "100, 103, 50, 1, 1, 3",
            // XRP-like tick
            "1.0145, 1.2214, 50, 0.0001, 0.0042, 50"})
    void binSizeIsTheRangeOverTheBinCountRoundedUpToTheTick(double low, double high, int bins, String tick,
                                                            String size, int count) {
        List<Kline> k = new ArrayList<>();
        k.add(candle(0, low, high, low, high, 1));
        Profile p = Fixtures.profile(k, tick, bins);
        assertThat(p.binSize()).isEqualByComparingTo(size);
        assertThat(p.binCount()).isEqualTo(count).isLessThanOrEqualTo(bins);
        assertThat(p.rangeHigh()).isGreaterThanOrEqualTo(high);
        // every edge on the tick grid
        BigDecimal t = new BigDecimal(tick);
        for (int i = 0; i <= p.binCount(); i++) {
            BigDecimal edge = BigDecimal.valueOf(i == p.binCount() ? p.rangeHigh() : p.lowEdge(i));
            assertThat(edge.remainder(t).signum()).as("edge %s on the %s grid", edge, tick).isZero();
        }
        // and the volume is all there
        assertThat(p.totalVolume()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void nodesAtExactlyTheThresholdsAreNotNodes() {
        // four bins of 1 from 100, mean 10: HVN threshold 15 (150 %), LVN threshold 5 (50 %)
        List<Kline> at = List.of(candle(0, 100, 100, 100, 100, 15), candle(1, 101, 101, 101, 101, 5),
                candle(2, 102, 102, 102, 102, 10), candle(3, 103, 104, 103, 104, 10));
        Profile p = Fixtures.profile(at, "1", 4);
        assertThat(p.volumes()).containsExactly(15, 5, 10, 10);
        assertThat(p.meanBinVolume()).isEqualTo(10.0);
        assertThat(p.hvnThreshold()).isEqualTo(15.0);
        assertThat(p.lvnThreshold()).isEqualTo(5.0);
        assertThat(p.hvns()).as("15 is not strictly above 15").isEmpty();
        assertThat(p.lvns()).as("5 is not strictly below 5").isEmpty();

        // half a unit beyond each threshold (total unchanged, so the thresholds are too)
        List<Kline> beyond = List.of(candle(0, 100, 100, 100, 100, 15.5), candle(1, 101, 101, 101, 101, 4.5),
                candle(2, 102, 102, 102, 102, 10), candle(3, 103, 104, 103, 104, 10));
        p = Fixtures.profile(beyond, "1", 4);
        assertThat(p.hvns()).containsExactly(new Profile.Node(0, 0, 0));
        assertThat(p.lvns()).containsExactly(new Profile.Node(1, 1, 1));
    }

    @Test
    void adjacentQualifyingBinsFormOneNodePeakingAtItsExtreme() {
        Profile p = Fixtures.profile(Fixtures.handMade(), "1", 10);
        // mean 23: HVN > 34.5 → bins 4 (51) and 5 (59) form one node whose peak is the POC
        assertThat(p.hvns()).containsExactly(new Profile.Node(5, 4, 5));
        // LVN < 11.5 → bin 0 (10) alone, bins 8 and 9 (11 and 11) together, the tie going to the lower bin
        assertThat(p.lvns()).containsExactly(new Profile.Node(0, 0, 0), new Profile.Node(8, 8, 9));

        int[] peak = new int[5];
        int[] first = new int[5];
        int[] last = new int[5];
        // the run holding the POC peaks at the POC even when another bin of it ties
        int n = VolumeProfile.nodes(new double[] {1, 9, 9, 1, 1}, 5, 3, true, 2, TOL, peak, first, last);
        assertThat(n).isEqualTo(1);
        assertThat(new int[] {peak[0], first[0], last[0]}).containsExactly(2, 1, 2);
    }

    @Test
    void volumeIsConservedOnIrregularCandles() {
        List<Kline> k = new ArrayList<>();
        double price = 60_000;
        for (int i = 0; i < 500; i++) {
            double move = 37.3 * Math.sin(i * 0.7) + 11.1 * Math.cos(i * 1.3);
            double open = price;
            price = Math.rint((price + move) * 10) / 10;
            double high = Math.max(open, price) + Math.rint(Math.abs(13.7 * Math.sin(i)) * 10) / 10;
            double low = Math.min(open, price) - Math.rint(Math.abs(9.1 * Math.cos(i)) * 10) / 10;
            k.add(candle(i, open, high, low, price, 1 + (i * 7919 % 97) / 3.0));
        }
        double expected = 0;
        for (Kline c : k) {
            expected += c.volume();
        }
        Profile p = Fixtures.profile(k, "0.1", 50);
        assertThat(p.totalVolume()).isCloseTo(expected, within(expected * 1e-12));
        assertThat(p.vaVolume() / p.totalVolume()).isGreaterThanOrEqualTo(0.70);
        assertThat(p.poc()).isBetween(p.vaLow(), p.vaHigh());
    }
}
