package io.marketintel.runtime.market.binance;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure of one Binance call, typed for the caller (its {@link ErrorCode}) and for the connector (its
 * {@link Kind}, whether a write may have been executed anyway). Messages name the endpoint and the cause,
 * never parameters of signed requests or credentials.
 */
final class BinanceFailure extends IntelException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    enum Kind {
        /** No answer within the request timeout. */
        TIMEOUT(ErrorCode.TIMEOUT, true),
        /** Connection refused, reset or closed. */
        CONNECTION(ErrorCode.UPSTREAM_UNAVAILABLE, true),
        /** HTTP 5xx or 408. */
        SERVER_ERROR(ErrorCode.UPSTREAM_UNAVAILABLE, true),
        /** A 2xx answer that is not the documented JSON. */
        MALFORMED(ErrorCode.UPSTREAM_ERROR, true),
        /** HTTP 429: Binance asked us to stop for a while. */
        RATE_LIMITED(ErrorCode.UPSTREAM_UNAVAILABLE, true),
        /** HTTP 418: the IP is banned for a while. */
        BANNED(ErrorCode.UPSTREAM_UNAVAILABLE, false),
        /** HTTP 403 (WAF). */
        FORBIDDEN(ErrorCode.UPSTREAM_UNAVAILABLE, false),
        /** A Binance error answer ({@code {"code":-1121,"msg":"Invalid symbol."}}). */
        REJECTED(ErrorCode.UPSTREAM_ERROR, false),
        /** The endpoint family's circuit is open. */
        CIRCUIT_OPEN(ErrorCode.UPSTREAM_UNAVAILABLE, false),
        /** The local request-weight budget cannot serve the request within its deadline. */
        BUDGET(ErrorCode.RATE_LIMITED, false),
        /** A signed endpoint without configured credentials. */
        CREDENTIALS(ErrorCode.UPSTREAM_UNAVAILABLE, false),
        /** The connector is closed. */
        CLOSED(ErrorCode.SERVICE_UNAVAILABLE, false);

        private final ErrorCode code;
        private final boolean retryable;

