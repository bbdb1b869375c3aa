package io.marketintel.api.trading;

/** Order side. */
public enum Side {
    BUY, SELL;

    /** +1 for BUY, −1 for SELL. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    /** The other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
