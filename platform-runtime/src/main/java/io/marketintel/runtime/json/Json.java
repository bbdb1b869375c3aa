package io.marketintel.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * The one JSON configuration of the platform's edges: records serialise with snake_case names, NaN and
 * infinities become {@code null} (JSON has no NaN), decimals are written in plain notation, unknown fields
 * of incoming JSON are ignored.
 */
public final class Json {

    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    /** The shared mapper (thread-safe, configured once). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        SimpleModule finite = new SimpleModule("finite-doubles");
        finite.addSerializer(Double.class, new FiniteDoubleSerializer());
        finite.addSerializer(double.class, new FiniteDoubleSerializer());
        finite.addSerializer(double[].class, new FiniteDoubleArraySerializer());
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .addModule(finite)
                .build();
    }

    /** Serialises {@code value} to a UTF-8 buffer. */
    public static Buffer encode(Object value) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Converts {@code value} to a JSON tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static final class FiniteDoubleArraySerializer extends StdSerializer<double[]> {
        private static final long serialVersionUID = 1L;
        private final FiniteDoubleSerializer element = new FiniteDoubleSerializer();

        FiniteDoubleArraySerializer() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(values, values.length);
            for (double v : values) {
                element.serialize(v, gen, provider);
            }
            gen.writeEndArray();
        }
    }

    private static final class FiniteDoubleSerializer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                gen.writeNumber((long) value.doubleValue());
            } else {
                // Plain notation (0.00085, not 8.5E-4): what people and the specification's examples read.
                gen.writeNumber(java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
            }
        }
    }
}
