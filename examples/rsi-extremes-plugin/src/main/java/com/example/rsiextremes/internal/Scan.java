package com.example.rsiextremes.internal;

import java.util.List;

/**
 * The answer of {@code scan}.
 *
 * @param interval   candle interval ({@code 1h})
 * @param period     RSI period
 * @param overbought threshold used
 * @param oversold   threshold used
 * @param readings   every symbol, in the order asked
 * @param extremes   the overbought and oversold ones, farthest from 50 first
 */
public record Scan(String interval, int period, double overbought, double oversold, List<Reading> readings,
                   List<Reading> extremes) {
}
