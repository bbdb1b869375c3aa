package io.marketintel.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an operation answered, exactly as the REST route and the event bus would: the HTTP status and the JSON body
 * ({@code {"data": …}} or {@code {"error": {"code", "message", "details"}}}).
 *
 * @param status     HTTP status (200, 202; 4xx for the caller's mistakes, 5xx for the plugin's)
 * @param body       the JSON body
 * @param heldMillis how long the operation's handler held the plugin's thread, ms (see
 *                   {@link PluginHarness.Builder#blockedThreshold(java.time.Duration)})
 */
public record Answer(int status, JsonNode body, double heldMillis) {

    /** Whether the status is 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The {@code data} of a successful answer; fails (with the error) otherwise. */
    public JsonNode data() {
        if (!ok()) {
            throw new AssertionError("expected a successful answer, got " + status + " " + body);
        }
        return body.get("data");
    }

    /** The error code ({@code INVALID_PARAMETER}, …) of a failed answer, or null. */
    public String errorCode() {
        JsonNode e = body.get("error");
        return e == null ? null : e.path("code").asText(null);
    }

    /** The error message of a failed answer, or null. */
    public String errorMessage() {
        JsonNode e = body.get("error");
        return e == null ? null : e.path("message").asText(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
