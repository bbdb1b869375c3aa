package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.trading.Side;

/** The side of the position the ladder takes profit on. */
public enum PositionSide {
    /** A long position: take-profits above the entry, closed by SELL orders. */
    LONG,
    /** A short position: take-profits below the entry, closed by BUY orders. */
    SHORT;

    /** +1 for LONG (profit as the price rises), −1 for SHORT. */
    int sign() {
        return this == LONG ? 1 : -1;
    }

    /** The order side that reduces the position. */
    Side closingSide() {
        return this == LONG ? Side.SELL : Side.BUY;
    }
}
