/**
 * Dynamic Risk Heatmap &amp; Portfolio Rebalancing: scores every open position (leverage, liquidation distance,
 * drawdown, size), the portfolio as a whole (heat, sector concentration, average leverage, correlation-aware
 * diversification) and turns threshold breaches into rebalance actions, which it can carry out as reduce-only market
 * orders through the runtime's journaling exchange. An executor; exports nothing, the runtime finds it through
 * {@code provides}.
 */
module io.marketintel.plugin.risk {
    requires io.marketintel.api;

    provides io.marketintel.api.Executor with io.marketintel.plugin.risk.internal.RiskPlugin;

    opens io.marketintel.plugin.risk.internal to com.fasterxml.jackson.databind;
}
