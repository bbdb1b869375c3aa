package io.marketintel.plugin.orderrouting.internal;

/** How much the caller cares about finishing fast rather than cheaply. */
public enum Urgency {
    LOW(2.0, 0.25),
    NORMAL(1.0, 0.5),
    HIGH(0.5, 1.0);

    private final double durationFactor;
    private final double marketImpactShare;

    Urgency(double durationFactor, double marketImpactShare) {
        this.durationFactor = durationFactor;
        this.marketImpactShare = marketImpactShare;
    }

    /** Multiplies the default duration when the caller gives none (adaptive): LOW 2, NORMAL 1, HIGH 0.5. */
    double durationFactor() {
        return durationFactor;
    }

    /**
     * Share of {@code adaptive_impact_bps} up to which adaptive routing sends one market order: LOW 1/4, NORMAL 1/2,
     * HIGH the whole threshold.
     */
    double marketImpactShare() {
        return marketImpactShare;
    }
}
