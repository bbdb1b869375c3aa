package io.marketintel.api.market;

/**
 * One point of {@code /futures/data/takerlongshortRatio}.
 *
 * @param buySellRatio {@code buyVol / sellVol}
 * @param buyVol       taker buy volume in base asset
 * @param sellVol      taker sell volume in base asset
 * @param timestamp    time of the point, ms
 */
public record TakerVolumeRatio(double buySellRatio, double buyVol, double sellVol, long timestamp) {
}
