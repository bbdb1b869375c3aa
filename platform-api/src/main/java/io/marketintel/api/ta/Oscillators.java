package io.marketintel.api.ta;

import java.util.Arrays;

/**
 * Wilder's RSI and MACD, computed and seeded like TA-Lib's {@code TA_RSI} and {@code TA_MACD}
 * (default, "classic" compatibility, unstable period 0).
 *
 * <p>Every kernel writes one value per input bar into caller-supplied arrays of at least the input
 * length: {@code NaN} for the first {@code lookback} bars, the indicator afterwards. The allocating
 * variants return new arrays. Inputs are read, never modified; outputs must be distinct arrays,
 * different from the input. Inputs are assumed finite: a {@code NaN} in the input propagates.
 */
public final class Oscillators {

    private Oscillators() {
    }

    /**
     * Number of leading {@code NaN}s written by {@link #rsi(double[], int, double[])}: {@code period}
     * (the first change needs two prices).
     *
     * @param period RSI period, {@code >= 2}
     * @return {@code period}
     */
    public static int rsiLookback(int period) {
        Check.atLeast(period, 2, "period");
        return period;
    }

    /**
     * Wilder's relative strength index, {@code RSI = 100 × avgGain / (avgGain + avgLoss)} (the same as
     * {@code 100 − 100 / (1 + RS)}).
     *
     * <p>Seeding (Wilder's, TA-Lib's classic mode): {@code avgGain} and {@code avgLoss} start as the
     * simple averages of the gains and losses of the first {@code period} price changes
     * ({@code in[1]-in[0]} … {@code in[period]-in[period-1]}); the first RSI is at index
     * {@code period}. Afterwards Wilder smoothing ({@code α = 1/period}):
     * {@code avg = (avg × (period − 1) + current) / period}. Lookback {@code period}.
     *
     * <p>When a window has neither gains nor losses the RSI is {@code 0}, as in TA-Lib. TA-Lib treats
     * sums below {@code 1e-8} as zero; this kernel only treats an exact zero as zero, so assets
     * priced far below one unit keep a meaningful RSI. Wilder smoothing forgets its seed slowly
     * ({@code (1 − 1/period)^k}): implementations seeded differently (ta4j starts from the first
     * bar) agree to 1e-6 only some {@code 20 × period} bars later.
     *
     * @param in     prices (usually closes)
     * @param period RSI period, {@code >= 2} (14 is Wilder's)
     * @param out    output, length {@code >= in.length}; {@code NaN} for {@code i < period}
     * @throws IllegalArgumentException if an argument is null, {@code period < 2}, {@code out} is too
     *                                  short or is the input array
     */
    public static void rsi(double[] in, int period, double[] out) {
        Check.notNull(in, "in");
        Check.atLeast(period, 2, "period");
        Check.output(out, in.length, "out");
        Check.notAliased(in, "in", out, "out");
        int n = in.length;
        if (n <= period) {
            Arrays.fill(out, 0, n, Double.NaN);
            return;
        }
        double gain = 0.0;
        double loss = 0.0;
        out[0] = Double.NaN;
        for (int i = 1; i <= period; i++) {
            double change = in[i] - in[i - 1];
            if (change < 0) {
                loss -= change;
            } else {
                gain += change;
            }
            out[i] = Double.NaN;
        }
        gain /= period;
        loss /= period;
        out[period] = rsiValue(gain, loss);
        int m = period - 1;
        for (int i = period + 1; i < n; i++) {
            double change = in[i] - in[i - 1];
            gain *= m;
            loss *= m;
            if (change < 0) {
                loss -= change;
            } else {
                gain += change;
            }
            gain /= period;
            loss /= period;
            out[i] = rsiValue(gain, loss);
        }
    }

    private static double rsiValue(double gain, double loss) {
        double total = gain + loss;
        return total != 0.0 ? 100.0 * (gain / total) : 0.0;
    }

    /**
     * Allocating variant of {@link #rsi(double[], int, double[])}.
     *
     * @param in     prices
     * @param period RSI period, {@code >= 2}
     * @return a new array of {@code in.length} values
     */
    public static double[] rsi(double[] in, int period) {
        Check.notNull(in, "in");
        double[] out = new double[in.length];
        rsi(in, period, out);
        return out;
    }

    /**
     * Number of leading {@code NaN}s in all three outputs of
     * {@link #macd(double[], int, int, int, double[], double[], double[])}:
     * {@code (slowPeriod − 1) + (signalPeriod − 1)}, 33 for the usual 12/26/9.
     *
     * @param fastPeriod   fast EMA period, {@code >= 2}
     * @param slowPeriod   slow EMA period, {@code > fastPeriod}
     * @param signalPeriod signal EMA period, {@code >= 1}
     * @return {@code slowPeriod + signalPeriod − 2}
     */
    public static int macdLookback(int fastPeriod, int slowPeriod, int signalPeriod) {
        checkMacd(fastPeriod, slowPeriod, signalPeriod);
        return slowPeriod + signalPeriod - 2;
    }

    private static void checkMacd(int fastPeriod, int slowPeriod, int signalPeriod) {
        Check.atLeast(fastPeriod, 2, "fastPeriod");
        Check.atLeast(slowPeriod, fastPeriod + 1, "slowPeriod");
        Check.atLeast(signalPeriod, 1, "signalPeriod");
    }

