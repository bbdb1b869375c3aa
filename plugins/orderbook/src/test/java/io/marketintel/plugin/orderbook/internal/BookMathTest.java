package io.marketintel.plugin.orderbook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kernels, against values worked out by hand in the comments. */
class BookMathTest {

    // ---------------------------------------------------------------- walls

    @Test
    void aLevelAtExactlyThreeTimesTheSideMeanIsAWall() {
        // 1 + 1 + 1 + 1 + 6 = 10 over 5 levels: mean 2, threshold 3 x 2 = 6; the 6 reaches it exactly.
        double[] qty = {1, 1, 1, 1, 6};
        double mean = BookMath.mean(qty, 5);
        assertThat(mean).isEqualTo(2.0);
        int[] out = new int[5];
        assertThat(BookMath.wallIndices(qty, 5, 3 * mean, out)).isEqualTo(1);
        assertThat(out[0]).isEqualTo(4);
    }

    @Test
    void aLevelJustBelowThreeTimesTheSideMeanIsNot() {
        // 1 + 1 + 1 + 1 + 5.999 = 9.999 over 5: mean 1.9998, threshold 5.9994 > 5.999.
        double[] qty = {1, 1, 1, 1, 5.999};
        double mean = BookMath.mean(qty, 5);
        assertThat(mean).isCloseTo(1.9998, within(1e-12));
        assertThat(BookMath.wallIndices(qty, 5, 3 * mean, new int[5])).isZero();
    }

    @Test
    void theMeanIncludesTheWallsAndOnlyTheFirstNLevels() {
        // first 4 of {2, 2, 2, 14, 1000}: mean (2 + 2 + 2 + 14) / 4 = 5, threshold 15 -> 14 is not a wall
        double[] qty = {2, 2, 2, 14, 1000};
        assertThat(BookMath.mean(qty, 4)).isEqualTo(5.0);
        assertThat(BookMath.wallIndices(qty, 4, 15, new int[5])).isZero();
        // with the wall multiplier at 2.8 the threshold is 14: exactly reached
        assertThat(BookMath.wallIndices(qty, 4, 2.8 * 5, new int[5])).isEqualTo(1);
    }

    @Test
    void regressionThresholdRoundingMustNotHideAWallExactlyAtIt() {
        // 0.1 x 4 + 0.6 = 1.0 over 5: mean 0.2, and 3 x 0.2 = 0.6000000000000001 in doubles, just above the 0.6 level
        // that is exactly three times the mean.
        double[] qty = {0.1, 0.1, 0.1, 0.1, 0.6};
        double threshold = 3 * BookMath.mean(qty, 5);
        assertThat(threshold).isGreaterThan(0.6);
        assertThat(BookMath.wallIndices(qty, 5, threshold, new int[5])).isEqualTo(1);
    }

    // ---------------------------------------------------------------- imbalance and dominant side

