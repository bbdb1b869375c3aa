package io.marketintel.plugin.tpladder.internal;

/**
 * The indicator values a regime was classified from, computed on the newest closed candles.
 *
 * @param interval        kline interval
 * @param bars            closed candles used
 * @param dataTime        close time of the newest of them, ms
 * @param close           its close
 * @param atr             Wilder ATR ({@code atr_period}) at the newest candle, quote asset
 * @param atrPeriod       ATR period
 * @param atrPct          ATR as % of the close (volatility per bar)
 * @param volatilityRatio ATR over its own average across the window (above 1: volatility expanding)
 * @param adx             Wilder ADX ({@code adx_period}): trend strength, 0 … 100
 * @param plusDi          +DI
 * @param minusDi         −DI
 * @param adxPeriod       ADX period
 * @param trendDirection  UP when +DI is above −DI, DOWN when below, NONE when equal
 * @param momentumBars    bars the momentum spans
 * @param momentumPct     net close-to-close move over them, % (signed)
 * @param momentumAtr     the same move in ATRs (signed); its magnitude is what the classification reads
 */
public record Indicators(
        String interval,
        int bars,
        long dataTime,
        double close,
        double atr,
        int atrPeriod,
        double atrPct,
        double volatilityRatio,
        double adx,
        double plusDi,
        double minusDi,
        int adxPeriod,
        String trendDirection,
        int momentumBars,
        double momentumPct,
        double momentumAtr) {
}
