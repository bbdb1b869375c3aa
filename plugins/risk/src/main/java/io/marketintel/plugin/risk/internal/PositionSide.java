package io.marketintel.plugin.risk.internal;

/** Direction of a position (one-way mode: the sign of its size). */
public enum PositionSide {
    LONG, SHORT;

    /** +1 for LONG, −1 for SHORT. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
