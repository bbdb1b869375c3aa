package io.marketintel.plugin.correlation.internal;

/**
 * One ranked hedge candidate for a target symbol.
 *
 * @param symbol            candidate
 * @param correlation       Pearson correlation of the target's and the candidate's returns
 * @param effectiveness     share of the target's return variance a minimum-variance (OLS beta) hedge removes, in %:
 *                          {@code correlation² × 100}
 * @param hedgeRatio        OLS beta of the target's returns on the candidate's returns: candidate notional per 1 of
 *                          target notional
 * @param hedgeSide         side of the candidate that hedges a LONG target position (SHORT for a positive ratio)
 * @param qualifies         whether |correlation| exceeds {@code hedge_correlation_threshold}
 * @param observations      aligned returns of the pair
 * @param droppedTimestamps open times dropped because one of the two lacked them
 */
public record HedgeCandidate(String symbol, double correlation, double effectiveness, double hedgeRatio, Side hedgeSide,
                             boolean qualifies, int observations, int droppedTimestamps) {
}
