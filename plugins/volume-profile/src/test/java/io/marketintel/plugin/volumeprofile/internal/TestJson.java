package io.marketintel.plugin.volumeprofile.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.market.Kline;
import io.marketintel.runtime.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * JSON for tests: the runtime's own mapper ({@code io.marketintel.runtime.json.Json}: snake_case, plain decimals,
 * NaN as null; platform-runtime is a test-only dependency and sits on the class path) and the shared real Binance
 * klines. jackson-databind is a named module the plugin does not (and must not) require, so the test code inside
 * the module adds the read edge itself.
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

    /** The shared USDⓈ-M XRPUSDT 5m klines (freqtrade test data), relative to the shared data folder. */
    static final String XRP_5M = "futures-xrp/XRP_USDT_USDT-5m-futures.json";

    private TestJson() {
    }

    /** {@code value} as the runtime serialises it. */
    static JsonNode tree(Object value) throws IOException {
        return Json.mapper().readTree(Json.encode(value).getBytes());
    }

    /** {@code value} exactly as the runtime writes it on the wire. */
    static String wire(Object value) {
        return Json.encode(value).toString(StandardCharsets.UTF_8);
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
     * The real XRPUSDT 5m klines from {@code <marketintel.shared.data>/futures-xrp/…} (rows {@code [open_time, open,
     * high, low, close, volume]}), read at test time, never copied into the project. Skips the calling test, with
     * the reason, when the file is missing.
     */
    static List<Kline> sharedXrp5m() throws IOException {
        String dir = System.getProperty("marketintel.shared.data");
        Path file = dir == null ? null : Path.of(dir, XRP_5M);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "shared Binance data missing (expected ../shared/data/binance/" + XRP_5M + ", system property"
                        + " marketintel.shared.data=" + dir + "): skipping the real-klines check");
        List<Kline> out = new ArrayList<>();
        long step = 300_000L;
        for (JsonNode r : Json.mapper().readTree(file.toFile())) {
            long open = r.get(0).asLong();
            double close = r.get(4).asDouble();
            double volume = r.get(5).asDouble();
            out.add(new Kline(open, r.get(1).asDouble(), r.get(2).asDouble(), r.get(3).asDouble(), close, volume,
                    open + step - 1, volume * close, 0, 0, 0));
        }
        return out;
    }
}
