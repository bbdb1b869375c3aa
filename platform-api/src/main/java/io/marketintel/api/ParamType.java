package io.marketintel.api;

/**
 * Types of operation parameters and configuration values, with the Java type a plugin reads.
 */
public enum ParamType {
    /** Free text; {@link Params#string(String)}. */
    STRING,
    /** A whole number; {@link Params#integer(String)} / {@link Params#longValue(String)}. */
    INTEGER,
    /** A finite decimal number; {@link Params#decimal(String)}. */
    DECIMAL,
    /** {@code true} or {@code false}; {@link Params#bool(String)}. */
    BOOLEAN,
    /** One of {@link ParamSpec#allowed()}, compared case-insensitively, delivered in the declared spelling. */
    ENUM,
    /** A symbol listed in exchange info ({@code BTCUSDT}); unknown symbols are answered with 404. */
    SYMBOL,
    /** A list of symbols (JSON array or comma-separated), each checked like {@link #SYMBOL}. */
    SYMBOL_LIST,
    /** A list of strings (JSON array or comma-separated). */
    STRING_LIST,
    /** A map of string keys to string values (configuration only, e.g. a symbol to sector map). */
    STRING_MAP,
    /**
     * A JSON object given in a request body or bus message (for example a complete analysis the caller already
     * has); {@link Params#object(String)} delivers it as a Vert.x {@code JsonObject}. The plugin validates its
     * content.
     */
    OBJECT
}
