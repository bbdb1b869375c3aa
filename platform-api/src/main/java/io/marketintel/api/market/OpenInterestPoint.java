package io.marketintel.api.market;

/**
 * One point of {@code /futures/data/openInterestHist}.
 *
 * @param symbol               symbol
 * @param sumOpenInterest      open interest in base asset
 * @param sumOpenInterestValue open interest in quote asset
 * @param timestamp            time of the point, ms
 */
public record OpenInterestPoint(String symbol, double sumOpenInterest, double sumOpenInterestValue, long timestamp) {
}
