/**
 * Implementation of the risk plugin (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.risk.internal.RiskPlugin} (descriptor, operations, data fetching,
 * events). The decisions live in pure, synchronous code: {@link io.marketintel.plugin.risk.internal.RiskScoring}
 * (position risk and portfolio heat formulas), {@link io.marketintel.plugin.risk.internal.LiquidationMath}
 * (Binance's liquidation price), {@link io.marketintel.plugin.risk.internal.Diversification} (effective number of
 * bets from the return correlations), {@link io.marketintel.plugin.risk.internal.PortfolioModel} (the report and
 * the rebalance rules) and {@link io.marketintel.plugin.risk.internal.RebalancePlanner} (orders with deterministic
 * client ids). {@link io.marketintel.plugin.risk.internal.RebalanceRunner} sends a plan through the exchange,
 * {@link io.marketintel.plugin.risk.internal.HedgeLookup} asks the correlation plugin for hedges and
 * {@link io.marketintel.plugin.risk.internal.SqlPlanStore} keeps live plans for idempotent retries. Configured by
 * {@link io.marketintel.plugin.risk.internal.RiskSettings}. Results are records serialised by the runtime to
 * snake_case JSON.
 */
package io.marketintel.plugin.risk.internal;
