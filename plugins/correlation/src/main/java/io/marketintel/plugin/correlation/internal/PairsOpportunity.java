package io.marketintel.plugin.correlation.internal;

/**
 * A correlated pair whose return spread has diverged: a pairs-trading setup.
 *
 * @param pair1       first symbol (earlier in the request)
 * @param pair2       second symbol
 * @param correlation Pearson correlation of their returns
 * @param zscore      z-score of the current spread {@code returns(pair1) − returns(pair2)} against its window
 * @param signal      always {@link PairSignal#MEAN_REVERSION}
 * @param action      {@code "SHORT pair1 / LONG pair2"} when z is above the threshold, the reverse below it
 */
public record PairsOpportunity(String pair1, String pair2, double correlation, double zscore, PairSignal signal,
                               String action) {
}
