package io.marketintel.api.ta;

import java.util.Arrays;

/**
 * True range, Wilder's average true range and the rolling standard deviation, computed and seeded
 * like TA-Lib's {@code TA_TRANGE}, {@code TA_ATR} and {@code TA_STDDEV}.
 *
 * <p>Every kernel writes one value per input bar into a caller-supplied array of at least the input
 * length: {@code NaN} for the first {@code lookback} bars, the indicator afterwards. The allocating
 * variants return a new array. Inputs are read, never modified; the output must be a different
 * array. {@code high}, {@code low} and {@code close} must have the same length. Inputs are assumed
 * finite: a {@code NaN} in the input propagates.
 */
public final class Volatility {

    private Volatility() {
    }

    /**
     * Number of leading {@code NaN}s written by {@link #trueRange}: {@code 1} (the first bar has no
     * previous close).
     *
     * @return {@code 1}
     */
    public static int trueRangeLookback() {
        return 1;
    }

    /**
     * Wilder's true range: {@code max(high − low, |high − prevClose|, |low − prevClose|)}.
     * Lookback 1, as in TA-Lib ({@code out[0]} is {@code NaN}).
     *
     * @param high  highs
     * @param low   lows
     * @param close closes
     * @param out   output, length {@code >= high.length}
     * @throws IllegalArgumentException if an argument is null, lengths differ, {@code out} is too
     *                                  short or is an input array
     */
    public static void trueRange(double[] high, double[] low, double[] close, double[] out) {
        checkHlc(high, low, close, out);
        int n = high.length;
        if (n == 0) {
            return;
        }
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            out[i] = trueRange(high[i], low[i], close[i - 1]);
        }
    }

    static double trueRange(double high, double low, double prevClose) {
        double range = high - low;
        double up = Math.abs(high - prevClose);
        if (up > range) {
            range = up;
        }
        double down = Math.abs(low - prevClose);
        if (down > range) {
            range = down;
        }
        return range;
    }

    /**
     * Number of leading {@code NaN}s written by {@link #atr(double[], double[], double[], int, double[])}:
     * {@code period}.
     *
     * @param period ATR period, {@code >= 1}
     * @return {@code period}
     */
    public static int atrLookback(int period) {
        Check.atLeast(period, 1, "period");
        return period;
    }

    /**
     * Wilder's average true range: {@code atr = (atr × (period − 1) + TR) / period}.
     *
     * <p>Seeding (Wilder's, TA-Lib's {@code TA_ATR}): the first ATR, at index {@code period}, is the
     * simple average of the true ranges of bars {@code 1 … period}; bar 0 contributes no true range.
     * Lookback {@code period}; {@code period = 1} gives the true range itself. Like every Wilder
     * average ({@code α = 1/period}) the seed fades as {@code (1 − 1/period)^k}: implementations
     * seeded differently (ta4j starts from {@code high − low} of bar 0) agree to 1e-6 only about
     * {@code 20 × period} bars later. TA-Lib's unstable period for ATR defaults to 0.
     *
     * @param high   highs
     * @param low    lows
     * @param close  closes
     * @param period ATR period, {@code >= 1} (14 is Wilder's)
     * @param out    output, length {@code >= high.length}; {@code NaN} for {@code i < period}
     * @throws IllegalArgumentException if an argument is null, lengths differ, {@code period < 1},
     *                                  {@code out} is too short or is an input array
     */
    public static void atr(double[] high, double[] low, double[] close, int period, double[] out) {
        checkHlc(high, low, close, out);
        Check.atLeast(period, 1, "period");
        int n = high.length;
        if (n <= period) {
            Arrays.fill(out, 0, n, Double.NaN);
            return;
        }
        out[0] = Double.NaN;
        double sum = 0.0;
        for (int i = 1; i <= period; i++) {
            sum += trueRange(high[i], low[i], close[i - 1]);
            out[i] = Double.NaN;
        }
        double atr = sum / period;
        out[period] = atr;
        int m = period - 1;
        for (int i = period + 1; i < n; i++) {
            atr *= m;
            atr += trueRange(high[i], low[i], close[i - 1]);
            atr /= period;
            out[i] = atr;
        }
    }

    /**
     * Allocating variant of {@link #atr(double[], double[], double[], int, double[])}.
     *
     * @param high   highs
     * @param low    lows
     * @param close  closes
     * @param period ATR period, {@code >= 1}
     * @return a new array of {@code high.length} values
     */
    public static double[] atr(double[] high, double[] low, double[] close, int period) {
        Check.notNull(high, "high");
        double[] out = new double[high.length];
        atr(high, low, close, period, out);
        return out;
    }

    /**
     * Number of leading {@code NaN}s written by the standard deviation kernels: {@code period − 1}.
     *
     * @param period window length, {@code >= 2}
     * @return {@code period − 1}
     */
    public static int stdDevLookback(int period) {
        Check.atLeast(period, 2, "period");
        return period - 1;
    }

    /**
     * Rolling <em>population</em> standard deviation over the last {@code period} values:
     * {@code sqrt(Σ (x − mean)² / period)}. This is TA-Lib's {@code TA_STDDEV} with
     * {@code nbDev = 1} (TA-Lib divides by {@code period}, not {@code period − 1}); use
     * {@link #sampleStdDev} for the unbiased-variance version.
     *
     * <p>Lookback {@code period − 1}; no seeding. O(1) per bar with a numerically guarded rolling
     * update (exact recomputation whenever cancellation could cost precision, so a constant window
     * gives exactly {@code 0} and a spike leaving the window leaves no residue).
     *
     * @param in     input series
     * @param period window length, {@code >= 2}
     * @param out    output, length {@code >= in.length}; {@code NaN} for {@code i < period − 1}
     * @throws IllegalArgumentException if an argument is null, {@code period < 2}, {@code out} is too
     *                                  short or is the input array
     */
    public static void stdDev(double[] in, int period, double[] out) {
        rollingStdDev(in, period, out, period);
    }

    /**
     * Allocating variant of {@link #stdDev(double[], int, double[])}.
     *
     * @param in     input series
     * @param period window length, {@code >= 2}
     * @return a new array of {@code in.length} values
     */
    public static double[] stdDev(double[] in, int period) {
        Check.notNull(in, "in");
        double[] out = new double[in.length];
        stdDev(in, period, out);
        return out;
    }

    /**
     * Rolling <em>sample</em> standard deviation: {@code sqrt(Σ (x − mean)² / (period − 1))}.
     * Otherwise as {@link #stdDev(double[], int, double[])}; lookback {@code period − 1}.
     *
     * @param in     input series
     * @param period window length, {@code >= 2}
     * @param out    output, length {@code >= in.length}; {@code NaN} for {@code i < period − 1}
     * @throws IllegalArgumentException if an argument is null, {@code period < 2}, {@code out} is too
     *                                  short or is the input array
     */
    public static void sampleStdDev(double[] in, int period, double[] out) {
        rollingStdDev(in, period, out, period - 1);
    }

    private static void rollingStdDev(double[] in, int period, double[] out, int divisor) {
        Check.notNull(in, "in");
        Check.atLeast(period, 2, "period");
        Check.output(out, in.length, "out");
        Check.notAliased(in, "in", out, "out");
        int n = in.length;
        int lookback = period - 1;
        if (n <= lookback) {
            Arrays.fill(out, 0, n, Double.NaN);
            return;
        }
        Arrays.fill(out, 0, lookback, Double.NaN);
        RollingMoments w = new RollingMoments(in, period);
        w.exact(lookback);
        out[lookback] = Math.sqrt(w.m2 / divisor);
        for (int i = lookback + 1; i < n; i++) {
            w.slide(i);
            out[i] = Math.sqrt(w.m2 / divisor);
        }
    }

    static void checkHlc(double[] high, double[] low, double[] close, double[] out) {
        Check.sameLength(high, "high", low, "low");
        Check.sameLength(high, "high", close, "close");
        Check.output(out, high.length, "out");
        Check.notAliased(high, "high", out, "out");
        Check.notAliased(low, "low", out, "out");
        Check.notAliased(close, "close", out, "out");
    }
}
