package io.marketintel.plugin.risk.internal;

/**
 * The four 0–100 sub-scores of a position's risk score, before weighting ({@link RiskScoring}).
 *
 * @param leverage    {@code min(100, 5 × leverage)}
 * @param liquidation {@code clamp(100 − 2 × liquidation distance %, 0, 100)}, 0 without a liquidation price
 * @param drawdown    {@code min(100, 10 × adverse move %)}
 * @param size        {@code min(100, share of equity % / 2)}, 100 when equity is not positive
 */
public record ScoreComponents(double leverage, double liquidation, double drawdown, double size) {
}
