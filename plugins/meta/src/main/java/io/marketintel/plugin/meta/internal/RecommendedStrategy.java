package io.marketintel.plugin.meta.internal;

import java.util.List;

/**
 * The strategy part of a recommendation, in the specification's names.
 *
 * @param executionMode    static, sniper, pyramid or dca
 * @param trailingStopMode disabled, static, dynamic, profit_based, breakeven or smart
 * @param tpLadderStrategy AGGRESSIVE, ADAPTIVE or CONSERVATIVE
 * @param orderRouting     MARKET, LIMIT, TWAP, ICEBERG or ADAPTIVE
 * @param arm              the arm id these four make up
 * @param confidence       0 … 100: the prior's confidence, moved towards {@code 100·P(mean return > 0)} of the arm
 *                         as its outcomes accumulate (weight {@code n / (n + min_samples)})
 * @param reasoning        {@code Market: …}, one line per component, the learner's line
 */
record RecommendedStrategy(String executionMode, String trailingStopMode, String tpLadderStrategy,
                           String orderRouting, String arm, int confidence, List<String> reasoning) {

    RecommendedStrategy {
        reasoning = List.copyOf(reasoning);
    }
}
