package io.marketintel.plugin.volumeprofile.internal;

/**
 * The point of control.
 *
 * @param price     centre of the bin with the most volume
 * @param priceLow  lower edge of that bin
 * @param priceHigh upper edge of that bin
 * @param volumePct the bin's share of the profile's volume, %
 */
public record PocLevel(double price, double priceLow, double priceHigh, double volumePct) {
}