    /**
     * Moving average convergence/divergence: {@code macd = EMA(fast) − EMA(slow)},
     * {@code signal = EMA(macd, signalPeriod)}, {@code histogram = macd − signal}; EMAs use
     * {@code k = 2 / (period + 1)}.
     *
     * <p>Seeding (TA-Lib's {@code TA_MACD}): both EMAs produce their first value at index
     * {@code slowPeriod − 1}. The slow EMA is seeded with the simple average of inputs
     * {@code [0, slowPeriod)}, the fast EMA with the simple average of the {@code fastPeriod} inputs
     * ending at the same index ({@code [slowPeriod − fastPeriod, slowPeriod)}) — so the fast EMA
     * ignores the first {@code slowPeriod − fastPeriod} bars, exactly as TA-Lib does. The signal
     * EMA is seeded with the simple average of the first {@code signalPeriod} MACD values. As in
     * TA-Lib all three outputs start together, at the lookback index
     * {@code slowPeriod + signalPeriod − 2}; earlier elements are {@code NaN}. Unlike TA-Lib, which
     * silently swaps the periods, {@code slowPeriod <= fastPeriod} is rejected.
     *
     * <p>One pass, no allocation: the MACD values needed for the signal seed are kept in
     * {@code outMacd} until the seed is known.
     *
     * @param in           prices
     * @param fastPeriod   fast EMA period, {@code >= 2} (12)
     * @param slowPeriod   slow EMA period, {@code > fastPeriod} (26)
     * @param signalPeriod signal EMA period, {@code >= 1} (9)
     * @param outMacd      MACD line, length {@code >= in.length}
     * @param outSignal    signal line, length {@code >= in.length}
     * @param outHist      histogram, length {@code >= in.length}
     * @throws IllegalArgumentException if an argument is null, a period is out of range, an output
     *                                  is too short, or two arrays are the same
     */
    public static void macd(double[] in, int fastPeriod, int slowPeriod, int signalPeriod,
                            double[] outMacd, double[] outSignal, double[] outHist) {
        Check.notNull(in, "in");
        checkMacd(fastPeriod, slowPeriod, signalPeriod);
        Check.output(outMacd, in.length, "outMacd");
        Check.output(outSignal, in.length, "outSignal");
        Check.output(outHist, in.length, "outHist");
        Check.notAliased(in, "in", outMacd, "outMacd");
        Check.notAliased(in, "in", outSignal, "outSignal");
        Check.notAliased(in, "in", outHist, "outHist");
        Check.notAliased(outMacd, "outMacd", outSignal, "outSignal");
        Check.notAliased(outMacd, "outMacd", outHist, "outHist");
        Check.notAliased(outSignal, "outSignal", outHist, "outHist");
        int n = in.length;
        int lookback = slowPeriod + signalPeriod - 2;
        if (n <= lookback) {
            Arrays.fill(outMacd, 0, n, Double.NaN);
            Arrays.fill(outSignal, 0, n, Double.NaN);
            Arrays.fill(outHist, 0, n, Double.NaN);
            return;
        }
        int first = slowPeriod - 1;
        double slowSum = 0.0;
        for (int i = 0; i <= first; i++) {
            slowSum += in[i];
        }
        double fastSum = 0.0;
        for (int i = slowPeriod - fastPeriod; i <= first; i++) {
            fastSum += in[i];
        }
        double kSlow = 2.0 / (slowPeriod + 1);
        double kFast = 2.0 / (fastPeriod + 1);
        double kSignal = 2.0 / (signalPeriod + 1);
        double slow = slowSum / slowPeriod;
        double fast = fastSum / fastPeriod;

        // MACD values from the first EMA value up to the signal seed, parked in outMacd.
        double signalSum = fast - slow;
        outMacd[first] = signalSum;
        for (int i = first + 1; i <= lookback; i++) {
            double x = in[i];
            slow = (x - slow) * kSlow + slow;
            fast = (x - fast) * kFast + fast;
            double m = fast - slow;
            outMacd[i] = m;
            signalSum += m;
        }
        double signal = signalSum / signalPeriod;
        outSignal[lookback] = signal;
        outHist[lookback] = outMacd[lookback] - signal;
        for (int i = lookback + 1; i < n; i++) {
            double x = in[i];
            slow = (x - slow) * kSlow + slow;
            fast = (x - fast) * kFast + fast;
            double m = fast - slow;
            signal = (m - signal) * kSignal + signal;
            outMacd[i] = m;
            outSignal[i] = signal;
            outHist[i] = m - signal;
        }
        Arrays.fill(outMacd, 0, lookback, Double.NaN);
        Arrays.fill(outSignal, 0, lookback, Double.NaN);
        Arrays.fill(outHist, 0, lookback, Double.NaN);
    }

    /**
     * Allocating variant of {@link #macd(double[], int, int, int, double[], double[], double[])}.
     *
     * @param in           prices
     * @param fastPeriod   fast EMA period, {@code >= 2}
     * @param slowPeriod   slow EMA period, {@code > fastPeriod}
     * @param signalPeriod signal EMA period, {@code >= 1}
     * @return the three lines, each a new array of {@code in.length} values
     */
    public static MacdSeries macd(double[] in, int fastPeriod, int slowPeriod, int signalPeriod) {
        Check.notNull(in, "in");
        int n = in.length;
        MacdSeries result = new MacdSeries(new double[n], new double[n], new double[n]);
        macd(in, fastPeriod, slowPeriod, signalPeriod, result.macd(), result.signal(), result.histogram());
        return result;
    }

    /**
     * The three MACD lines, index-aligned with the input. The arrays are shared, not copied.
     *
     * @param macd      {@code EMA(fast) − EMA(slow)}
     * @param signal    EMA of {@code macd}
     * @param histogram {@code macd − signal}
     */
    public record MacdSeries(double[] macd, double[] signal, double[] histogram) {
    }
}
