package io.marketintel.plugin.correlation.internal;

import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/correlation/pairs-signal?pair1=…&pair2=…}.
 *
 * @param pair1             first symbol
 * @param pair2             second symbol
 * @param period            kline interval code
 * @param returnType        {@code simple} or {@code log}
 * @param lookback          closed candles asked for per symbol
 * @param observations      aligned returns
 * @param correlation       Pearson correlation of the returns (null when a price did not move)
 * @param spread            current spread {@code returns(pair1) − returns(pair2)} (latest closed candle)
 * @param spreadMean        mean of the spread over the window (the current spread included)
 * @param spreadStd         population standard deviation of the spread over the window
 * @param zscore            {@code (spread − spread_mean) / spread_std}; 0 for a constant window
 * @param zscoreWindow      spreads in the window
 * @param signal            MEAN_REVERSION when |correlation| and |zscore| both exceed their thresholds, else NONE
 * @param action            {@code "SHORT pair1 / LONG pair2"} (z above), {@code "LONG pair1 / SHORT pair2"} (z below),
 *                          null without a signal
 * @param legs              the same as structured legs, empty without a signal
 * @param confidence        0–95 for MEAN_REVERSION, 0 for NONE (see the README)
 * @param reasoning         sentences citing the numbers
 * @param thresholds        thresholds applied
 * @param droppedTimestamps open times dropped because one of the two lacked them
 * @param gapReturns        returns spanning more than one interval
 * @param timeRange         the aligned candles used
 * @param dataTime          close time of the newest aligned candle, ms
 * @param source            market data source
 */
public record PairsSignalResult(
        String pair1,
        String pair2,
        String period,
        String returnType,
        int lookback,
        int observations,
        Double correlation,
        double spread,
        double spreadMean,
        double spreadStd,
        double zscore,
        int zscoreWindow,
        PairSignal signal,
        String action,
        List<Leg> legs,
        int confidence,
        List<String> reasoning,
        Thresholds thresholds,
        int droppedTimestamps,
        int gapReturns,
        TimeRange timeRange,
        long dataTime,
        String source) {

    public PairsSignalResult {
        legs = List.copyOf(legs);
        reasoning = List.copyOf(reasoning);
    }
}
