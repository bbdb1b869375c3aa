package io.marketintel.api;

/** The directional call every analysis result carries as {@code bias}. */
public enum Bias {
    LONG, SHORT, NEUTRAL
}