    @ParameterizedTest(name = "bid {0} vs ask {1} -> {2} %")
    @CsvSource({
            "9,   5,   28.571428571428573",  // (9 - 5) x 100 / 14
            "55,  45,  10",                  // 10 x 100 / 100
            "45,  55,  -10",
            "1,   0,   100",
            "0,   1,   -100",
            "0,   0,   0",                   // empty band: no imbalance, not NaN
            "3.5, 3.5, 0",
    })
    void imbalanceIsTheVolumeDifferenceOverTheTotal(double bid, double ask, double expected) {
        assertThat(BookMath.imbalancePct(bid, ask)).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest(name = "imbalance {0} % with threshold {1} -> {2}")
    @CsvSource({
            "10,      10, BID",      // exactly at the threshold: inclusive
            "9.9999,  10, NEUTRAL",
            "-10,     10, ASK",      // exactly at minus the threshold: inclusive
            "-9.9999, 10, NEUTRAL",
            "0,       10, NEUTRAL",
            "100,     10, BID",
            "0,       0,  NEUTRAL",  // no imbalance is never a side, even with a zero threshold
            "0.01,    0,  BID",
    })
    void dominantSideIsInclusiveAtTheThreshold(double imbalance, double threshold, DominantSide expected) {
        assertThat(BookMath.dominantSide(imbalance, threshold)).isEqualTo(expected);
    }

    @Test
    void dominantSideAtTheThresholdFromRealVolumes() {
        // 55 vs 45 -> (55 - 45) x 100 / 100 = 10 exactly: BID with the default 10 %
        assertThat(BookMath.dominantSide(BookMath.imbalancePct(55, 45), 10)).isEqualTo(DominantSide.BID);
        // 54.99 vs 45.01 -> 9.98: NEUTRAL
        assertThat(BookMath.dominantSide(BookMath.imbalancePct(54.99, 45.01), 10)).isEqualTo(DominantSide.NEUTRAL);
    }

    @Test
    void bandSumsAreInclusiveAndSkipLevelsOutsideIt() {
        double[] prices = {99.9, 99.8, 99.7, 99.6, 99.4};
        double[] qty = {1, 1, 1, 6, 1};
        // [99.5, +inf): 99.4 is out -> 1 + 1 + 1 + 6 = 9, notional 99.9 + 99.8 + 99.7 + 6 x 99.6 = 897
        assertThat(BookMath.sumWithin(prices, qty, 5, 99.5, Double.POSITIVE_INFINITY)).isEqualTo(9.0);
        assertThat(BookMath.notionalWithin(prices, qty, 5, 99.5, Double.POSITIVE_INFINITY)).isCloseTo(897.0, within(1e-9));
        assertThat(BookMath.countWithin(prices, 5, 99.5, Double.POSITIVE_INFINITY)).isEqualTo(4);
        // inclusive at the edge
        assertThat(BookMath.countWithin(prices, 5, 99.4, 99.9)).isEqualTo(5);
    }

    // ---------------------------------------------------------------- strength

    @ParameterizedTest(name = "{0}x at {1} % (band {2} %) -> {3}")
    @CsvSource({
            // size = min(1, log10(m) / log10(30)), proximity = 1 / (1 + |d| / band), strength = round(100 (0.6 size + 0.4 prox))
            "30,     0,     0.5, 100",  // size 1, proximity 1
            "3,      -0.4,  0.5, 42",   // size 0.47712 / 1.47712 = 0.32301; prox 1 / 1.8 = 0.55556; 19.381 + 22.222 = 41.60
            "6.1,    -0.35, 0.5, 55",   // size 0.78533 / 1.47712 = 0.53166; prox 1 / 1.7 = 0.58824; 31.900 + 23.529 = 55.43
            "1000,   0.5,   0.5, 80",   // size saturates at 1; prox 1 / 2 = 0.5; 60 + 20
            "1,      0,     0.5, 40",   // an average level: size 0; prox 1
            "3,      5,     0.5, 23",   // far: prox 1 / 11 = 0.09091; 19.381 + 3.636 = 23.02
            "10,     0.1,   0.5, 74",   // size 1 / 1.47712 = 0.67699; prox 1 / 1.2 = 0.83333; 40.620 + 33.333 = 73.95
            "3,      -0.4,  1.0, 48",   // a wider band makes the same wall nearer: prox 1 / 1.4 = 0.71429; 19.381 + 28.571 = 47.95
    })
    void strengthCombinesSizeAndProximity(double multiple, double distance, double band, int expected) {
        assertThat(BookMath.strength(multiple, distance, band)).isEqualTo(expected);
    }

    @Test
    void strengthGrowsWithSizeAndFallsWithDistance() {
        int previous = -1;
        for (double m = 1; m <= 40; m += 0.25) {
            int s = BookMath.strength(m, 0.2, 0.5);
            assertThat(s).as("strength at %sx", m).isGreaterThanOrEqualTo(previous).isBetween(0, 100);
            previous = s;
        }
        previous = 101;
        for (double d = 0; d <= 20; d += 0.05) {
            int s = BookMath.strength(5, d, 0.5);
            assertThat(s).as("strength at %s %%", d).isLessThanOrEqualTo(previous).isBetween(0, 100);
            assertThat(BookMath.strength(5, -d, 0.5)).as("sign of the distance does not matter").isEqualTo(s);
            previous = s;
        }
    }

    // ---------------------------------------------------------------- depth score

    @ParameterizedTest(name = "{0} notional vs {1}, {2} levels of limit {3}, {4} bps -> {5}")
    @CsvSource({
            // volume = clamp(1 + log10(n / ref) / 3), levels = min(1, l / 2 limit), spread = 1 / (1 + bps / 5)
            "1e7,    1e7, 1000, 500, 0,  100",  // 50 + 30 + 20
            "1e8,    1e7, 1000, 500, 0,  100",  // capped at the reference
            "1e6,    1e7, 500,  500, 5,  58",   // 0.5 x 2/3 + 0.3 x 0.5 + 0.2 x 0.5 = 0.5833
            "1e4,    1e7, 0,    500, 5,  10",   // volume 1 - 3/3 = 0; levels 0; spread 0.5 -> 0.1
            "1398.3, 1e4, 8,    5,   20, 64",   // 1 + log10(0.13983) / 3 = 0.71520; 8 / 10 = 0.8; 1 / 5 = 0.2 -> 0.6376
            "0,      1e7, 0,    500, 0,  20",   // an empty band keeps only the spread part
    })
    void depthScoreFromItsInputs(double notional, double reference, int levels, int limit, double bps, int expected) {
        assertThat(BookMath.depthScore(notional, reference, levels, limit, bps)).isEqualTo(expected);
    }

    @Test
    void depthScoreIsMonotoneInEachInput() {
        // more notional never lowers it
        int previous = -1;
        boolean rose = false;
        for (double n = 1; n <= 1e9; n *= 1.3) {
            int s = BookMath.depthScore(n, 1e7, 300, 500, 2);
            assertThat(s).as("score at notional %s", n).isGreaterThanOrEqualTo(previous);
            rose |= previous >= 0 && s > previous;
            previous = s;
        }
        assertThat(rose).isTrue();
        // more levels in the band never lower it
        previous = -1;
        for (int l = 0; l <= 1200; l += 7) {
            int s = BookMath.depthScore(2e6, 1e7, l, 500, 2);
            assertThat(s).as("score at %s levels", l).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
        assertThat(BookMath.depthScore(2e6, 1e7, 1000, 500, 2)).isGreaterThan(BookMath.depthScore(2e6, 1e7, 10, 500, 2));
        // a wider spread never raises it
        previous = 101;
        for (double bps = 0; bps <= 500; bps += 0.5) {
            int s = BookMath.depthScore(2e6, 1e7, 300, 500, bps);
            assertThat(s).as("score at %s bps", bps).isLessThanOrEqualTo(previous).isBetween(0, 100);
            previous = s;
        }
        assertThat(BookMath.depthScore(2e6, 1e7, 300, 500, 100)).isLessThan(BookMath.depthScore(2e6, 1e7, 300, 500, 0));
    }

    // ---------------------------------------------------------------- pressure

    @Test
    void netPressureWeighsImbalanceAndWallBalance() {
        // wall balance (42 - 0) x 100 / 42 = 100; net 0.6 x 28.5714 + 0.4 x 100 = 57.1429
        assertThat(BookMath.wallBalance(42, 0)).isEqualTo(100.0);
        assertThat(BookMath.netPressure(BookMath.imbalancePct(9, 5), 100)).isCloseTo(57.142857, within(1e-6));
        assertThat(BookMath.wallBalance(0, 0)).isZero();
        assertThat(BookMath.wallBalance(85, 78)).isCloseTo(4.294479, within(1e-6));   // 7 x 100 / 163
    }

    // ---------------------------------------------------------------- clustering

    @Test
    void candidatesAreOrderedByDistanceFromMid() {
        double[] prices = {99.5, 99.9, 100.4, 99.7, 100.1};
        int[] idx = {0, 1, 2, 3, 4};
        BookMath.sortByDistance(prices, idx, 5, 100);
        // distances 0.5, 0.1, 0.4, 0.3, 0.1 -> ties (99.9, 100.1) keep index order
        assertThat(idx).containsExactly(1, 4, 3, 2, 0);
    }

    @Test
    void clustersAreAnchoredAtTheirNearestLevel() {
        // ordered nearest first; tolerance 0.05 % of 100 = 0.05
        double[] prices = {99.95, 99.80, 99.60, 99.58, 99.54, 99.00};
        int[] order = {0, 1, 2, 3, 4, 5};
        int[] starts = new int[7];
        int n = BookMath.cluster(prices, order, 6, 100, 0.05, 6, starts);
        // 99.95 | 99.80 | 99.60 + 99.58 (0.02 from the anchor) | 99.54 (0.06 from the anchor 99.60, though only 0.04
        // from 99.58: no chaining) | 99.00
        assertThat(n).isEqualTo(5);
        assertThat(starts).startsWith(0, 1, 2, 4, 5, 6);
        // at most 2 clusters: stops after the second
        n = BookMath.cluster(prices, order, 6, 100, 0.05, 2, starts);
        assertThat(n).isEqualTo(2);
        assertThat(starts).startsWith(0, 1, 2);
        // a wide tolerance merges everything within 1 of 99.95
        n = BookMath.cluster(prices, order, 6, 100, 1.0, 6, starts);
        assertThat(n).isEqualTo(1);
        assertThat(starts).startsWith(0, 6);
    }
}
