package com.example.rsiextremes.internal;

/** Where an RSI reading lies relative to the thresholds. */
public enum Zone {
    /** At or above the overbought threshold. */
    OVERBOUGHT,
    /** Between the thresholds (or not enough candles for an RSI). */
    NEUTRAL,
    /** At or below the oversold threshold. */
    OVERSOLD
}
