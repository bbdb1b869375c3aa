package io.marketintel.plugin.risk.internal;

/**
 * The scores, as pure functions. All inputs are percentages or plain numbers; outputs are 0–100.
 *
 * <p>Position risk score, the weighted sum of four sub-scores, rounded to 2 decimals:
 * <pre>
 * risk = 0.25·leverage + 0.40·liquidation + 0.15·drawdown + 0.20·size
 *   leverage    = min(100, 5 × leverage setting)                      20× → 100, 10× → 50, 3× → 15
 *   liquidation = clamp(100 − 2 × liquidation distance %, 0, 100)     0 % → 100, 25 % → 50, ≥ 50 % → 0; none → 0
 *   drawdown    = min(100, 10 × adverse price move since entry %)    a 10 % move against the position → 100
 *   size        = min(100, notional as % of equity / 2)               200 % of equity → 100; equity ≤ 0 → 100
 * </pre>
 * Liquidation distance weighs most because it is the one measure that already combines leverage, margin mode,
 * the wallet and the other positions (on cross margin); leverage and size add what it misses (how fast a move
 * eats the margin, how much of the account rides on one position), drawdown a position already going wrong.
 *
 * <p>Portfolio heat, rounded to 2 decimals:
 * <pre>
 * heat = 0.5·P + 0.2·L + X·(0.15·C + 0.15·D)
 *   P = exposure-weighted mean of the position risk scores (weights |notional|)
 *   L = min(100, 50 × average leverage / max_avg_leverage)              at the limit 50, at twice the limit 100
 *   C = share of the gross exposure in the largest sector, %
 *   D = 100 − diversification score
 *   X = min(1, gross exposure / equity), 1 when equity ≤ 0              concentration matters once exposure does
 * </pre>
 */
final class RiskScoring {

    static final double W_LEVERAGE = 0.25;
    static final double W_LIQUIDATION = 0.40;
    static final double W_DRAWDOWN = 0.15;
    static final double W_SIZE = 0.20;

    static final double W_POSITION_RISK = 0.5;
    static final double W_HEAT_LEVERAGE = 0.2;
    static final double W_CONCENTRATION = 0.15;
    static final double W_DIVERSIFICATION = 0.15;

    private RiskScoring() {
    }

    /** {@code min(100, 5 × leverage)}. */
    static double leverageScore(int leverage) {
        return Math.min(100.0, 5.0 * Math.max(0, leverage));
    }

    /** {@code clamp(100 − 2 × distance, 0, 100)}; 0 when no liquidation price applies (null). */
    static double liquidationScore(Double distancePct) {
        if (distancePct == null) {
            return 0.0;
        }
        return clamp(100.0 - 2.0 * distancePct);
    }

    /** {@code min(100, 10 × drawdown)}, drawdown the adverse price move since entry in % (≥ 0). */
    static double drawdownScore(double drawdownPct) {
        return Math.min(100.0, 10.0 * Math.max(0.0, drawdownPct));
    }

    /** {@code min(100, share / 2)}, share the notional in % of equity; 100 when equity is not positive (null). */
    static double sizeScore(Double shareOfEquityPct) {
        if (shareOfEquityPct == null) {
            return 100.0;
        }
        return Math.min(100.0, Math.max(0.0, shareOfEquityPct) / 2.0);
    }

    /** The four sub-scores of a position. */
    static ScoreComponents components(int leverage, Double liquidationDistancePct, double drawdownPct,
                                      Double shareOfEquityPct) {
        return new ScoreComponents(leverageScore(leverage), liquidationScore(liquidationDistancePct),
                drawdownScore(drawdownPct), sizeScore(shareOfEquityPct));
    }

    /** The weighted risk score, 2 decimals. */
    static double positionRisk(ScoreComponents c) {
        return Round.r2(W_LEVERAGE * c.leverage() + W_LIQUIDATION * c.liquidation() + W_DRAWDOWN * c.drawdown()
                + W_SIZE * c.size());
    }

    /** {@code min(100, 50 × averageLeverage / maxAvgLeverage)}. */
    static double leverageHeat(double averageLeverage, double maxAvgLeverage) {
        return Math.min(100.0, 50.0 * averageLeverage / maxAvgLeverage);
    }

    /** {@code min(1, gross / equity)}, 1 when equity is not positive, 0 without exposure. */
    static double exposureFactor(double grossExposure, double equity) {
        if (grossExposure <= 0) {
            return 0.0;
        }
        if (equity <= 0) {
            return 1.0;
        }
        return Math.min(1.0, grossExposure / equity);
    }

    /** The heat score from its parts, 2 decimals. */
    static double heat(HeatComponents h) {
        return Round.r2(W_POSITION_RISK * h.positionRisk() + W_HEAT_LEVERAGE * h.leverage()
                + h.exposureFactor() * (W_CONCENTRATION * h.concentration() + W_DIVERSIFICATION * h.diversification()));
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(100.0, v));
    }
}
