package io.marketintel.runtime.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.params.BindingException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/** Conversions between failures and the error JSON. */
public final class Errors {

    private static final System.Logger LOG = System.getLogger(Errors.class.getName());

    private Errors() {
    }

    /**
     * The caller-facing form of {@code failure}. Unexpected failures are logged with a reference id and
     * answered as INTERNAL_ERROR quoting only that reference.
     *
     * @param failure what went wrong
     * @param what    what was being done, for the log and timeout messages ({@code operation [funding.sentiment]})
     */
    public static IntelException toIntel(Throwable failure, String what) {
        Throwable f = unwrap(failure);
        if (f instanceof IntelException ie) {
            return ie;
        }
        if (f instanceof BindingException be) {
            return IntelException.invalidParameter(be.name(), be.getMessage());
        }
        if (f instanceof ReplyException re) {
            return fromReply(re, what);
        }
        if (f instanceof TimeoutException) {
            return new IntelException(ErrorCode.TIMEOUT, what + " did not answer in time");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(System.Logger.Level.ERROR, "internal error " + reference + " in " + what, f);
        return new IntelException(ErrorCode.INTERNAL_ERROR, "internal error in " + what + " (reference " + reference
                + ", see the server log)", Map.of("reference", reference));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable f = t;
        while ((f instanceof java.util.concurrent.CompletionException
                || f instanceof java.util.concurrent.ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        return f;
    }

    private static IntelException fromReply(ReplyException re, String what) {
        if (re.failureType() == ReplyFailure.TIMEOUT) {
            return new IntelException(ErrorCode.TIMEOUT, what + " did not answer in time");
        }
        if (re.failureType() == ReplyFailure.NO_HANDLERS) {
            return new IntelException(ErrorCode.NOT_FOUND, "nobody serves " + what);
        }
        IntelException parsed = parse(re.getMessage());
        return parsed != null ? parsed
                : new IntelException(ErrorCode.INTERNAL_ERROR, what + " failed: " + re.getMessage());
    }

    /** The error JSON of {@code e}. */
    public static ObjectNode body(IntelException e) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", e.code().name());
        error.put("message", e.getMessage());
        error.set("details", Json.tree(new LinkedHashMap<>(e.details())));
        return root;
    }

    /** The error JSON of {@code e} as bytes. */
    public static Buffer encode(IntelException e) {
        return Json.encode(body(e));
    }

    /** Reads an error JSON back (bus replies); null when {@code text} is not one. */
    public static IntelException parse(String text) {
        if (text == null || !text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode error = Json.mapper().readTree(text).path("error");
            ErrorCode code = ErrorCode.valueOf(error.path("code").asText());
            Map<String, Object> details = Json.mapper().convertValue(error.path("details"),
                    Json.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            return new IntelException(code, error.path("message").asText(), details == null ? Map.of() : details);
        } catch (Exception e) {
            return null;
        }
    }
}
