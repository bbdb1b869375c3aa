package io.marketintel.plugin.risk.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.runtime.json.Json;
import java.io.IOException;
import java.util.List;

/**
 * JSON for tests: the runtime's own mapper ({@code io.marketintel.runtime.json.Json}: snake_case, plain decimals,
 * NaN as null; platform-runtime is a test-only dependency on the class path). jackson-databind is a named module the
 * plugin does not (and must not) require, so the test code inside the module adds the read edge itself.
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

    /** {@code value} as the runtime serialises it. */
    static JsonNode tree(Object value) throws IOException {
        return Json.mapper().readTree(Json.encode(value).getBytes());
    }

    /** Indented for people (decimals kept plain). */
    static String pretty(JsonNode node) throws IOException {
        return Json.mapper().copy().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** Parses a JSON text. */
    static JsonNode parse(String text) throws IOException {
        return Json.mapper().readTree(text);
    }
}
