package io.marketintel.plugin.volumeprofile.internal;

import io.marketintel.api.Bias;
import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/volume-profile/compare/{symbol}}: the profile of the newest
 * {@code lookback} closed candles against the historical profile of the {@code lookback × historical_multiplier}
 * closed candles right before them (no overlap, so the comparison is not diluted by the current candles).
 *
 * @param symbol                          symbol
 * @param interval                        kline interval
 * @param lookback                        closed candles of the current profile asked for
 * @param historicalMultiplier            the historical profile's length in current windows
 * @param currentPrice                    last traded price
 * @param current                         the current profile
 * @param historical                      the historical profile
 * @param pocMigration                    current POC − historical POC (price units)
 * @param pocMigrationPct                 the same in % of the historical POC
 * @param currentVaInsideHistoricalPct    share of the current value area's price range that lies inside the
 *                                        historical value area, %
 * @param historicalVaInsideCurrentPct    share of the historical value area's price range inside the current one, %
 * @param shiftDirection                  HIGHER, LOWER or OVERLAPPING
 * @param bias                            LONG when value migrated higher, SHORT lower, NEUTRAL overlapping
 * @param confidence                      0 … 100 (see the README)
 * @param reasoning                       sentences citing the numbers
 * @param dataTime                        close time of the newest closed candle, ms
 * @param source                          market data source
 */
public record CompareResult(
        String symbol,
        String interval,
        int lookback,
        int historicalMultiplier,
        double currentPrice,
        ProfileSnapshot current,
        ProfileSnapshot historical,
        double pocMigration,
        double pocMigrationPct,
        double currentVaInsideHistoricalPct,
        double historicalVaInsideCurrentPct,
        ShiftDirection shiftDirection,
        Bias bias,
        int confidence,
        List<String> reasoning,
        long dataTime,
        String source) {

    public CompareResult {
        reasoning = List.copyOf(reasoning);
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be within [0, 100], was " + confidence);
        }
    }
}
