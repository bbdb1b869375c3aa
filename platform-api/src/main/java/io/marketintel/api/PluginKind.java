package io.marketintel.api;

/** The two kinds of plugin. */
public enum PluginKind {
    /** Reads market data and answers analyses. */
    ANALYZER,
    /** Places orders through the exchange port. */
    EXECUTOR
}
