package io.marketintel.api;

import java.util.Map;
import java.util.Objects;

/**
 * A failure the caller should see, answered as {@code {"error":{"code","message","details"}}} with the
 * code's HTTP status. Messages name what is wrong ({@code parameter [num_levels] must be within [1, 50],
 * was 90}) and never carry secrets or stack traces.
 */
public class IntelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Map<String, Object> details;

    /**
     * @param code    the error code
     * @param message a sentence naming what is wrong
     * @param details small, JSON-friendly facts (names, limits, values); may be empty
     */
    public IntelException(ErrorCode code, String message, Map<String, ?> details) {
        this(code, message, details, null);
    }

    /** Same, keeping the cause for the log (the cause is never sent to the caller). */
    public IntelException(ErrorCode code, String message, Map<String, ?> details, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A failure without details. */
    public IntelException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** Shorthand for an {@link ErrorCode#INVALID_PARAMETER} naming the parameter. */
    public static IntelException invalidParameter(String name, String message) {
        return new IntelException(ErrorCode.INVALID_PARAMETER, message, Map.of("parameter", name));
    }

    /** Shorthand for {@link ErrorCode#UNKNOWN_SYMBOL}. */
    public static IntelException unknownSymbol(String symbol) {
        return new IntelException(ErrorCode.UNKNOWN_SYMBOL, "symbol [" + symbol + "] is not listed by the market",
                Map.of("symbol", symbol));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
