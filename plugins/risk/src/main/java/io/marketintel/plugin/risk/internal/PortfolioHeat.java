package io.marketintel.plugin.risk.internal;

import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/risk/portfolio-heat}.
 *
 * @param portfolioHeatScore   0–100 ({@link HeatComponents}), 2 decimals
 * @param riskLevel            level of the heat score
 * @param rebalanceRequired    whether any threshold is breached
 * @param positionRisks        every open position, largest notional first
 * @param equity               account equity (wallet + unrealised PnL), USDT
 * @param walletBalance        wallet balance, USDT
 * @param unrealizedPnl        unrealised PnL of all positions, USDT
 * @param grossExposure        sum of absolute notionals, USDT
 * @param netExposure          sum of signed notionals, USDT
 * @param averageLeverage      the spec's leverage-weighted exposure: leverage settings averaged with notional weights
 * @param effectiveLeverage    gross exposure / equity (null when equity is not positive)
 * @param concentration        largest position and sectors
 * @param diversification      correlation-aware diversification
 * @param heatComponents       the parts of the heat score
 * @param thresholds           the thresholds in force
 * @param alerts               breaches and data problems, as sentences with the numbers
 * @param rebalanceActions     what to do, in execution order (close, reduce, leverage, hedge)
 * @param exchange             exchange name ({@code paper}, {@code binance})
 * @param paper                whether the exchange moves paper money only
 * @param time                 when the positions were read, ms
 */
public record PortfolioHeat(
        double portfolioHeatScore,
        RiskLevel riskLevel,
        boolean rebalanceRequired,
        List<PositionRisk> positionRisks,
        double equity,
        double walletBalance,
        double unrealizedPnl,
        double grossExposure,
        double netExposure,
        double averageLeverage,
        Double effectiveLeverage,
        Concentration concentration,
        DiversificationReport diversification,
        HeatComponents heatComponents,
        Thresholds thresholds,
        List<String> alerts,
        List<RebalanceAction> rebalanceActions,
        String exchange,
        boolean paper,
        long time) {

    public PortfolioHeat {
        positionRisks = List.copyOf(positionRisks);
        alerts = List.copyOf(alerts);
        rebalanceActions = List.copyOf(rebalanceActions);
    }

    /** This report with other actions (the hedge filled in). */
    PortfolioHeat withActions(List<RebalanceAction> actions) {
        return new PortfolioHeat(portfolioHeatScore, riskLevel, rebalanceRequired, positionRisks, equity,
                walletBalance, unrealizedPnl, grossExposure, netExposure, averageLeverage, effectiveLeverage,
                concentration, diversification, heatComponents, thresholds, alerts, actions, exchange, paper, time);
    }
}
