package io.marketintel.plugin.mtf.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

/**
 * Jackson for tests: the runtime's JSON naming (snake_case, plain decimals). jackson-databind is a test-only
 * dependency; the plugin module does not (and must not) require it, so the test code inside the module adds the read
 * edge itself.
 */
final class JacksonSupport {

    static {
        try {
            for (String type : List.of("com.fasterxml.jackson.databind.ObjectMapper",
                    "com.fasterxml.jackson.core.JsonGenerator")) {
                Module jackson = Class.forName(type, false, JacksonSupport.class.getClassLoader()).getModule();
                JacksonSupport.class.getModule().addReads(jackson);
            }
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError("jackson-databind is a test dependency of this module: " + e);
        }
    }

    private JacksonSupport() {
    }

    /**
     * A mapper with the runtime's naming ({@code io.marketintel.runtime.json.Json}): snake_case, indented. The runtime
     * also writes doubles in plain notation and NaN as null; the results hold no NaN (missing values are {@code null})
     * and {@link #pretty} reproduces the plain notation.
     */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    static JsonNode tree(Object value) throws IOException {
        ObjectMapper m = mapper();
        return m.readTree(m.writeValueAsString(value));
    }

    /** {@code value} as indented JSON with decimals in plain notation ({@code 0.00085}, not {@code 8.5E-4}). */
    static String pretty(Object value) throws IOException {
        return mapper().writeValueAsString(tree(value));
    }
}
