package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.MarginType;
import java.math.BigDecimal;

/**
 * The risk of one open position.
 *
 * @param symbol                 symbol
 * @param side                   LONG or SHORT
 * @param positionAmt            signed size as the exchange reports it
 * @param entryPrice             average entry price
 * @param markPrice              mark price
 * @param notional               absolute notional at the mark price, USDT
 * @param leverage               leverage setting
 * @param marginType             CROSS or ISOLATED
 * @param sector                 sector (configured map, else the symbol itself)
 * @param liquidationPrice       liquidation price, or null when none applies
 * @param liquidationSource      where the liquidation price comes from
 * @param liquidationDistancePct how far the mark price may move against the position before liquidation, % of the
 *                               mark price (0 when already beyond), or null without a liquidation price
 * @param unrealizedPnl          unrealised PnL, USDT
 * @param unrealizedPnlPct       unrealised PnL, % of the entry notional (the price move for or against the position)
 * @param shareOfEquityPct       notional, % of the account equity (null when the equity is not positive)
 * @param shareOfExposurePct     notional, % of the gross exposure of all positions
 * @param riskScore              0–100, weighted sum of the components, 2 decimals
 * @param riskLevel              level of the risk score
 * @param components             the sub-scores
 */
public record PositionRisk(
        String symbol,
        PositionSide side,
        BigDecimal positionAmt,
        double entryPrice,
        double markPrice,
        double notional,
        int leverage,
        MarginType marginType,
        String sector,
        Double liquidationPrice,
        LiquidationSource liquidationSource,
        Double liquidationDistancePct,
        double unrealizedPnl,
        double unrealizedPnlPct,
        Double shareOfEquityPct,
        double shareOfExposurePct,
        double riskScore,
        RiskLevel riskLevel,
        ScoreComponents components) {
}
