package io.marketintel.runtime.market.replay;

/**
 * A range of missing candles in replayed klines: {@code missingCandles} candles of the interval, from the
 * open time {@code from} of the first missing one up to {@code to}, the open time of the next candle that
 * exists (exclusive). Gaps are reported, never interpolated: replay answers skip them as Binance does
 * for its own outages.
 *
 * @param from           open time of the first missing candle, ms
 * @param to             open time of the first candle after the gap, ms (exclusive end)
 * @param missingCandles number of missing candles
 */
public record ReplayGap(long from, long to, long missingCandles) {

    public ReplayGap {
        if (to <= from || missingCandles < 1) {
            throw new IllegalArgumentException("gap [" + from + ", " + to + ") must be non-empty with at least one "
                    + "missing candle, was " + missingCandles);
        }
    }
}
