package io.marketintel.plugin.liquidations.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.marketintel.api.market.LeverageBracket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Jackson for tests: the runtime's JSON naming (snake_case, plain decimals) and the shared real
 * Binance data. jackson-databind is a test-only dependency; the plugin module does not (and must not) require
 * it, so the test code inside the module adds the read edge itself.
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

    /** Where the shared brackets file lives. */
    static final String BRACKETS_FILE = "leverage-brackets/derived_leverageBracket_BTC_ETH_BNB_SOL_XRP.json";

    private JacksonSupport() {
    }

    /**
     * A mapper with the runtime's naming ({@code io.marketintel.runtime.json.Json}): snake_case, indented. The
     * runtime also writes doubles in plain notation and NaN as null; {@link #pretty} reproduces the plain notation
     * without subclassing Jackson types (a subclass in this module would be access-checked before the read edge
     * to Jackson exists).
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

    /**
     * The real brackets of {@code symbol} from {@code <marketintel.shared.data>/leverage-brackets/…}, read at test
     * time (never copied into the project). Skips the calling test, with the reason, when the file is missing.
     */
    static List<LeverageBracket> sharedBrackets(String symbol) throws IOException {
        String dir = System.getProperty("marketintel.shared.data");
        Path file = dir == null ? null : Path.of(dir, BRACKETS_FILE);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "shared Binance data missing (expected ../shared/data/binance/" + BRACKETS_FILE + ", system property"
                        + " marketintel.shared.data=" + dir + "): skipping the real-brackets check");
        List<LeverageBracket> out = new ArrayList<>();
        for (JsonNode s : mapper().readTree(file.toFile())) {
            if (!symbol.equals(s.get("symbol").asText())) {
                continue;
            }
            for (JsonNode b : s.get("brackets")) {
                out.add(new LeverageBracket(b.get("bracket").asInt(), b.get("initialLeverage").asInt(),
                        b.get("notionalCap").asDouble(), b.get("notionalFloor").asDouble(),
                        b.get("maintMarginRatio").asDouble(), b.get("cum").asDouble()));
            }
        }
        if (out.isEmpty()) {
            throw new AssertionError(symbol + " is not in " + file);
        }
        return out;
    }
}
