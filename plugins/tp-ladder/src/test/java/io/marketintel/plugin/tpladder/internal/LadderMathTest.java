package io.marketintel.plugin.tpladder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Interpolation of multipliers and splits, and the exact split of whole steps. */
class LadderMathTest {

    private static final List<BigDecimal> TRENDING = List.of(bd("1.5"), bd("3"), bd("5"));
    private static final List<BigDecimal> RANGING = List.of(bd("1"), bd("2"), bd("3.5"));
    private static final List<BigDecimal> STRONG_SPLIT = List.of(bd("20"), bd("30"), bd("50"));

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    private static List<String> plain(BigDecimal[] values) {
        return Arrays.stream(values).map(v -> v.stripTrailingZeros().toPlainString()).toList();
    }

    @ParameterizedTest(name = "{0} levels: {1}")
    @CsvSource(delimiter = ';', value = {
            // positions (i-1)/(n-1) on the anchors 1 | 2 | 3.5 at 0, 1/2, 1; a single level sits at 1/2
            "1;  2",
            "2;  1 3.5",
            "3;  1 2 3.5",
            "4;  1 1.666666666666667 2.5 3.5",           // 0, 1/3, 2/3, 1: 1 + 2/3, 2 + 1.5/3
            "5;  1 1.5 2 2.75 3.5",
            "6;  1 1.4 1.8 2.3 2.9 3.5",                  // 0, .2, .4, .6, .8, 1
            "7;  1 1.333333333333333 1.666666666666667 2 2.5 3 3.5",
            "9;  1 1.25 1.5 1.75 2 2.375 2.75 3.125 3.5",
            "10; 1 1.222222222222222 1.444444444444444 1.666666666666667 1.888888888888889 2.166666666666667 2.5 2.833333333333333 3.166666666666667 3.5"})
    void multipliersInterpolateBetweenTheAnchors(int n, String expected) {
        assertThat(plain(LadderMath.interpolate(RANGING, n))).containsExactly(expected.trim().split(" "));
    }

    @Test
    void everyLevelCountKeepsTheFirstAndLastAnchorsAndIncreases() {
        for (int n = 2; n <= 10; n++) {
            BigDecimal[] m = LadderMath.interpolate(TRENDING, n);
            assertThat(m[0]).isEqualByComparingTo("1.5");
            assertThat(m[n - 1]).isEqualByComparingTo("5");
            for (int i = 1; i < n; i++) {
                assertThat(m[i]).as("n=%d level %d", n, i + 1).isGreaterThan(m[i - 1]);
            }
        }
        assertThat(LadderMath.interpolate(TRENDING, 1)).containsExactly(bd("3"));
    }

    @ParameterizedTest(name = "{0} levels: {1}")
    @CsvSource(delimiter = ';', value = {
            "1;  100",
            "2;  28.57142857142857 71.42857142857143",     // weights 20, 50
            "3;  20 30 50",
            // weights x 3: 60, 60 + 10 x 2, 90 + 20 x 1, 150 = 60, 80, 110, 150 (sum 400)
            "4;  15 20 27.5 37.5"})
    void splitsAreNormalisedInterpolatedWeights(int n, String expected) {
        assertThat(plain(LadderMath.splitPct(STRONG_SPLIT, n))).containsExactly(expected.trim().split(" "));
    }

    @Test
    void fiveLevelsOfARangingSplit() {
        // anchors 40 / 35 / 25 at 0, 1/2, 1 -> weights 40, 37.5, 35, 30, 25 (sum 167.5)
        assertThat(plain(LadderMath.scaledInterpolation(List.of(bd("40"), bd("35"), bd("25")), 5)))
                .containsExactly("160", "150", "140", "120", "100");   // times n - 1 = 4
        long[] units = LadderMath.splitUnits(1000, List.of(bd("40"), bd("35"), bd("25")), 5);
        // floor(1000 x 160/670) = 238, floor(223.88) = 223, floor(208.95) = 208, floor(179.10) = 179, rest 152
        assertThat(units).containsExactly(238, 223, 208, 179, 152);
    }

    @Test
    void theRemainderGoesToTheLastLevel() {
        // 7 steps 25/35/40: floor(1.75) = 1, floor(2.45) = 2, last 4
        assertThat(LadderMath.splitUnits(7, List.of(bd("25"), bd("35"), bd("40")), 3)).containsExactly(1, 2, 4);
        assertThat(LadderMath.splitUnits(1000, List.of(bd("25"), bd("35"), bd("40")), 3)).containsExactly(250, 350, 400);
        assertThat(LadderMath.splitUnits(1, STRONG_SPLIT, 3)).containsExactly(0, 0, 1);
        assertThat(LadderMath.splitUnits(5, STRONG_SPLIT, 1)).containsExactly(5);
    }

    @Test
    void splitsAlwaysSumExactlyToThePosition() {
        Random random = new Random(20240808L);
        List<List<BigDecimal>> splits = List.of(STRONG_SPLIT, List.of(bd("25"), bd("35"), bd("40")),
                List.of(bd("40"), bd("35"), bd("25")), List.of(bd("33.3"), bd("33.3"), bd("33.4")),
                List.of(bd("0.5"), bd("0.5"), bd("99")));
        for (int c = 0; c < 1000; c++) {
            long units = 1 + (long) Math.floor(Math.pow(10, random.nextDouble() * 9));
            int n = 1 + random.nextInt(10);
            List<BigDecimal> split = splits.get(random.nextInt(splits.size()));
            long[] u = LadderMath.splitUnits(units, split, n);
            BigDecimal[] pct = LadderMath.splitPct(split, n);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                assertThat(u[i]).as("case %d level %d", c, i).isNotNegative();
                sum += u[i];
                if (i < n - 1) {
                    // floor of the exact share: never above it, less than one step below
                    double share = units * pct[i].doubleValue() / 100;
                    assertThat((double) u[i]).isLessThanOrEqualTo(share + 1e-6).isGreaterThan(share - 1 - 1e-6);
                }
            }
            assertThat(sum).as("case %d: %d units in %d levels of %s", c, units, n, split).isEqualTo(units);
        }
    }
}