        Kind(ErrorCode code, boolean retryable) {
            this.code = code;
            this.retryable = retryable;
        }
    }

    private final transient Endpoint endpoint;
    private final Kind kind;
    private final int httpStatus;
    private final int binanceCode;
    private final String binanceMessage;
    private final boolean outcomeUnknown;

    private BinanceFailure(Kind kind, Endpoint endpoint, String message, int httpStatus, int binanceCode,
                           String binanceMessage, boolean outcomeUnknown, Map<String, Object> extra,
                           Throwable cause) {
        super(kind.code, message, details(endpoint, httpStatus, binanceCode, extra), cause);
        this.kind = kind;
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.binanceCode = binanceCode;
        this.binanceMessage = binanceMessage;
        this.outcomeUnknown = outcomeUnknown;
    }

    private static Map<String, Object> details(Endpoint endpoint, int httpStatus, int binanceCode,
                                               Map<String, Object> extra) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (endpoint != null) {
            d.put("endpoint", endpoint.label());
        }
        if (httpStatus > 0) {
            d.put("http_status", httpStatus);
        }
        if (binanceCode != 0) {
            d.put("binance_code", binanceCode);
        }
        d.putAll(extra);
        return d;
    }

    static BinanceFailure timeout(Endpoint ep, long timeoutMs, boolean outcomeUnknown, Throwable cause) {
        return new BinanceFailure(Kind.TIMEOUT, ep, ep.label() + " did not answer within " + timeoutMs + " ms"
                + (outcomeUnknown ? " (outcome unknown)" : ""), 0, 0, null, outcomeUnknown,
                Map.of("timeout_ms", timeoutMs), cause);
    }

    static BinanceFailure connection(Endpoint ep, Throwable cause, boolean outcomeUnknown) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new BinanceFailure(Kind.CONNECTION, ep, ep.label() + " failed: " + why
                + (outcomeUnknown ? " (outcome unknown)" : ""), 0, 0, null, outcomeUnknown, Map.of(), cause);
    }

    static BinanceFailure serverError(Endpoint ep, int status, String body, boolean outcomeUnknown) {
        return new BinanceFailure(Kind.SERVER_ERROR, ep, ep.label() + " answered HTTP " + status
                + snippet(body) + (outcomeUnknown ? " (outcome unknown)" : ""), status, 0, null, outcomeUnknown,
                Map.of(), null);
    }

    static BinanceFailure malformed(Endpoint ep, int status, String why, boolean outcomeUnknown, Throwable cause) {
        return new BinanceFailure(Kind.MALFORMED, ep, ep.label() + " answered a malformed body: " + why
                + (outcomeUnknown ? " (outcome unknown)" : ""), status, 0, null, outcomeUnknown, Map.of(), cause);
    }

    static BinanceFailure rateLimited(Endpoint ep, int status, long retryAfterMs, int code, String msg) {
        return new BinanceFailure(Kind.RATE_LIMITED, ep, ep.label() + " was rate-limited by Binance (HTTP " + status
                + (code != 0 ? ", code " + code : "") + "); no requests are sent for " + retryAfterMs + " ms",
                status, code, msg, false, Map.of("retry_after_ms", retryAfterMs), null);
    }

    static BinanceFailure banned(Endpoint ep, long bannedUntil, int code, String msg) {
        return new BinanceFailure(Kind.BANNED, ep, ep.label() + " answered HTTP 418: this IP is banned by Binance until "
                + java.time.Instant.ofEpochMilli(bannedUntil) + "; nothing is sent until then", 418, code, msg, false,
                Map.of("banned_until", bannedUntil), null);
    }

    static BinanceFailure forbidden(Endpoint ep, String body) {
        return new BinanceFailure(Kind.FORBIDDEN, ep, ep.label() + " answered HTTP 403 (Binance WAF)" + snippet(body),
                403, 0, null, false, Map.of(), null);
    }

    static BinanceFailure rejected(Endpoint ep, int status, int code, String msg) {
        return new BinanceFailure(Kind.REJECTED, ep, ep.label() + " was rejected by Binance: " + code + " "
                + (msg == null ? "" : msg), status, code, msg, false, Map.of(), null);
    }

    static BinanceFailure circuitOpen(Endpoint ep, long retryInMs, String lastFailure) {
        return new BinanceFailure(Kind.CIRCUIT_OPEN, ep, "the circuit of Binance " + ep.family().label()
                + " endpoints is open after repeated failures" + (lastFailure == null ? "" : " (last: " + lastFailure
                + ")") + "; " + ep.label() + " is not sent, next trial in " + retryInMs + " ms", 0, 0, null, false,
                Map.of("retry_after_ms", retryInMs, "family", ep.family().label()), null);
    }

    static BinanceFailure budget(Endpoint ep, String message, long waitMs) {
        Map<String, Object> extra = waitMs >= 0 ? Map.of("retry_after_ms", waitMs) : Map.of();
        return new BinanceFailure(Kind.BUDGET, ep, message, 0, 0, null, false, extra, null);
    }

    static BinanceFailure paused(Endpoint ep, String message, long untilMs, boolean banned) {
        return new BinanceFailure(banned ? Kind.BANNED : Kind.RATE_LIMITED, ep, message, 0, 0, null, false,
                Map.of(banned ? "banned_until" : "paused_until", untilMs), null);
    }

    static BinanceFailure credentials(Endpoint ep) {
        return new BinanceFailure(Kind.CREDENTIALS, ep, ep.label() + " is a signed Binance endpoint: credentials are "
                + "needed (set binance.api_key and binance.api_secret)", 0, 0, null, false,
                Map.of("needs", "binance.api_key, binance.api_secret"), null);
    }

    static BinanceFailure closed(Endpoint ep) {
        return new BinanceFailure(Kind.CLOSED, ep, "the Binance connector is closed; " + (ep == null ? "the request"
                : ep.label()) + " is not sent", 0, 0, null, false, Map.of(), null);
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String s = body.strip().replaceAll("\\s+", " ");
        return ": " + (s.length() > 160 ? s.substring(0, 160) + "…" : s);
    }

    Kind kind() {
        return kind;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** Binance's error code ({@code -1121}), 0 when the answer had none. */
    int binanceCode() {
        return binanceCode;
    }

    /** Binance's error message, or null. */
    String binanceMessage() {
        return binanceMessage;
    }

    /** Whether a write may have been executed although it failed (timeout, 5xx, garbled answer). */
    boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** Whether repeating the same idempotent request may succeed. */
    boolean retryable() {
        return kind.retryable;
    }
}
