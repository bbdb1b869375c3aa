package io.marketintel.api.trading;

/** Margin mode of a position. */
public enum MarginType {
    CROSS, ISOLATED
}
