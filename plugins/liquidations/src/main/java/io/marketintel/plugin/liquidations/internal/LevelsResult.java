package io.marketintel.plugin.liquidations.internal;

import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/liquidations/levels/{symbol}?num_levels=5}: the nearest estimated
 * liquidation levels on each side, nearest first. Levels are heatmap buckets with a density of at least
 * {@value HeatmapModel#MIN_LEVEL_DENSITY}, so dust is not reported as a level.
 *
 * @param symbol       symbol
 * @param estimate     always {@code true}
 * @param currentPrice mark price
 * @param numLevels    levels asked for per side
 * @param longLevels   long liquidation levels below price, nearest first, at most {@code numLevels}
 * @param shortLevels  short liquidation levels above price, nearest first, at most {@code numLevels}
 * @param dataTime     time of the newest input, ms
 * @param source       market data source
 */
public record LevelsResult(String symbol, boolean estimate, double currentPrice, int numLevels,
                           List<LiquidationZone> longLevels, List<LiquidationZone> shortLevels, long dataTime,
                           String source) {

    public LevelsResult {
        longLevels = List.copyOf(longLevels);
        shortLevels = List.copyOf(shortLevels);
    }
}
