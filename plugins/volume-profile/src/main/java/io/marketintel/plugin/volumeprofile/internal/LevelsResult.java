package io.marketintel.plugin.volumeprofile.internal;

import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/volume-profile/levels/{symbol}?num_levels=5}: the nearest volume levels
 * (POC, VAH, VAL, HVN, LVN) of the same (cached) profile as {@code analysis}, on each side of the price.
 *
 * @param symbol       symbol
 * @param interval     kline interval
 * @param lookback     closed candles asked for
 * @param currentPrice last traded price (as in {@code analysis})
 * @param numLevels    levels asked for per side
 * @param levelsAbove  levels strictly above the price, nearest first, at most {@code numLevels}
 * @param levelsBelow  levels at or below the price, nearest first, at most {@code numLevels}
 * @param dataTime     close time of the newest closed candle in the profile, ms
 * @param source       market data source
 */
public record LevelsResult(String symbol, String interval, int lookback, double currentPrice, int numLevels,
                           List<Level> levelsAbove, List<Level> levelsBelow, long dataTime, String source) {

    public LevelsResult {
        levelsAbove = List.copyOf(levelsAbove);
        levelsBelow = List.copyOf(levelsBelow);
    }
}
