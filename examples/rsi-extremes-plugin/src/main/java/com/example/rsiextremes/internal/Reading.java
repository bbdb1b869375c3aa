package com.example.rsiextremes.internal;

/**
 * The RSI of one symbol (JSON: {@code symbol, rsi, zone, close, open_time, candles}).
 *
 * @param symbol   the symbol
 * @param rsi      Wilder RSI of the last candle, 0..100 (null in JSON when there are too few candles)
 * @param zone     OVERBOUGHT, NEUTRAL or OVERSOLD
 * @param close    close of the last candle
 * @param openTime open time of the last candle, ms since the epoch
 * @param candles  candles read
 */
public record Reading(String symbol, double rsi, Zone zone, double close, long openTime, int candles) {
}
