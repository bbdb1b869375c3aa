package io.marketintel.plugin.correlation.internal;

/**
 * The recommended hedge.
 *
 * @param symbol        candidate
 * @param hedgeRatio    OLS beta of returns: candidate notional per 1 of target notional
 * @param correlation   correlation of returns
 * @param effectiveness variance reduction in % ({@code correlation² × 100})
 * @param hedgeSide     side of the candidate that hedges a LONG target position
 */
public record BestHedge(String symbol, double hedgeRatio, double correlation, double effectiveness, Side hedgeSide) {
}
