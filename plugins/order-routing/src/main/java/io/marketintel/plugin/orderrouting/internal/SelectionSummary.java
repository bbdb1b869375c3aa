package io.marketintel.plugin.orderrouting.internal;

import java.util.List;

/**
 * Why adaptive routing chose the algorithm it did, kept with the execution.
 *
 * @param reasoning          the analysis and the rule that decided
 * @param spreadBps          spread at arrival, bps
 * @param estimatedImpactBps impact of the whole order walking the book at arrival, bps
 * @param volatilityBps      1-minute volatility, bps, or null
 * @param availableLiquidity depth of the side taken within the band
 * @param liquidityUsedPct   the order as a % of that depth
 */
public record SelectionSummary(List<String> reasoning, double spreadBps, double estimatedImpactBps,
                               Double volatilityBps, double availableLiquidity, double liquidityUsedPct) {

    public SelectionSummary {
        reasoning = List.copyOf(reasoning);
    }
}
