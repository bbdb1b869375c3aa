package io.marketintel.runtime.bus;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Event-bus addresses and message shapes. Requests to {@code intel.<plugin-id>.<operation>} carry
 * {@code {"symbol"|"id": …, "params": {…}}}; replies are {@code {"data": …}}, failures carry the HTTP
 * status as failure code and the error JSON as message. Results are published on
 * {@code intel.events.<plugin-id>}.
 */
public final class BusAddresses {

    /** Prefix of every platform address. */
    public static final String PREFIX = "intel.";

    private BusAddresses() {
    }

    /** Address of an operation. */
    public static String operation(String pluginId, String operation) {
        return PREFIX + pluginId + "." + operation;
    }

    /** Address where a plugin's events are published. */
    public static String events(String pluginId) {
        return PREFIX + "events." + pluginId;
    }

    /**
     * Where the platform publishes changes of the installed plugins ({@code {"id", "change": "installed"|"removed",
     * "version"}}), e.g. a drop-in jar added, replaced or deleted.
     */
    public static final String PLUGINS_CHANGED = PREFIX + "platform.plugins";

    /** A request body. */
    public static JsonObject request(String pathValue, Map<String, ?> params) {
        JsonObject body = new JsonObject();
        if (pathValue != null) {
            body.put("symbol", pathValue);
        }
        JsonObject p = new JsonObject();
        if (params != null) {
            params.forEach((k, v) -> p.put(k, v instanceof java.util.Collection<?> c ? new io.vertx.core.json.JsonArray(
                    new java.util.ArrayList<>(c)) : v));
        }
        body.put("params", p);
        return body;
    }
}
