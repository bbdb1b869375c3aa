package io.marketintel.plugin.risk.internal;

/** The threshold whose breach asked for an action. */
public enum Trigger {
    /** A position's risk score is above {@code max_position_risk} (or {@code close_position_risk}). */
    POSITION_RISK,
    /** The portfolio heat is above {@code max_portfolio_heat}. */
    PORTFOLIO_HEAT,
    /** A sector holds more than {@code max_sector_concentration_pct} of the exposure. */
    SECTOR_CONCENTRATION,
    /** The notional-weighted average leverage is above {@code max_avg_leverage}. */
    AVERAGE_LEVERAGE
}
