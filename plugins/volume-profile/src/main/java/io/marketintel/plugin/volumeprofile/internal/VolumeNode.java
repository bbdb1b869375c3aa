package io.marketintel.plugin.volumeprofile.internal;

/**
 * A high or low volume node: a run of adjacent bins whose volume is strictly beyond the threshold.
 *
 * @param price     centre of the run's peak bin (fullest for an HVN — the POC when the run holds it — emptiest for
 *                  an LVN)
 * @param priceLow  lower edge of the run's first bin
 * @param priceHigh upper edge of the run's last bin
 * @param volumePct the peak bin's share of the profile's volume, %
 * @param strength  0 … 100: for an HVN {@code 100 · peak volume / POC volume} (the POC's node is 100); for an LVN
 *                  {@code 100 · (1 − peak volume / LVN threshold)} (an empty bin is 100)
 */
public record VolumeNode(double price, double priceLow, double priceHigh, double volumePct, int strength) {
}
