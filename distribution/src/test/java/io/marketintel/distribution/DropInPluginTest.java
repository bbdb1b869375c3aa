package io.marketintel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example third-party plugin (examples/rsi-extremes-plugin), built by this build, copied into the plugin folder
 * of the running distribution like an operator would: it appears in {@code GET /api/plugins} and answers over REST
 * without a restart, and deleting the jar withdraws its routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DropInPluginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RSI = "/api/intelligence/rsi-extremes/rsi/BTCUSDT";
    /** A hang guard: the folder is looked at every 250 ms here, a jar loads in about a second. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Path pluginsDir;
    private Path jar;
    private RunningPlatform platform;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        jar = Path.of(System.getProperty("marketintel.example.plugin",
                "target/drop-in/rsi-extremes-plugin-1.0.0.jar"));
        assertThat(jar).as("the example plugin, built by examples/rsi-extremes-plugin").isRegularFile();
        pluginsDir = Files.createDirectory(dir.resolve("plugins-ext"));
        Path config = dir.resolve("market-intel.yaml");
        Files.copy(RunningPlatform.root().resolve("config/market-intel.yaml"), config);
        platform = RunningPlatform.start(Map.of(
                "MI_CONFIG", config.toString(),
                "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString(),
                "MI_PLUGINS_DIR", pluginsDir.toString(),
                "MI_CONFIG_WATCH_INTERVAL_MS", "250")).awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void beforeTheJarIsCopiedThePluginIsUnknown() throws Exception {
        assertThat(platform.get(RSI).statusCode()).isEqualTo(404);
        assertThat(plugin("rsi-extremes")).isNull();
    }

    @Test
    @Order(2)
    void aCopiedJarIsLoadedAndAnswersOverRest() throws Exception {
        long copied = System.nanoTime();
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));

        HttpResponse<String> first = await(() -> platform.get(RSI), r -> r.statusCode() == 200);
        System.out.printf("example plugin: first REST answer %d ms after the jar was copied%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - copied));

        JsonNode data = JSON.readTree(first.body()).get("data");
        assertThat(data.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(data.get("rsi").asDouble()).isBetween(0.0, 100.0);
        assertThat(data.get("zone").asText()).isIn("OVERBOUGHT", "NEUTRAL", "OVERSOLD");

        JsonNode view = plugin("rsi-extremes");
        assertThat(view.get("state").asText()).isEqualTo("ENABLED");
        assertThat(view.get("module").asText()).isEqualTo("com.example.rsiextremes");
        assertThat(view.toString()).contains(jar.getFileName().toString());
        assertThat(view.get("operations").findValuesAsText("name")).contains("scan", "rsi");
    }

    @Test
    @Order(3)
    void itsParametersAreValidatedLikeABuiltInPlugins() throws Exception {
        HttpResponse<String> r = platform.get("/api/intelligence/rsi-extremes/scan?period=1");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(error.get("message").asText()).contains("[period]");

        HttpResponse<String> scan = platform.get("/api/intelligence/rsi-extremes/scan?symbols=ETHUSDT,SOLUSDT");
        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(scan.body()).at("/data/readings").findValuesAsText("symbol"))
                .containsExactly("ETHUSDT", "SOLUSDT");
    }

    @Test
    @Order(4)
    void aDeletedJarTakesItsRoutesAway() throws Exception {
        Files.delete(pluginsDir.resolve(jar.getFileName()));

        HttpResponse<String> gone = await(() -> platform.get(RSI), r -> r.statusCode() == 404);

        assertThat(JSON.readTree(gone.body()).at("/error/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(plugin("rsi-extremes")).isNull();
        assertThat(platform.get("/api/intelligence/funding/sentiment/BTCUSDT").statusCode()).isEqualTo(200);
    }

    /** The entry of plugin {@code id} in {@code GET /api/plugins}, or null. */
    private JsonNode plugin(String id) throws Exception {
        HttpResponse<String> r = platform.get("/api/plugins");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(r.body()).get("data");
        JsonNode list = data.isArray() ? data : data.path("plugins");
        for (JsonNode p : list) {
            if (id.equals(p.path("id").asText())) {
                return p;
            }
        }
        return null;
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Polls until {@code done} holds (the platform looks at its folder periodically); fails after a long while. */
    private static HttpResponse<String> await(Call call, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last;
        do {
            last = call.send();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no expected answer within " + PATIENCE + "; last: " + last.statusCode() + " "
                + last.body());
    }
}
