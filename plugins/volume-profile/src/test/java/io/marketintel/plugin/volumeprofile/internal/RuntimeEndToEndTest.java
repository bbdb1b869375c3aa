package io.marketintel.plugin.volumeprofile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.runtime.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plugin inside the real platform, booted in-process on its simulated market (platform-runtime is a test-only
 * dependency on the class path): discovery of the module, the runtime's validation of the declared parameters (400
 * naming the parameter, 404 for unknown symbols), the REST routes, the JSON the runtime writes, and the cross-key
 * configuration rule applied at load.
 */
class RuntimeEndToEndTest {

    private static Platform platform;
    private static Path home;

    /** An answer: status and parsed body. */
    private record Answer(int status, JsonNode body) {
    }

    @BeforeAll
    static void boot() throws Exception {
        home = Files.createTempDirectory("volume-profile-e2e");
        Path config = Files.writeString(home.resolve("market-intel.yaml"), "");
        platform = Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", home.resolve("data").toString()), new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void shutdown() throws Exception {
        try {
            if (platform != null) {
                platform.close(Duration.ofSeconds(10));
            }
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Answer get(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + platform.port() + path).toURL()
                .openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Answer(status, TestJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static Answer op(String pathAndQuery) throws IOException {
        return get("/api/intelligence/volume-profile/" + pathAndQuery);
    }

    @Test
    void lookbackBelowItsRangeIsA400NamingLookback() throws IOException {
        Answer a = op("analysis/BTCUSDT?lookback=5");
        assertThat(a.status()).isEqualTo(400);
        JsonNode error = a.body().get("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(error.get("message").asText()).isEqualTo("parameter [lookback] must be within [10, 1500], was \"5\"");
        assertThat(error.get("details").get("parameter").asText()).isEqualTo("lookback");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
            "analysis/BTCUSDT?lookback=1501,                 lookback",
            "analysis/BTCUSDT?lookback=abc,                  lookback",
            "analysis/BTCUSDT?interval=7m,                   interval",
            "levels/BTCUSDT?num_levels=0,                    num_levels",
            "levels/BTCUSDT?num_levels=51,                   num_levels",
            "levels/BTCUSDT?lookback=9,                      lookback",
            "compare/BTCUSDT?historical_multiplier=11,       historical_multiplier",
            "compare/BTCUSDT?historical_multiplier=1,        historical_multiplier",
            "compare/BTCUSDT?bins=20,                        bins"})
    void badParametersAre400sNamingTheParameter(String call, String parameter) throws IOException {
        Answer a = op(call);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("error").get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(a.body().get("error").get("message").asText()).contains("[" + parameter + "]");
    }

    @Test
    void unknownSymbolsAre404s() throws IOException {
        for (String op : List.of("analysis", "levels", "compare")) {
            Answer a = op(op + "/NOPEUSDT");
            assertThat(a.status()).as(op).isEqualTo(404);
            assertThat(a.body().get("error").get("code").asText()).isEqualTo("UNKNOWN_SYMBOL");
        }
    }

    @Test
    void analysisOnTheSimulatedMarket() throws IOException {
        long before = System.currentTimeMillis();
        Answer a = op("analysis/BTCUSDT?interval=1H&lookback=120");    // enum values match case-insensitively
        assertThat(a.status()).isEqualTo(200);
        JsonNode d = a.body().get("data");
        assertThat(d.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(d.get("interval").asText()).isEqualTo("1h");        // the declared spelling
        assertThat(d.get("lookback").asInt()).isEqualTo(120);
        assertThat(d.get("candles").asInt()).isEqualTo(120);
        assertThat(d.get("data_time").asLong()).isLessThan(before);     // closed candles only
        assertThat(d.get("source").asText()).isEqualTo("sim");
        String position = d.get("position_relative_to_value_area").asText();
        assertThat(position).isIn("ABOVE_VALUE_AREA", "INSIDE_VALUE_AREA", "BELOW_VALUE_AREA");
        assertThat(d.get("bias").asText()).isEqualTo(switch (position) {
            case "ABOVE_VALUE_AREA" -> "LONG";
            case "BELOW_VALUE_AREA" -> "SHORT";
            default -> "NEUTRAL";
        });
        double val = d.get("value_area_low").get("price").asDouble();
        double vah = d.get("value_area_high").get("price").asDouble();
        double poc = d.get("poc").get("price").asDouble();
        assertThat(poc).isBetween(val, vah);
        assertThat(d.get("value_area_volume_pct").asDouble()).isGreaterThanOrEqualTo(70.0);
        assertThat(d.get("bins").size()).isEqualTo(d.get("bin_count").asInt()).isBetween(1, 50);
        double sum = 0;
        for (JsonNode bin : d.get("bins")) {
            sum += bin.get("volume").asDouble();
        }
        assertThat(sum).isCloseTo(d.get("total_volume").asDouble(), org.assertj.core.api.Assertions.within(1e-3));
        assertThat(d.get("reasoning").get(0).asText()).startsWith("Price ");
    }

    @Test
    void levelsAndCompareOnTheSimulatedMarket() throws IOException {
        Answer l = op("levels/ETHUSDT?num_levels=2&lookback=60");
        assertThat(l.status()).isEqualTo(200);
        JsonNode d = l.body().get("data");
        assertThat(d.get("num_levels").asInt()).isEqualTo(2);
        assertThat(d.get("levels_above").size() + d.get("levels_below").size()).isBetween(1, 4);
        List<String> types = new ArrayList<>();
        d.get("levels_above").forEach(x -> types.add(x.get("type").asText()));
        d.get("levels_below").forEach(x -> types.add(x.get("type").asText()));
        assertThat(types).allMatch(t -> List.of("POC", "VAH", "VAL", "HVN", "LVN").contains(t));

        Answer c = op("compare/ETHUSDT?lookback=30&historical_multiplier=3");
        assertThat(c.status()).isEqualTo(200);
        JsonNode cd = c.body().get("data");
        assertThat(cd.get("current").get("candles").asInt()).isEqualTo(30);
        assertThat(cd.get("historical").get("candles").asInt()).isEqualTo(90);
        assertThat(cd.get("historical").get("to_time").asLong()).isLessThan(cd.get("current").get("from_time").asLong());
        assertThat(cd.get("shift_direction").asText()).isIn("HIGHER", "LOWER", "OVERLAPPING");
    }

    @Test
    void thePluginIsListedWithItsOperations() throws IOException {
        Answer a = get("/api/plugins");
        assertThat(a.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode p : a.body().get("data")) {
            if (p.get("id").asText().equals("volume-profile")) {
                mine = p;
            }
        }
        assertThat(mine).as("volume-profile in /api/plugins").isNotNull();
        assertThat(mine.get("state").asText()).isEqualTo("ENABLED");
        assertThat(mine.get("module").asText()).isEqualTo("io.marketintel.plugin.volumeprofile");
        List<String> ops = new ArrayList<>();
        mine.get("operations").forEach(o -> ops.add(o.get("name").asText() + " " + o.get("bus_address").asText()));
        assertThat(ops).containsExactly("analysis intel.volume-profile.analysis", "levels intel.volume-profile.levels",
                "compare intel.volume-profile.compare");
    }

    @Test
    void anInconsistentConfigurationStopsTheLaunchNamingBothKeys(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"),
                "plugins:\n  volume-profile:\n    hvn_threshold_pct: 150\n    lvn_threshold_pct: 200\n");
        assertThatThrownBy(() -> Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString()), new PrintStream(new ByteArrayOutputStream())))
                .hasMessageContainingAll("lvn_threshold_pct", "hvn_threshold_pct", "must be below");
    }
}
