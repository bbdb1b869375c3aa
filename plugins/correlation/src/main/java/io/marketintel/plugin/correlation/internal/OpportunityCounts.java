package io.marketintel.plugin.correlation.internal;

/**
 * How many pairs qualified for each kind of opportunity, before the lists are cut to {@code max_opportunities}.
 *
 * @param pairsTrading    pairs-trading setups
 * @param hedging         hedging opportunities
 * @param diversification diversification opportunities
 * @param pairsExamined   pairs examined ({@code k(k−1)/2})
 */
public record OpportunityCounts(int pairsTrading, int hedging, int diversification, int pairsExamined) {
}
