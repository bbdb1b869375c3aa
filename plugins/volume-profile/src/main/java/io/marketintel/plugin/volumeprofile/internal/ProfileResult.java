package io.marketintel.plugin.volumeprofile.internal;

import io.marketintel.api.Bias;
import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/volume-profile/analysis/{symbol}}: the volume profile of the newest
 * {@code lookback} <b>closed</b> candles (the forming candle is left out; it only gives the current price). The
 * runtime serialises it to snake_case JSON.
 *
 * @param symbol                       symbol
 * @param interval                     kline interval ({@code 5m})
 * @param lookback                     closed candles asked for
 * @param candles                      closed candles in the profile (fewer than {@code lookback} when the market has
 *                                     less history)
 * @param currentPrice                 last traded price: the close of the forming candle (the newest closed candle's
 *                                     close when the market returned no forming one)
 * @param poc                          point of control
 * @param valueAreaHigh                upper edge of the value area
 * @param valueAreaLow                 lower edge of the value area
 * @param valueAreaPct                 the share of volume the value area was grown to hold (configured), %
 * @param valueAreaVolumePct           the share it actually holds (whole pairs of bins are added, so it may exceed the
 *                                     target), %
 * @param positionRelativeToValueArea  ABOVE_VALUE_AREA, INSIDE_VALUE_AREA (edges included) or BELOW_VALUE_AREA
 * @param distanceToPocPct             {@code (current price − POC) / POC · 100}
 * @param highVolumeNodes              HVNs, lowest price first
 * @param lowVolumeNodes               LVNs, lowest price first
 * @param bias                         LONG above the value area, SHORT below, NEUTRAL inside
 * @param confidence                   0 … 100, from the distance to the POC (see the README)
 * @param reasoning                    sentences citing the numbers
 * @param binSize                      bin size, a whole number of ticks
 * @param binCount                     bins in the profile
 * @param rangeLow                     lower edge of the lowest bin (the lowest low, on the tick grid)
 * @param rangeHigh                    upper edge of the highest bin
 * @param totalVolume                  base-asset volume of the closed candles
 * @param bins                         the histogram, lowest price first
 * @param dataTime                     close time of the newest closed candle in the profile, ms
 * @param source                       market data source ({@code sim}, {@code binance}, {@code replay})
 */
public record ProfileResult(
        String symbol,
        String interval,
        int lookback,
        int candles,
        double currentPrice,
        PocLevel poc,
        PriceRef valueAreaHigh,
        PriceRef valueAreaLow,
        double valueAreaPct,
        double valueAreaVolumePct,
        ValueAreaPosition positionRelativeToValueArea,
        double distanceToPocPct,
        List<VolumeNode> highVolumeNodes,
        List<VolumeNode> lowVolumeNodes,
        Bias bias,
        int confidence,
        List<String> reasoning,
        double binSize,
        int binCount,
        double rangeLow,
        double rangeHigh,
        double totalVolume,
        List<ProfileBin> bins,
        long dataTime,
        String source) {

    public ProfileResult {
        highVolumeNodes = List.copyOf(highVolumeNodes);
        lowVolumeNodes = List.copyOf(lowVolumeNodes);
        reasoning = List.copyOf(reasoning);
        bins = List.copyOf(bins);
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be within [0, 100], was " + confidence);
        }
    }
}
