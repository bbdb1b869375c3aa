package io.marketintel.api.market;

/**
 * Current open interest, as {@code /fapi/v1/openInterest} sends it.
 *
 * @param symbol       symbol
 * @param openInterest open interest in base-asset contracts
 * @param time         time, ms
 */
public record OpenInterest(String symbol, double openInterest, long time) {
}
