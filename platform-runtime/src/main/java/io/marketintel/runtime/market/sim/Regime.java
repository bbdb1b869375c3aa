package io.marketintel.runtime.market.sim;

/**
 * Market regimes of the simulated market. A seeded Markov chain switches between them on blocks of
 * hours ({@link SimSettings#regimeBlockHours()}); each symbol mostly follows the market-wide chain.
 * Drift is in units of the symbol's base hourly volatility.
 */
public enum Regime {
    /** Persistent positive drift, rising open interest, positive funding. */
    TREND_UP(0.32, 1.0, 1.3),
    /** Persistent negative drift, rising open interest, negative funding. */
    TREND_DOWN(-0.32, 1.05, 1.35),
    /** No drift, lower volatility, pulled back to where the range began. */
    RANGE(0.0, 0.7, 0.8),
    /** Volatility more than doubles, slight downward drift, open interest flushed. */
    HIGH_VOLATILITY(-0.04, 2.3, 2.4),
    /** Quiet market. */
    LOW_VOLATILITY(0.0, 0.45, 0.55);

    private final double drift;
    private final double volatility;
    private final double volume;

    Regime(double drift, double volatility, double volume) {
        this.drift = drift;
        this.volatility = volatility;
        this.volume = volume;
    }

    /** Hourly drift in units of the symbol's base hourly volatility. */
    double drift() {
        return drift;
    }

    /** Multiplier of the symbol's base volatility. */
    double volatility() {
        return volatility;
    }

    /** Multiplier of the symbol's base volume. */
    double volume() {
        return volume;
    }

    /** Whether the regime trends. */
    public boolean trending() {
        return this == TREND_UP || this == TREND_DOWN;
    }

    private static final Regime[] VALUES = values();

    /** Regime with ordinal {@code ordinal}. */
    static Regime of(int ordinal) {
        return VALUES[ordinal];
    }

    // Rows: from; columns: to, in declaration order. Each row sums to 1.
    private static final double[][] TRANSITIONS = {
            {0.880, 0.010, 0.050, 0.040, 0.020},
            {0.010, 0.870, 0.050, 0.050, 0.020},
            {0.050, 0.040, 0.850, 0.020, 0.040},
            {0.060, 0.090, 0.080, 0.750, 0.020},
            {0.030, 0.020, 0.060, 0.040, 0.850},
    };

    /** The next state of the chain from this one for a uniform draw {@code u} in (0, 1). */
    Regime next(double u) {
        double[] row = TRANSITIONS[ordinal()];
        double acc = 0;
        for (int i = 0; i < row.length; i++) {
            acc += row[i];
            if (u < acc) {
                return VALUES[i];
            }
        }
        return this;
    }
}
