package io.marketintel.plugin.correlation.internal;

/**
 * The thresholds an answer applied (all comparisons strict).
 *
 * @param pairsCorrelation           |ρ| must exceed it for pairs trading
 * @param zscore                     |z| must exceed it for a mean-reversion signal
 * @param zscoreWindow               spreads the z-score was measured against (the configured window, or fewer
 *                                   when fewer returns were available)
 * @param hedgeCorrelation           ρ must exceed it for a hedging opportunity
 * @param diversificationCorrelation ρ must be below it for a diversification opportunity
 */
public record Thresholds(double pairsCorrelation, double zscore, int zscoreWindow, double hedgeCorrelation,
                         double diversificationCorrelation) {
}
