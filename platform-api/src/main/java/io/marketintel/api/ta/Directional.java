package io.marketintel.api.ta;

import java.util.Arrays;

/**
 * Wilder's directional movement system: +DI, −DI and ADX, computed and seeded like TA-Lib's
 * {@code TA_PLUS_DI}, {@code TA_MINUS_DI} and {@code TA_ADX} (no rounding, unstable period 0).
 *
 * <p>Definitions, per bar {@code i >= 1}: {@code up = high[i] − high[i−1]},
 * {@code down = low[i−1] − low[i]}; {@code +DM1 = up} if {@code up > down} and {@code up > 0}, else
 * 0; {@code −DM1 = down} if {@code down > up} and {@code down > 0}, else 0; {@code TR1} is the true
 * range. {@code +DM}, {@code −DM} and {@code TR} are Wilder-smoothed ({@code S = S − S/period + x});
 * {@code +DI = 100 × +DM / TR}, {@code −DI = 100 × −DM / TR},
 * {@code DX = 100 × |+DI − −DI| / (+DI + −DI)}, {@code ADX = (ADX × (period − 1) + DX) / period}.
 *
 * <p>Seeding (TA-Lib): the smoothed sums start as the plain sums of the {@code period − 1} one-bar
 * values of bars {@code 1 … period−1}; the first smoothing step happens at bar {@code period}, which
 * carries the first +DI/−DI (lookback {@code period}). The first ADX is the simple average of the
 * {@code period} DX values of bars {@code period … 2·period−1} and sits at bar {@code 2·period − 1}
 * (lookback {@code 2·period − 1}, 27 for 14). When {@code TR} is zero the DIs are {@code 0}; a bar
 * whose DX is undefined ({@code TR} or {@code +DI + −DI} zero) leaves the ADX unchanged and adds 0
 * to the initial average, as in TA-Lib (which, unlike this kernel, also treats values below 1e-8
 * as zero). ADX smooths an already smoothed quantity, so a different seed (ta4j starts all
 * averages at bar 0) fades more slowly than for ATR: about {@code 30 × period} bars for 1e-6.
 *
 * <p>Outputs: one value per input bar, {@code NaN} before the lookback. Inputs are read, never
 * modified; outputs must be distinct arrays, different from the inputs. Inputs are assumed
 * finite.
 */
public final class Directional {

    private Directional() {
    }

    /**
     * Number of leading {@code NaN}s of +DI and −DI: {@code period}.
     *
     * @param period smoothing period, {@code >= 2}
     * @return {@code period}
     */
    public static int diLookback(int period) {
        Check.atLeast(period, 2, "period");
        return period;
    }

    /**
     * Number of leading {@code NaN}s of the ADX: {@code 2 × period − 1}.
     *
     * @param period smoothing period, {@code >= 2}
     * @return {@code 2 × period − 1}
     */
    public static int adxLookback(int period) {
        Check.atLeast(period, 2, "period");
        return 2 * period - 1;
    }

    /**
     * ADX, +DI and −DI in one pass (see the class description for formulas and seeding).
     *
     * @param high       highs
     * @param low        lows
     * @param close      closes
     * @param period     smoothing period, {@code >= 2} (14 is Wilder's)
     * @param outAdx     ADX output ({@code NaN} for {@code i < 2·period − 1}), or {@code null}
     * @param outPlusDi  +DI output ({@code NaN} for {@code i < period}), or {@code null}
     * @param outMinusDi −DI output ({@code NaN} for {@code i < period}), or {@code null}
     * @throws IllegalArgumentException if an input is null, lengths differ, {@code period < 2}, all
     *                                  outputs are null, an output is too short or two arrays are
     *                                  the same
     */
    public static void adx(double[] high, double[] low, double[] close, int period,
                           double[] outAdx, double[] outPlusDi, double[] outMinusDi) {
        Check.sameLength(high, "high", low, "low");
        Check.sameLength(high, "high", close, "close");
        Check.atLeast(period, 2, "period");
        if (outAdx == null && outPlusDi == null && outMinusDi == null) {
            throw new IllegalArgumentException("arguments [outAdx], [outPlusDi] and [outMinusDi] must not all be null");
        }
        double[][] outs = {outAdx, outPlusDi, outMinusDi};
        String[] names = {"outAdx", "outPlusDi", "outMinusDi"};
        for (int k = 0; k < 3; k++) {
            if (outs[k] == null) {
                continue;
            }
            Check.output(outs[k], high.length, names[k]);
            Check.notAliased(high, "high", outs[k], names[k]);
            Check.notAliased(low, "low", outs[k], names[k]);
            Check.notAliased(close, "close", outs[k], names[k]);
            for (int j = k + 1; j < 3; j++) {
                if (outs[j] != null) {
                    Check.notAliased(outs[k], names[k], outs[j], names[j]);
                }
            }
        }
        compute(high, low, close, period, outAdx, outPlusDi, outMinusDi);
    }

