package io.marketintel.plugin.meta.internal;

/**
 * The portfolio state a recommendation took into account.
 *
 * @param source             {@code request} (the caller's portfolio_state), {@code risk} (risk.portfolio-heat) or
 *                           {@code unavailable}
 * @param portfolioHeatScore {@code portfolio_heat_score} (0 … 100), null when unknown
 * @param riskLevel          {@code risk_level}, when given
 * @param note               what happened (why it is unavailable, or whether the heat cut the confidence)
 */
record PortfolioView(String source, Double portfolioHeatScore, String riskLevel, String note) {
}
