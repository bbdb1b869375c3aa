package io.marketintel.plugin.correlation.internal;

/** The pairs-trading signal. */
public enum PairSignal {
    /** The spread of a correlated pair is beyond the z-score threshold: bet on it reverting. */
    MEAN_REVERSION,
    /** No trade. */
    NONE
}
