package io.marketintel.plugin.tpladder.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.runtime.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;

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

    /** {@code value} exactly as the runtime writes it on the wire. */
    static String wire(Object value) {
        return Json.encode(value).toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code value} as the runtime writes it, indented for people (decimals kept plain). */
    static String pretty(Object value) throws IOException {
        return Json.mapper().copy().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .writerWithDefaultPrettyPrinter().writeValueAsString(tree(value));
    }

    /** Parses a JSON text. */
    static JsonNode parse(String text) throws IOException {
        return Json.mapper().readTree(text);
    }

    /**
     * {@code value} serialised and read back as the JSON object an OBJECT parameter delivers (the runtime binds it
     * with the same mapper, floats as BigDecimal).
     */
    @SuppressWarnings("unchecked")
    static JsonObject object(Object value) throws IOException {
        return new JsonObject(Json.mapper().convertValue(tree(value), Map.class));
    }
}
