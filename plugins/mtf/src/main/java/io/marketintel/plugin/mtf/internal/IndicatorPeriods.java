package io.marketintel.plugin.mtf.internal;

import io.marketintel.api.ta.Directional;
import io.marketintel.api.ta.MovingAverages;
import io.marketintel.api.ta.Oscillators;
import io.marketintel.api.ta.Volatility;

/**
 * The indicator periods applied to every timeframe; serialised in the result as {@code indicator_periods}.
 *
 * @param emaFast    fast EMA period (20)
 * @param emaSlow    slow EMA period (50), above {@code emaFast}
 * @param emaLong    long EMA period (200), above {@code emaSlow}; used only where that many closed candles exist
 * @param rsi        RSI period (14)
 * @param macdFast   MACD fast EMA period (12)
 * @param macdSlow   MACD slow EMA period (26), above {@code macdFast}
 * @param macdSignal MACD signal EMA period (9)
 * @param adx        ADX / ±DI period (14)
 * @param atr        ATR period (14)
 */
public record IndicatorPeriods(int emaFast, int emaSlow, int emaLong, int rsi, int macdFast, int macdSlow,
                               int macdSignal, int adx, int atr) {

    public IndicatorPeriods {
        if (!(emaFast >= 1 && emaFast < emaSlow && emaSlow < emaLong)) {
            throw new IllegalArgumentException("properties [emaFast] < [emaSlow] < [emaLong] must hold and be"
                    + " positive, were " + emaFast + ", " + emaSlow + ", " + emaLong);
        }
        if (!(macdFast >= 2 && macdFast < macdSlow && macdSignal >= 1)) {
            throw new IllegalArgumentException("properties [macdFast] (>= 2) < [macdSlow] and [macdSignal] (>= 1)"
                    + " must hold, were " + macdFast + ", " + macdSlow + ", " + macdSignal);
        }
        if (rsi < 2 || adx < 2 || atr < 1) {
            throw new IllegalArgumentException("properties [rsi] (>= 2), [adx] (>= 2) and [atr] (>= 1) are out of"
                    + " range: " + rsi + ", " + adx + ", " + atr);
        }
    }

    /** The usual periods: EMA 20/50/200, RSI 14, MACD 12/26/9, ADX 14, ATR 14. */
    public static IndicatorPeriods standard() {
        return new IndicatorPeriods(20, 50, 200, 14, 12, 26, 9, 14, 14);
    }

    /**
     * Closed candles needed before every vote except the long EMA has a value at the last candle: the largest
     * lookback + 1, where the MACD histogram also needs its previous value (for its slope).
     * {@code max(emaSlow, rsi + 1, atr + 1, 2·adx, macdSlow + macdSignal)}: 50 for the standard periods.
     */
    public int warmUp() {
        int need = MovingAverages.emaLookback(emaSlow) + 1;
        need = Math.max(need, MovingAverages.emaLookback(emaFast) + 1);
        need = Math.max(need, Oscillators.rsiLookback(rsi) + 1);
        need = Math.max(need, Volatility.atrLookback(atr) + 1);
        need = Math.max(need, Directional.adxLookback(adx) + 1);
        need = Math.max(need, Oscillators.macdLookback(macdFast, macdSlow, macdSignal) + 2);
        return need;
    }

    /** How {@link #warmUp()} is made up, naming the configuration keys (for error messages). */
    String warmUpText() {
        return "max([" + MtfSettings.EMA_SLOW + "] " + emaSlow + ", [" + MtfSettings.RSI_PERIOD + "] + 1 = " + (rsi + 1)
                + ", [" + MtfSettings.ATR_PERIOD + "] + 1 = " + (atr + 1) + ", 2 x [" + MtfSettings.ADX_PERIOD + "] = "
                + 2 * adx + ", [" + MtfSettings.MACD_SLOW + "] + [" + MtfSettings.MACD_SIGNAL + "] = "
                + (macdSlow + macdSignal) + ")";
    }
}
