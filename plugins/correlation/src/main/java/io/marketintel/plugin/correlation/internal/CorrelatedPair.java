package io.marketintel.plugin.correlation.internal;

/**
 * A pair and its return correlation (hedging and diversification opportunities).
 *
 * @param pair1       first symbol (earlier in the request)
 * @param pair2       second symbol
 * @param correlation Pearson correlation of their returns
 */
public record CorrelatedPair(String pair1, String pair2, double correlation) {
}
