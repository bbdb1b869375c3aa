package io.marketintel.api;

/** What the optional last path segment of an operation's REST route carries. */
public enum PathParam {
    /** No path segment: {@code /api/intelligence/<prefix>/<path>}. */
    NONE,
    /** A symbol listed in exchange info: {@code …/<path>/{symbol}}; unknown symbols are answered with 404. */
    SYMBOL,
    /** An identifier such as an execution id: {@code …/<path>/{id}} ({@code [A-Za-z0-9._:-]{1,64}}). */
    ID
}
