package io.marketintel.plugin.mtf.internal;

import io.marketintel.api.ta.Directional;
import io.marketintel.api.ta.MovingAverages;
import io.marketintel.api.ta.Oscillators;
import io.marketintel.api.ta.Volatility;

/**
 * The indicator values at the last closed candle of one timeframe, computed with the platform's kernels
 * ({@code io.marketintel.api.ta}, TA-Lib seeding). A value is {@code NaN} when the series is too short for it (the
 * long EMA on a young timeframe) or when it is undefined (the RSI of a series that never moved).
 *
 * @param bars          number of closed candles the values were computed from
 * @param close         close of the last closed candle
 * @param emaFast       fast EMA
 * @param emaSlow       slow EMA
 * @param emaLong       long EMA, {@code NaN} with fewer than {@code emaLong} candles
 * @param rsi           RSI, {@code NaN} when no close ever changed (the kernel answers 0 there, which would read as
 *                      an extreme downtrend)
 * @param macd          MACD line
 * @param macdSignal    MACD signal line
 * @param macdHistogram MACD histogram ({@code macd − signal})
 * @param macdHistogramPrev the histogram one candle earlier (its slope)
 * @param adx           ADX
 * @param plusDi        +DI
 * @param minusDi       −DI
 * @param atr           ATR
 */
public record IndicatorSnapshot(
        int bars,
        double close,
        double emaFast,
        double emaSlow,
        double emaLong,
        double rsi,
        double macd,
        double macdSignal,
        double macdHistogram,
        double macdHistogramPrev,
        double adx,
        double plusDi,
        double minusDi,
        double atr) {

    /** ATR as % of the close, {@code NaN} when either is missing or the close is not positive. */
    public double atrPct() {
        return close > 0 && Double.isFinite(atr) ? atr / close * 100.0 : Double.NaN;
    }

    /**
     * Computes the indicators of one timeframe at its last candle. Pure and thread-safe; allocates eleven output
     * arrays of {@code n} doubles, nothing in loops.
     *
     * @param high    highs of the closed candles, oldest first
     * @param low     lows, same length
     * @param close   closes, same length, at least 1
     * @param periods indicator periods
     * @return the values at index {@code n − 1}
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static IndicatorSnapshot compute(double[] high, double[] low, double[] close, IndicatorPeriods periods) {
        int n = close.length;
        if (n == 0 || high.length != n || low.length != n) {
            throw new IllegalArgumentException("arguments [high], [low] and [close] must be non-empty and of the same"
                    + " length, were " + high.length + ", " + low.length + ", " + n);
        }
        int last = n - 1;
        double[] emaFast = new double[n];
        double[] emaSlow = new double[n];
        double[] emaLong = new double[n];
        double[] rsi = new double[n];
        double[] macd = new double[n];
        double[] signal = new double[n];
        double[] hist = new double[n];
        double[] adx = new double[n];
        double[] plusDi = new double[n];
        double[] minusDi = new double[n];
        double[] atr = new double[n];
        MovingAverages.ema(close, periods.emaFast(), emaFast);
        MovingAverages.ema(close, periods.emaSlow(), emaSlow);
        MovingAverages.ema(close, periods.emaLong(), emaLong);
        Oscillators.rsi(close, periods.rsi(), rsi);
        Oscillators.macd(close, periods.macdFast(), periods.macdSlow(), periods.macdSignal(), macd, signal, hist);
        Directional.adx(high, low, close, periods.adx(), adx, plusDi, minusDi);
        Volatility.atr(high, low, close, periods.atr(), atr);
        double rsiLast = rsi[last];
        if (rsiLast == 0.0 && neverMoved(close)) {
            // Wilder averages never return to exactly 0 once a change happened: both are 0 only if no close ever
            // changed. The kernel (like TA-Lib) answers 0 then; here that is "undefined", not "oversold".
            rsiLast = Double.NaN;
        }
        return new IndicatorSnapshot(n, close[last], emaFast[last], emaSlow[last], emaLong[last], rsiLast,
                macd[last], signal[last], hist[last], last > 0 ? hist[last - 1] : Double.NaN, adx[last], plusDi[last],
                minusDi[last], atr[last]);
    }

    private static boolean neverMoved(double[] close) {
        double first = close[0];
        for (int i = 1; i < close.length; i++) {
            if (close[i] != first) {
                return false;
            }
        }
        return true;
    }
}
