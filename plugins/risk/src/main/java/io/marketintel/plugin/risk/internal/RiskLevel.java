package io.marketintel.plugin.risk.internal;

/**
 * Risk level of a score (position risk or portfolio heat), cut-offs inclusive from above: {@code LOW ≤ 30 <
 * MODERATE ≤ 60 < HIGH ≤ 75 < CRITICAL}. The levels describe; the configured thresholds decide the actions.
 */
public enum RiskLevel {
    LOW, MODERATE, HIGH, CRITICAL;

    /** Highest LOW score. */
    public static final double LOW_MAX = 30;
    /** Highest MODERATE score. */
    public static final double MODERATE_MAX = 60;
    /** Highest HIGH score; above it CRITICAL. */
    public static final double HIGH_MAX = 75;

    /** The level of a (rounded) score. */
    public static RiskLevel of(double score) {
        if (score <= LOW_MAX) {
            return LOW;
        }
        if (score <= MODERATE_MAX) {
            return MODERATE;
        }
        return score <= HIGH_MAX ? HIGH : CRITICAL;
    }
}
