package io.marketintel.api.trading;

/** Time in force of limit orders. GTX is post-only. */
public enum TimeInForce {
    GTC, IOC, FOK, GTX
}
