package io.marketintel.plugin.risk.internal;

/**
 * The thresholds an answer was decided with (configuration {@code plugins.risk.*}). Every comparison is strict:
 * a value exactly at its maximum is within the limit.
 *
 * @param maxPortfolioHeat          heat above which the portfolio must be rebalanced
 * @param maxPositionRisk           risk score above which a position is reduced
 * @param closePositionRisk         risk score above which a position is closed
 * @param maxSectorConcentrationPct share of the gross exposure above which a sector is too concentrated, %
 * @param maxAvgLeverage            notional-weighted average leverage above which leverage is lowered
 * @param targetLeverage            the leverage ADJUST_LEVERAGE sets, {@code floor(max_avg_leverage)}
 * @param reducePct                 share of a position REDUCE_POSITION cuts, %
 */
public record Thresholds(double maxPortfolioHeat, double maxPositionRisk, double closePositionRisk,
                         double maxSectorConcentrationPct, double maxAvgLeverage, int targetLeverage, int reducePct) {
}