    private static void compute(double[] high, double[] low, double[] close, int period,
                                double[] outAdx, double[] outPlusDi, double[] outMinusDi) {
        int n = high.length;
        int adxStart = 2 * period - 1;
        fillNaN(outAdx, 0, Math.min(n, adxStart));
        fillNaN(outPlusDi, 0, Math.min(n, period));
        fillNaN(outMinusDi, 0, Math.min(n, period));
        if (n <= period) {
            return;
        }
        double plusDm = 0.0;
        double minusDm = 0.0;
        double tr = 0.0;
        for (int i = 1; i < period; i++) {
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            if (down > 0 && up < down) {
                minusDm += down;
            } else if (up > 0 && up > down) {
                plusDm += up;
            }
            tr += Volatility.trueRange(high[i], low[i], close[i - 1]);
        }
        double sumDx = 0.0;
        double adx = 0.0;
        for (int i = period; i < n; i++) {
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            plusDm -= plusDm / period;
            minusDm -= minusDm / period;
            if (down > 0 && up < down) {
                minusDm += down;
            } else if (up > 0 && up > down) {
                plusDm += up;
            }
            tr = tr - tr / period + Volatility.trueRange(high[i], low[i], close[i - 1]);
            double plusDi = 0.0;
            double minusDi = 0.0;
            double dx = Double.NaN;
            if (tr != 0.0) {
                plusDi = 100.0 * (plusDm / tr);
                minusDi = 100.0 * (minusDm / tr);
                double sum = plusDi + minusDi;
                if (sum != 0.0) {
                    dx = 100.0 * (Math.abs(minusDi - plusDi) / sum);
                }
            }
            if (outPlusDi != null) {
                outPlusDi[i] = plusDi;
            }
            if (outMinusDi != null) {
                outMinusDi[i] = minusDi;
            }
            if (i < adxStart) {
                if (dx == dx) {
                    sumDx += dx;
                }
            } else {
                if (i == adxStart) {
                    if (dx == dx) {
                        sumDx += dx;
                    }
                    adx = sumDx / period;
                } else if (dx == dx) {
                    adx = (adx * (period - 1) + dx) / period;
                }
                if (outAdx != null) {
                    outAdx[i] = adx;
                }
            }
        }
    }

    private static void fillNaN(double[] out, int from, int to) {
        if (out != null && to > from) {
            Arrays.fill(out, from, to, Double.NaN);
        }
    }

    /**
     * ADX alone; see {@link #adx(double[], double[], double[], int, double[], double[], double[])}.
     *
     * @param high   highs
     * @param low    lows
     * @param close  closes
     * @param period smoothing period, {@code >= 2}
     * @param out    ADX output, length {@code >= high.length}; {@code NaN} for {@code i < 2·period − 1}
     */
    public static void adx(double[] high, double[] low, double[] close, int period, double[] out) {
        Check.notNull(out, "out");
        adx(high, low, close, period, out, null, null);
    }

    /**
     * +DI alone ({@code TA_PLUS_DI}); lookback {@code period}.
     *
     * @param high   highs
     * @param low    lows
     * @param close  closes
     * @param period smoothing period, {@code >= 2}
     * @param out    +DI output, length {@code >= high.length}; {@code NaN} for {@code i < period}
     */
    public static void plusDi(double[] high, double[] low, double[] close, int period, double[] out) {
        Check.notNull(out, "out");
        adx(high, low, close, period, null, out, null);
    }

    /**
     * −DI alone ({@code TA_MINUS_DI}); lookback {@code period}.
     *
     * @param high   highs
     * @param low    lows
     * @param close  closes
     * @param period smoothing period, {@code >= 2}
     * @param out    −DI output, length {@code >= high.length}; {@code NaN} for {@code i < period}
     */
    public static void minusDi(double[] high, double[] low, double[] close, int period, double[] out) {
        Check.notNull(out, "out");
        adx(high, low, close, period, null, null, out);
    }

    /**
     * Allocating variant: ADX, +DI and −DI as new arrays of {@code high.length} values.
     *
     * @param high   highs
     * @param low    lows
     * @param close  closes
     * @param period smoothing period, {@code >= 2}
     * @return the three series
     */
    public static AdxSeries adx(double[] high, double[] low, double[] close, int period) {
        Check.notNull(high, "high");
        int n = high.length;
        AdxSeries result = new AdxSeries(new double[n], new double[n], new double[n]);
        adx(high, low, close, period, result.adx(), result.plusDi(), result.minusDi());
        return result;
    }

    /**
     * ADX with its directional indicators, index-aligned with the input. The arrays are shared, not
     * copied.
     *
     * @param adx     average directional index
     * @param plusDi  +DI
     * @param minusDi −DI
     */
    public record AdxSeries(double[] adx, double[] plusDi, double[] minusDi) {
    }
}
