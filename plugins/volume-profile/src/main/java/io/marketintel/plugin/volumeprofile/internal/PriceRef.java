package io.marketintel.plugin.volumeprofile.internal;

/**
 * A price on its own, the specification's {@code {'price': 43500.0}} shape of VAH and VAL.
 *
 * @param price the price
 */
public record PriceRef(double price) {
}
