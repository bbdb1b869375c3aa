package io.marketintel.api;

/**
 * Error codes of the project's error JSON {@code {"error":{"code","message","details"}}}, each with
 * the HTTP status it is answered with. Over the event bus the same status is the failure code.
 */
public enum ErrorCode {
    /** A parameter is missing, of the wrong type or out of range; the message names it. */
    INVALID_PARAMETER(400),
    /** The body is not valid JSON or not of the expected shape. */
    MALFORMED_REQUEST(400),
    /** No or malformed {@code Authorization: Bearer} header on a mutating request. */
    UNAUTHORIZED(401),
    /** Wrong token, or an action that configuration forbids (live trading off). */
    FORBIDDEN(403),
    /** No such route, plugin, operation or resource. */
    NOT_FOUND(404),
    /** The symbol is not listed by the market's exchange info. */
    UNKNOWN_SYMBOL(404),
    /** The route exists for other methods. */
    METHOD_NOT_ALLOWED(405),
    /** The request conflicts with current state (e.g. cancelling a finished execution). */
    CONFLICT(409),
    /** The request body exceeds {@code http.max_body_bytes}. */
    PAYLOAD_TOO_LARGE(413),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The caller sends too fast. */
    RATE_LIMITED(429),
    /** A defect; the message never carries a stack trace. */
    INTERNAL_ERROR(500),
    /** The upstream market (Binance) answered with an error or garbage. */
    UPSTREAM_ERROR(502),
    /** The plugin is disabled in configuration or through the API. */
    PLUGIN_DISABLED(503),
    /** The upstream market is unreachable, rate-limited or banned us for a while. */
    UPSTREAM_UNAVAILABLE(503),
    /** The platform is starting or shutting down. */
    SERVICE_UNAVAILABLE(503),
    /** The operation did not answer within its deadline. */
    TIMEOUT(504);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status answered for this code. */
    public int httpStatus() {
        return httpStatus;
    }
}
