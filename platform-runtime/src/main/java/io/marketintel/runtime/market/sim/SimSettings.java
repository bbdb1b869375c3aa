package io.marketintel.runtime.market.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * Settings of the simulated market. Two markets with equal settings answer identically at equal clock
 * times.
 *
 * @param seed             seed of every random draw
 * @param genesis          first instant of the market (nothing trades before it); a whole UTC hour
 * @param volatilityScale  multiplier of every symbol's volatility, in (0, 5]
 * @param regimeBlockHours length of the blocks the regime chain switches on, 1 … 168 hours
 */
public record SimSettings(long seed, Instant genesis, double volatilityScale, int regimeBlockHours) {

    /** The default genesis, 2024-01-01T00:00:00Z (a Monday, so weekly candles start whole). */
    public static final Instant DEFAULT_GENESIS = Instant.parse("2024-01-01T00:00:00Z");

    public SimSettings {
        Objects.requireNonNull(genesis, "setting [genesis] is missing");
        if (genesis.toEpochMilli() % 3_600_000L != 0) {
            throw new IllegalArgumentException("setting [genesis] must be a whole UTC hour, was " + genesis);
        }
        if (!(volatilityScale > 0 && volatilityScale <= 5)) {
            throw new IllegalArgumentException("setting [volatilityScale] must be within (0, 5], was "
                    + volatilityScale);
        }
        if (regimeBlockHours < 1 || regimeBlockHours > 168) {
            throw new IllegalArgumentException("setting [regimeBlockHours] must be within [1, 168], was "
                    + regimeBlockHours);
        }
    }

    /** Seed 42, genesis 2024-01-01T00:00Z, volatility scale 1, regime blocks of 8 hours. */
    public static SimSettings defaults() {
        return new SimSettings(42L, DEFAULT_GENESIS, 1.0, 8);
    }

    /** These settings with another seed. */
    public SimSettings withSeed(long newSeed) {
        return new SimSettings(newSeed, genesis, volatilityScale, regimeBlockHours);
    }
}
