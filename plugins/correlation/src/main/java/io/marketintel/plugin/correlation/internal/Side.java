package io.marketintel.plugin.correlation.internal;

/** Side of a leg. */
public enum Side {
    LONG,
    SHORT
}
