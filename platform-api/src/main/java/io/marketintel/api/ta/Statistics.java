package io.marketintel.api.ta;

import java.util.Arrays;

/**
 * Returns, Pearson correlation (two series and a whole correlation matrix), OLS beta and z-scores.
 *
 * <p>Series kernels write one value per input bar into a caller-supplied array ({@code NaN} during
 * the lookback); scalar functions return a {@code double}. Inputs are read, never modified. Inputs
 * are assumed finite: a {@code NaN} propagates. Correlation and beta use two passes (means first,
 * then centred sums), which keeps full precision even for price levels far from zero.
 */
public final class Statistics {

    private Statistics() {
    }

    /**
     * Number of leading {@code NaN}s of the return kernels: {@code 1}.
     *
     * @return {@code 1}
     */
    public static int returnsLookback() {
        return 1;
    }

    /**
     * Simple returns: {@code out[i] = in[i] / in[i−1] − 1}; {@code out[0]} is {@code NaN}.
     *
     * @param in  prices
     * @param out output, length {@code >= in.length}
     * @throws IllegalArgumentException if an argument is null, {@code out} is too short or is the input
     */
    public static void simpleReturns(double[] in, double[] out) {
        checkSeries(in, out);
        int n = in.length;
        if (n == 0) {
            return;
        }
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            out[i] = in[i] / in[i - 1] - 1.0;
        }
    }

    /**
     * Allocating variant of {@link #simpleReturns(double[], double[])}.
     *
     * @param in prices
     * @return a new array of {@code in.length} values
     */
    public static double[] simpleReturns(double[] in) {
        Check.notNull(in, "in");
        double[] out = new double[in.length];
        simpleReturns(in, out);
        return out;
    }

    /**
     * Logarithmic returns: {@code out[i] = ln(in[i] / in[i−1])}; {@code out[0]} is {@code NaN}.
     *
     * @param in  prices (positive)
     * @param out output, length {@code >= in.length}
     * @throws IllegalArgumentException if an argument is null, {@code out} is too short or is the input
     */
    public static void logReturns(double[] in, double[] out) {
        checkSeries(in, out);
        int n = in.length;
        if (n == 0) {
            return;
        }
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            out[i] = Math.log(in[i] / in[i - 1]);
        }
    }

    /**
     * Allocating variant of {@link #logReturns(double[], double[])}.
     *
     * @param in prices (positive)
     * @return a new array of {@code in.length} values
     */
    public static double[] logReturns(double[] in) {
        Check.notNull(in, "in");
        double[] out = new double[in.length];
        logReturns(in, out);
        return out;
    }

    /**
     * Pearson correlation of two whole series:
     * {@code r = Σ(x−x̄)(y−ȳ) / sqrt(Σ(x−x̄)² · Σ(y−ȳ)²)}.
     *
     * @param x first series
     * @param y second series, same length, at least 2 values
     * @return r in {@code [−1, 1]}, or {@code NaN} when either series is constant
     * @throws IllegalArgumentException if a series is null, lengths differ or fewer than 2 values
     */
    public static double pearson(double[] x, double[] y) {
        Check.sameLength(x, "x", y, "y");
        return pearson(x, y, 0, x.length);
    }

    /**
     * Pearson correlation of {@code x[from, to)} and {@code y[from, to)} — use {@code from = 1} to
     * skip the {@code NaN} that the return kernels write at index 0.
     *
     * @param x    first series
     * @param y    second series, same length
     * @param from first index, inclusive
     * @param to   last index, exclusive; {@code to − from >= 2}
     * @return r in {@code [−1, 1]}, or {@code NaN} when either range is constant
     * @throws IllegalArgumentException if a series is null, lengths differ or the range is invalid
     */
    public static double pearson(double[] x, double[] y, int from, int to) {
        Check.sameLength(x, "x", y, "y");
        checkRange(x.length, from, to);
        int len = to - from;
        double sx = 0.0;
        double sy = 0.0;
        for (int i = from; i < to; i++) {
            sx += x[i];
            sy += y[i];
        }
        double mx = sx / len;
        double my = sy / len;
        double sxx = 0.0;
        double syy = 0.0;
        double sxy = 0.0;
        for (int i = from; i < to; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0.0 || syy == 0.0) {
            return Double.NaN;
        }
        return clamp(sxy / Math.sqrt(sxx * syy));
    }

    /**
     * OLS beta: the slope of the least-squares line of {@code y} on {@code x},
     * {@code β = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²} (for returns: {@code cov(asset, market) / var(market)}).
     *
     * @param y dependent series (e.g. the asset's returns)
     * @param x explanatory series (e.g. the market's returns), same length, at least 2 values
     * @return the slope, or {@code NaN} when {@code x} is constant
     * @throws IllegalArgumentException if a series is null, lengths differ or fewer than 2 values
     */
    public static double beta(double[] y, double[] x) {
        Check.sameLength(y, "y", x, "x");
        return beta(y, x, 0, x.length);
    }

    /**
     * OLS beta of {@code y[from, to)} on {@code x[from, to)}; see {@link #beta(double[], double[])}.
     *
     * @param y    dependent series
     * @param x    explanatory series, same length
     * @param from first index, inclusive
     * @param to   last index, exclusive; {@code to − from >= 2}
     * @return the slope, or {@code NaN} when {@code x} is constant over the range
     * @throws IllegalArgumentException if a series is null, lengths differ or the range is invalid
     */
    public static double beta(double[] y, double[] x, int from, int to) {
        Check.sameLength(y, "y", x, "x");
        checkRange(x.length, from, to);
        int len = to - from;
        double sx = 0.0;
        double sy = 0.0;
        for (int i = from; i < to; i++) {
            sx += x[i];
            sy += y[i];
        }
        double mx = sx / len;
        double my = sy / len;
        double sxx = 0.0;
        double sxy = 0.0;
        for (int i = from; i < to; i++) {
            double dx = x[i] - mx;
            sxx += dx * dx;
            sxy += dx * (y[i] - my);
        }
        return sxx == 0.0 ? Double.NaN : sxy / sxx;
    }

    /**
     * Correlation matrix of many series of equal length; see
     * {@link #correlationMatrix(double[][], int, int, double[][], double[])}. Allocates the scratch
     * ({@code series.length × length} doubles) and the result.
     *
     * @param series {@code m} series, each at least 2 values, all the same length
     * @return a new {@code m × m} symmetric matrix
     */
    public static double[][] correlationMatrix(double[][] series) {
        Check.notNull(series, "series");
        int m = series.length;
        int len = m == 0 ? 0 : lengthOf(series);
        double[][] out = new double[m][m];
        if (m > 0) {
            correlationMatrix(series, 0, len, out, new double[m * len]);
        }
        return out;
    }

    /**
     * Pearson correlation matrix of {@code series[s][from, to)} for every pair of series.
     *
     * <p>Each series is centred and scaled to unit norm once, {@code z = (x − x̄) / ‖x − x̄‖}, into
     * {@code scratch}; every entry is then one dot product {@code r(i, j) = z_i · z_j}. Cost
     * {@code m × len} for the normalisation plus {@code m(m−1)/2 × len} multiply-adds, with no
     * allocation. For 100 series × 1,000 returns that is 5 million multiply-adds in one call.
     *
     * @param series  {@code m} series of the same length
     * @param from    first index, inclusive (use 1 to skip the {@code NaN} of return series)
     * @param to      last index, exclusive; {@code to − from >= 2}
     * @param out     {@code m × m} result (rows of length {@code >= m}): symmetric, 1 on the
     *                diagonal, values clamped to {@code [−1, 1]}; a constant series gets a row and
     *                column of {@code NaN}
     * @param scratch working space of at least {@code m × (to − from)} doubles, overwritten
     * @throws IllegalArgumentException if an argument is null, the series differ in length, the range
     *                                  is invalid or {@code out}/{@code scratch} are too small
     */
    public static void correlationMatrix(double[][] series, int from, int to, double[][] out, double[] scratch) {
        Check.notNull(series, "series");
        int m = series.length;
        if (m == 0) {
            return;
        }
        int total = lengthOf(series);
        checkRange(total, from, to);
        Check.notNull(out, "out");
        if (out.length < m) {
            throw new IllegalArgumentException("argument [out] must have >= " + m + " rows, had " + out.length);
        }
        for (int i = 0; i < m; i++) {
            if (out[i] == null || out[i].length < m) {
                throw new IllegalArgumentException("argument [out] row " + i + " must have length >= " + m);
            }
        }
        int len = to - from;
        Check.notNull(scratch, "scratch");
        if ((long) m * len > scratch.length) {
            throw new IllegalArgumentException("argument [scratch] must have length >= " + ((long) m * len)
                    + " (series × values), was " + scratch.length);
        }
        boolean[] constant = null;
        for (int s = 0; s < m; s++) {
            double[] x = series[s];
            int base = s * len;
            double sum = 0.0;
            for (int i = from; i < to; i++) {
                sum += x[i];
            }
            double mean = sum / len;
            double ss = 0.0;
            for (int i = from, k = base; i < to; i++, k++) {
                double d = x[i] - mean;
                scratch[k] = d;
                ss += d * d;
            }
            if (ss == 0.0) {
                if (constant == null) {
                    constant = new boolean[m];
                }
                constant[s] = true;
                continue;
            }
            double inv = 1.0 / Math.sqrt(ss);
            for (int k = base, end = base + len; k < end; k++) {
                scratch[k] *= inv;
            }
        }
        for (int i = 0; i < m; i++) {
            double[] row = out[i];
            if (constant != null && constant[i]) {
                for (int j = 0; j < m; j++) {
                    row[j] = Double.NaN;
                    out[j][i] = Double.NaN;
                }
                continue;
            }
            row[i] = 1.0;
            int bi = i * len;
            for (int j = i + 1; j < m; j++) {
                if (constant != null && constant[j]) {
                    continue;
                }
                double r = clamp(dot(scratch, bi, j * len, len));
                row[j] = r;
                out[j][i] = r;
            }
        }
    }

    /** Dot product with four independent accumulators (breaks the add dependency chain). */
    private static double dot(double[] a, int ia, int ib, int len) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int k = 0;
        for (int end = len - 3; k < end; k += 4) {
            s0 += a[ia + k] * a[ib + k];
            s1 += a[ia + k + 1] * a[ib + k + 1];
            s2 += a[ia + k + 2] * a[ib + k + 2];
            s3 += a[ia + k + 3] * a[ib + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[ia + k] * a[ib + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Number of leading {@code NaN}s written by {@link #rollingZScore}: {@code period − 1}.
     *
     * @param period window length, {@code >= 2}
     * @return {@code period − 1}
     */
    public static int zScoreLookback(int period) {
        Check.atLeast(period, 2, "period");
        return period - 1;
    }

    /**
     * Z-score of the last value against the window made of the last {@code period} values (the last
     * value included): {@code (x_last − mean) / σ}, with σ the <em>population</em> standard deviation
     * of the window (as {@link Volatility#stdDev}).
     *
     * @param in     series, at least {@code period} values
     * @param period window length, {@code >= 2}
     * @return the z-score; {@code 0} when the window is constant
     * @throws IllegalArgumentException if {@code in} is null, {@code period < 2} or
     *                                  {@code in.length < period}
     */
    public static double zScore(double[] in, int period) {
        Check.notNull(in, "in");
        Check.atLeast(period, 2, "period");
        if (in.length < period) {
            throw new IllegalArgumentException("argument [in] must have length >= period (" + period
                    + "), was " + in.length);
        }
        RollingMoments w = new RollingMoments(in, period);
        int last = in.length - 1;
        w.exact(last);
        return z(in[last], w.mean, w.m2, period);
    }

    /**
     * Rolling z-score: {@code out[i] = (in[i] − mean_i) / σ_i} over the window
     * {@code in[i−period+1 … i]}, σ the population standard deviation; {@code 0} for a constant
     * window. Lookback {@code period − 1}; O(1) per bar with the same guarded rolling update as
     * {@link Volatility#stdDev}.
     *
     * @param in     series
     * @param period window length, {@code >= 2}
     * @param out    output, length {@code >= in.length}; {@code NaN} for {@code i < period − 1}
     * @throws IllegalArgumentException if an argument is null, {@code period < 2}, {@code out} is too
     *                                  short or is the input array
     */
    public static void rollingZScore(double[] in, int period, double[] out) {
        checkSeries(in, out);
        Check.atLeast(period, 2, "period");
        int n = in.length;
        int lookback = period - 1;
        if (n <= lookback) {
            Arrays.fill(out, 0, n, Double.NaN);
            return;
        }
        Arrays.fill(out, 0, lookback, Double.NaN);
        RollingMoments w = new RollingMoments(in, period);
        w.exact(lookback);
        out[lookback] = z(in[lookback], w.mean, w.m2, period);
        for (int i = lookback + 1; i < n; i++) {
            w.slide(i);
            out[i] = z(in[i], w.mean, w.m2, period);
        }
    }

    /**
     * Allocating variant of {@link #rollingZScore(double[], int, double[])}.
     *
     * @param in     series
     * @param period window length, {@code >= 2}
     * @return a new array of {@code in.length} values
     */
    public static double[] rollingZScore(double[] in, int period) {
        Check.notNull(in, "in");
        double[] out = new double[in.length];
        rollingZScore(in, period, out);
        return out;
    }

    private static double z(double x, double mean, double m2, int period) {
        return m2 > 0.0 ? (x - mean) / Math.sqrt(m2 / period) : 0.0;
    }

    private static double clamp(double r) {
        return r > 1.0 ? 1.0 : (r < -1.0 ? -1.0 : r);
    }

    private static void checkSeries(double[] in, double[] out) {
        Check.notNull(in, "in");
        Check.output(out, in.length, "out");
        Check.notAliased(in, "in", out, "out");
    }

    private static void checkRange(int length, int from, int to) {
        if (from < 0 || to > length || to - from < 2) {
            throw new IllegalArgumentException("arguments [from, to) must select at least 2 values within [0, "
                    + length + "), were [" + from + ", " + to + ")");
        }
    }

    private static int lengthOf(double[][] series) {
        Check.notNull(series[0], "series[0]");
        int len = series[0].length;
        for (int s = 1; s < series.length; s++) {
            Check.notNull(series[s], "series[" + s + "]");
            if (series[s].length != len) {
                throw new IllegalArgumentException("argument [series] must hold series of one length: series[0] has "
                        + len + " values, series[" + s + "] has " + series[s].length);
            }
        }
        return len;
    }
}
