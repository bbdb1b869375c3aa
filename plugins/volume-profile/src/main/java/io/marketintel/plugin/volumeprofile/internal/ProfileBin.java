package io.marketintel.plugin.volumeprofile.internal;

/**
 * One bin of the histogram, for charts.
 *
 * @param priceLow  lower edge (inclusive)
 * @param priceHigh upper edge (exclusive, except for the top bin)
 * @param volume    base-asset volume attributed to the bin
 */
public record ProfileBin(double priceLow, double priceHigh, double volume) {
}
