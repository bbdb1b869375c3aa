package io.marketintel.api.ta;

import java.util.Arrays;

/**
 * Simple and exponential moving averages, seeded like TA-Lib's {@code TA_SMA} and {@code TA_EMA}.
 *
 * <p>Every kernel writes one value per input bar into a caller-supplied array of at least the input
 * length: {@code NaN} for the first {@code lookback} bars, the indicator afterwards. The allocating
 * variants return a new array of the input length. Inputs are read, never modified; the output must
 * be a different array. Inputs are assumed finite: a {@code NaN} in the input propagates.
 */
public final class MovingAverages {

    private MovingAverages() {
    }

    /**
     * Number of leading {@code NaN}s written by {@link #sma(double[], int, double[])}: {@code period - 1}.
     *
     * @param period window length, {@code >= 1}
     * @return {@code period - 1}
     */
    public static int smaLookback(int period) {
        Check.atLeast(period, 1, "period");
        return period - 1;
    }

    /**
     * Simple moving average: {@code out[i] = (in[i-period+1] + … + in[i]) / period}.
     *
     * <p>Lookback {@code period - 1}. One pass with a running sum (the value leaving the window is
     * subtracted, as TA-Lib does); no seeding is involved.
     *
     * @param in     input series
     * @param period window length, {@code >= 1}
     * @param out    output, length {@code >= in.length}; {@code NaN} for {@code i < period - 1}
     * @throws IllegalArgumentException if an argument is null, {@code period < 1}, {@code out} is too
     *                                  short or is the input array
     */
    public static void sma(double[] in, int period, double[] out) {
        Check.notNull(in, "in");
        Check.atLeast(period, 1, "period");
        Check.output(out, in.length, "out");
        Check.notAliased(in, "in", out, "out");
        int n = in.length;
        int lookback = period - 1;
        if (n <= lookback) {
            Arrays.fill(out, 0, n, Double.NaN);
            return;
        }
        double sum = 0.0;
        for (int i = 0; i < lookback; i++) {
            sum += in[i];
            out[i] = Double.NaN;
        }
        for (int i = lookback; i < n; i++) {
            sum += in[i];
            out[i] = sum / period;
            sum -= in[i - lookback];
        }
    }

    /**
     * Allocating variant of {@link #sma(double[], int, double[])}.
     *
     * @param in     input series
     * @param period window length, {@code >= 1}
     * @return a new array of {@code in.length} values
     */
    public static double[] sma(double[] in, int period) {
        Check.notNull(in, "in");
        double[] out = new double[in.length];
        sma(in, period, out);
        return out;
    }

    /**
     * Number of leading {@code NaN}s written by {@link #ema(double[], int, double[])}: {@code period - 1}.
     *
     * @param period EMA period, {@code >= 1}
     * @return {@code period - 1}
     */
    public static int emaLookback(int period) {
        Check.atLeast(period, 1, "period");
        return period - 1;
    }

    /**
     * Exponential moving average with {@code k = 2 / (period + 1)}:
     * {@code out[i] = out[i-1] + k * (in[i] - out[i-1])}.
     *
     * <p>Seeding (TA-Lib's default, "classic" compatibility): the first value, at index
     * {@code period - 1}, is the simple average of the first {@code period} inputs; the recursion
     * starts from it. Lookback {@code period - 1}. The seed's weight in {@code out[i]} is
     * {@code (1-k)^(i-period+1)}: implementations that seed with the first input instead (ta4j,
     * Metastock) agree with this one only after that weight has decayed (about {@code 10 × period}
     * bars for 9 significant digits). TA-Lib's "unstable period" for EMA defaults to 0, so TA-Lib also
     * publishes these early values.
     *
     * @param in     input series
     * @param period EMA period, {@code >= 1} ({@code 1} copies the input)
     * @param out    output, length {@code >= in.length}; {@code NaN} for {@code i < period - 1}
     * @throws IllegalArgumentException if an argument is null, {@code period < 1}, {@code out} is too
     *                                  short or is the input array
     */
    public static void ema(double[] in, int period, double[] out) {
        Check.notNull(in, "in");
        Check.atLeast(period, 1, "period");
        Check.output(out, in.length, "out");
        Check.notAliased(in, "in", out, "out");
        emaUnchecked(in, 0, in.length, period, 2.0 / (period + 1), out);
    }

    /**
     * Allocating variant of {@link #ema(double[], int, double[])}.
     *
     * @param in     input series
     * @param period EMA period, {@code >= 1}
     * @return a new array of {@code in.length} values
     */
    public static double[] ema(double[] in, int period) {
        Check.notNull(in, "in");
        double[] out = new double[in.length];
        ema(in, period, out);
        return out;
    }

    /**
     * EMA over {@code in[from, to)} with smoothing {@code k}, seeded with the SMA of
     * {@code in[from, from + period)}; writes {@code out[from, to)} ({@code NaN} before the seed).
     */
    static void emaUnchecked(double[] in, int from, int to, int period, double k, double[] out) {
        int seedIdx = from + period - 1;
        if (to <= seedIdx) {
            Arrays.fill(out, from, to, Double.NaN);
            return;
        }
        double sum = 0.0;
        for (int i = from; i <= seedIdx; i++) {
            sum += in[i];
        }
        Arrays.fill(out, from, seedIdx, Double.NaN);
        double prev = sum / period;
        out[seedIdx] = prev;
        for (int i = seedIdx + 1; i < to; i++) {
            prev = (in[i] - prev) * k + prev;
            out[i] = prev;
        }
    }
}
