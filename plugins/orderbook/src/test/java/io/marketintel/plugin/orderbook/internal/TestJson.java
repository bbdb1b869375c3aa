package io.marketintel.plugin.orderbook.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Jackson as the runtime configures it at its edges (snake_case names, NaN as null, decimals in plain notation).
 * jackson-databind is a test-only dependency of this module; the plugin itself only opens its package to it.
 * Surefire resolves Jackson as the named module {@code com.fasterxml.jackson.databind}, so serialising here also
 * proves that the {@code opens … to com.fasterxml.jackson.databind} clause is enough.
 */
final class TestJson {

    static {
        // The plugin module does not (and must not) require Jackson; the test code inside it needs to read it.
        try {
            for (String type : List.of("com.fasterxml.jackson.databind.ObjectMapper",
                    "com.fasterxml.jackson.core.JsonGenerator")) {
                TestJson.class.getModule().addReads(Class.forName(type, false, TestJson.class.getClassLoader())
                        .getModule());
            }
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError("jackson-databind is a test dependency of this module: " + e);
        }
    }

    private static final ObjectMapper MAPPER = create();

    private TestJson() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /**
     * Doubles as the runtime writes them: NaN and infinities as null, others in plain notation ({@code 10000000.0},
     * not {@code 1.0E7}). Done on the tree rather than with a custom serialiser, because a serialiser subclass would
     * have to link against Jackson before this module is made to read it.
     */
    private static JsonNode plain(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            return Double.isFinite(d) ? JsonNodeFactory.instance.numberNode(BigDecimal.valueOf(d))
                    : JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(plain(e.getValue()));
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, plain(a.get(i)));
            }
        }
        return node;
    }

    /** {@code value} as a JSON tree, through a string as the runtime writes it. */
    static JsonNode tree(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(plain(MAPPER.valueToTree(value))));
        } catch (IOException e) {
            throw new AssertionError("cannot serialise " + value, e);
        }
    }

    /** Pretty JSON of {@code value}, as the runtime would write it. */
    static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plain(MAPPER.valueToTree(value)));
        } catch (IOException e) {
            throw new AssertionError("cannot serialise " + value, e);
        }
    }

    static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
