package io.marketintel.plugin.mtf.internal;

import java.util.List;

/**
 * The analysis of one timeframe, as the caller sees it. Indicator values are those of the last <em>closed</em>
 * candle; they are {@code null} when the timeframe was not analysed (too little history) or the value is missing
 * (the long EMA on a young timeframe, the RSI of a series that never moved).
 *
 * @param timeframe       interval code ({@code 1h})
 * @param direction       BULLISH / BEARISH / NEUTRAL (NEUTRAL without enough history)
 * @param strength        0 … 100, {@code round(100 · |score|)} (0 without enough history)
 * @param score           signed score −100 … +100 (positive bullish)
 * @param weight          share of the confluence this timeframe carried (normalised over the analysed timeframes;
 *                        0 when not analysed)
 * @param sufficientData  whether the timeframe had at least {@code min_bars} closed candles and was analysed
 * @param bars            closed candles available (and used when analysed)
 * @param candleCloseTime close time (ms) of the last closed candle used, {@code null} when not analysed
 * @param close           close of that candle
 * @param emaFast         fast EMA
 * @param emaSlow         slow EMA
 * @param emaLong         long EMA ({@code null} with fewer candles than its period)
 * @param rsi             RSI
 * @param macd            MACD line
 * @param macdSignal      MACD signal line
 * @param macdHistogram   MACD histogram
 * @param adx             ADX
 * @param plusDi          +DI
 * @param minusDi         −DI
 * @param atr             ATR, in price units
 * @param atrPct          ATR as % of the close
 * @param votes           the indicator votes that decided the direction
 * @param note            why the timeframe was not analysed or what was left out, else {@code null}
 */
public record TimeframeSignal(
        String timeframe,
        Direction direction,
        int strength,
        int score,
        double weight,
        boolean sufficientData,
        int bars,
        Long candleCloseTime,
        Double close,
        Double emaFast,
        Double emaSlow,
        Double emaLong,
        Double rsi,
        Double macd,
        Double macdSignal,
        Double macdHistogram,
        Double adx,
        Double plusDi,
        Double minusDi,
        Double atr,
        Double atrPct,
        List<Vote> votes,
        String note) {

    public TimeframeSignal {
        votes = List.copyOf(votes);
        if (strength < 0 || strength > 100) {
            throw new IllegalArgumentException("strength must be within [0, 100], was " + strength);
        }
    }
}
