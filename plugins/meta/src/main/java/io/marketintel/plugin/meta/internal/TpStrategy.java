package io.marketintel.plugin.meta.internal;

/**
 * Take-profit ladder strategy (upper case on the wire, as the specification's {@code tp_ladder_strategy}). Three
 * targets at the specification's TRENDING base multiples 1.5 / 3 / 5 of the unit, times {@link #multiplier()}
 * (section 9: AGGRESSIVE 1.3×, ADAPTIVE 1×, CONSERVATIVE 0.7×), each closing {@link #fractions()} of the planned
 * size (section 9's strong-trend 20/30/50, the default 25/35/40 and ranging 40/35/25 distributions).
 */
enum TpStrategy {
    AGGRESSIVE(1.3, new double[] {0.20, 0.30, 0.50}),
    ADAPTIVE(1.0, new double[] {0.25, 0.35, 0.40}),
    CONSERVATIVE(0.7, new double[] {0.40, 0.35, 0.25});

    /** The specification's TRENDING multiples of ATR. */
    static final double[] BASE_MULTIPLES = {1.5, 3.0, 5.0};

    private final double multiplier;
    private final double[] fractions;

    TpStrategy(double multiplier, double[] fractions) {
        this.multiplier = multiplier;
        this.fractions = fractions;
    }

    double multiplier() {
        return multiplier;
    }

    /** Share of the planned size each target closes. */
    double[] fractions() {
        return fractions.clone();
    }

    String wire() {
        return name();
    }
}
