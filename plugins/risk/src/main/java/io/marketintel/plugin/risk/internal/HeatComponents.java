package io.marketintel.plugin.risk.internal;

/**
 * The parts of the portfolio heat score ({@link RiskScoring#heat}):
 * {@code heat = 0.5·position_risk + 0.2·leverage + exposure_factor·(0.15·concentration + 0.15·diversification)}.
 *
 * @param positionRisk    exposure-weighted mean of the positions' risk scores
 * @param leverage        {@code min(100, 50 × average_leverage / max_avg_leverage)}
 * @param concentration   share of the gross exposure in the largest sector, %
 * @param diversification {@code 100 − diversification score}
 * @param exposureFactor  {@code min(1, gross exposure / equity)} (1 when equity is not positive): concentration
 *                        and correlation only weigh fully once the exposure reaches the equity
 */
public record HeatComponents(double positionRisk, double leverage, double concentration, double diversification,
                             double exposureFactor) {
}
