package io.marketintel.plugin.volumeprofile.internal;

/**
 * The key numbers of one profile of {@code compare}.
 *
 * @param candles            closed candles in the profile
 * @param fromTime           open time of its oldest candle, ms
 * @param toTime             close time of its newest candle, ms
 * @param pocPrice           point of control (bin centre)
 * @param pocVolumePct       the POC bin's share of the volume, %
 * @param valueAreaHigh      upper edge of the value area
 * @param valueAreaLow       lower edge of the value area
 * @param valueAreaVolumePct share of the volume inside the value area, %
 * @param binSize            bin size
 * @param rangeLow           lower edge of the lowest bin
 * @param rangeHigh          upper edge of the highest bin
 * @param totalVolume        base-asset volume
 */
public record ProfileSnapshot(int candles, long fromTime, long toTime, double pocPrice, double pocVolumePct,
                              double valueAreaHigh, double valueAreaLow, double valueAreaVolumePct, double binSize,
                              double rangeLow, double rangeHigh, double totalVolume) {
}
