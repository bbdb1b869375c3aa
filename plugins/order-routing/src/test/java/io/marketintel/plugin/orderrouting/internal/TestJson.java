package io.marketintel.plugin.orderrouting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.runtime.json.Json;
import java.io.IOException;
import java.util.List;

/**
 * JSON for tests with the runtime's own mapper (platform-runtime is a test-only dependency on the class path).
 * jackson-databind is a named module the plugin does not (and must not) require, so the test code inside the module
 * adds the read edge itself before anything touches Jackson.
 */
final class TestJson {

    static {
        try {
            for (String type : List.of("com.fasterxml.jackson.databind.ObjectMapper",
                    "com.fasterxml.jackson.core.JsonGenerator")) {
                Module jackson = Class.forName(type, false, TestJson.class.getClassLoader()).getModule();
                TestJson.class.getModule().addReads(jackson);
            }
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError("jackson-databind is a test dependency of this module: " + e);
        }
    }

    private TestJson() {
    }

    /** Adds the read edges (runs the static initialiser). */
    static void ready() {
    }

    /** Parses a JSON text. */
    static JsonNode parse(String text) throws IOException {
        return Json.mapper().readTree(text);
    }

    /** {@code value} as a JSON tree, as the runtime writes it. */
    static JsonNode tree(Object value) {
        return Json.mapper().valueToTree(value);
    }
}
