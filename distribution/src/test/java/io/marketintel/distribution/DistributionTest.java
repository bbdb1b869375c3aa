package io.marketintel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user runs it: a real JVM on the module path, the shipped config file, the
 * simulated market. Covers discovery on the module path, live reload of the config file, rejection of
 * a bad edit, the generated token, a bad config at start, and a graceful SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionTest {

    private Path dir;
    private Path config;
    private String shipped;
    private RunningPlatform platform;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        assertThat(RunningPlatform.lib()).as("assembled distribution").isDirectory();
        shipped = Files.readString(RunningPlatform.root().resolve("config/market-intel.yaml"));
        config = dir.resolve("market-intel.yaml");
        Files.writeString(config, shipped);
        platform = RunningPlatform.start(Map.of(
                "MI_CONFIG", config.toString(),
                "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString(),
                "MI_CONFIG_WATCH_INTERVAL_MS", "250")).awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    /** The shipped file with the funding section's {@code enabled} line replaced by {@code lines}. */
    private String funding(String lines) {
        String marker = "  funding:\n    enabled: true\n";
        assertThat(shipped).contains(marker);
        return shipped.replace(marker, "  funding:\n    " + lines + "\n");
    }

    private static void awaitStatus(RunningPlatform p, String path, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = p.get(path).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " answered " + last + ", expected " + status + " within 15 s");
    }

    @Test
    @Order(1)
    void healthReportsRuntimeMarketAndStorage() throws Exception {
        HttpResponse<String> r = platform.get("/api/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"", "\"source\":\"sim\"", "market-intel");
    }

    @Test
    @Order(2)
    void pluginsAreDiscoveredAsModulesOnTheModulePath() throws Exception {
        HttpResponse<String> r = platform.get("/api/plugins");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"funding\"", "\"module\":\"io.marketintel.plugin.funding\"",
                "\"state\":\"ENABLED\"");
        HttpResponse<String> console = platform.get("/");
        assertThat(console.statusCode()).as("console from the web-console module").isEqualTo(200);
        assertThat(console.body()).contains("<title>Market Intel</title>", "app.js");
        assertThat(platform.get("/nope").body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    @Order(3)
    void anOperationAnswersOnTheSimulatedMarket() throws Exception {
        HttpResponse<String> r = platform.get("/api/intelligence/funding/sentiment/BTCUSDT");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"data\":").contains("\"bias\"", "\"confidence\"", "\"reasoning\"");
        assertThat(platform.get("/api/intelligence/funding/sentiment/NOPEUSDT").statusCode()).isEqualTo(404);
        for (String path : new String[] {"/api/intelligence/funding/arbitrage?min_funding=0.01",
                "/api/intelligence/liquidations/heatmap/ETHUSDT", "/api/intelligence/liquidations/levels/BTCUSDT?num_levels=3",
                "/api/intelligence/orderbook/analysis/BTCUSDT", "/api/intelligence/orderbook/levels/SOLUSDT?num_levels=5",
                "/api/intelligence/volume-profile/analysis/BTCUSDT?interval=15m&lookback=300",
                "/api/intelligence/volume-profile/levels/ETHUSDT", "/api/intelligence/volume-profile/compare/BTCUSDT",
                "/api/intelligence/mtf/confluence/BTCUSDT",
                "/api/intelligence/correlation/hedge/BTCUSDT?candidates=ETHUSDT,BNBUSDT,SOLUSDT",
                "/api/intelligence/correlation/pairs-signal?pair1=BTCUSDT&pair2=ETHUSDT",
                "/api/intelligence/risk/portfolio-heat",
                "/api/intelligence/order-routing/recommend/BTCUSDT?side=BUY&quantity=0.5",
                "/api/intelligence/order-routing/executions",
                "/api/intelligence/complete-analysis/BTCUSDT",
                "/api/intelligence/meta/best-strategies?condition=ranging"}) {
            HttpResponse<String> each = platform.get(path);
            assertThat(each.statusCode()).as(path + " " + each.body()).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void theCorrelationMatrixTakesAJsonBody() throws Exception {
        HttpResponse<String> r = platform.postJson("/api/intelligence/correlation/matrix",
                "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\",\"BNBUSDT\",\"SOLUSDT\"],\"period\":\"1h\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"matrix\"", "\"hedging_opportunities\"");
        HttpResponse<String> bad = platform.postJson("/api/intelligence/correlation/matrix", "{\"symbols\":[\"BTCUSDT\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("symbols");
    }

    @Test
    @Order(3)
    void theExecutorsAndTheSelectorTakeJsonBodies() throws Exception {
        HttpResponse<String> ladder = platform.postJson("/api/intelligence/tp-ladder/calculate",
                "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000,\"quantity\":0.5,\"leverage\":5}");
        assertThat(ladder.statusCode()).as(ladder.body()).isEqualTo(200);
        assertThat(ladder.body()).contains("\"tp_levels\"", "\"expected_profit_pct\"");
        HttpResponse<String> meta = platform.postJson("/api/intelligence/meta/analyze-and-recommend",
                "{\"symbol\":\"BTCUSDT\"}");
        assertThat(meta.statusCode()).as(meta.body()).isEqualTo(200);
        assertThat(meta.body()).contains("\"market_condition\"", "\"overall_confidence\"");
        HttpResponse<String> noToken = platform.postJson("/api/intelligence/order-routing/execute",
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.01}");
        assertThat(noToken.statusCode()).as(noToken.body()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void theGeneratedTokenIsOwnerOnlyAndPrintedOnce() throws Exception {
        Path tokenFile = dir.resolve("data/api-token");
        assertThat(tokenFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        String token = Files.readString(tokenFile).trim();
        assertThat(platform.stdout.stream().filter(l -> l.contains(token))).hasSize(1);
        assertThat(platform.stderr).noneMatch(l -> l.contains(token));
        assertThat(platform.post("/api/plugins/funding/disable", null).statusCode()).isEqualTo(401);
        assertThat(platform.post("/api/plugins/funding/disable", "wrong-token").statusCode()).isEqualTo(403);
        assertThat(platform.post("/api/plugins/funding/disable", token).statusCode()).isEqualTo(200);
        awaitStatus(platform, "/api/intelligence/funding/sentiment/BTCUSDT", 503);
        assertThat(platform.post("/api/plugins/funding/enable", token).statusCode()).isEqualTo(200);
        awaitStatus(platform, "/api/intelligence/funding/sentiment/BTCUSDT", 200);
    }

    @Test
    @Order(5)
    void editingTheConfigFileDisablesAPluginLive() throws Exception {
        Files.writeString(config, funding("enabled: false"));
        awaitStatus(platform, "/api/intelligence/funding/sentiment/BTCUSDT", 503);
        assertThat(platform.get("/api/intelligence/funding/sentiment/BTCUSDT").body())
                .contains("PLUGIN_DISABLED", "plugin [funding] is disabled");
    }

    @Test
    @Order(6)
    void aBadEditIsRejectedNamingTheKeyAndTheLastGoodConfigStays() throws Exception {
        Files.writeString(config, funding("enabled: true\n    bogus_key: 1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String health = "";
        while (System.nanoTime() < deadline && !health.contains("plugins.funding.bogus_key")) {
            Thread.sleep(100);
            health = platform.get("/api/health").body();
        }
        assertThat(health).contains("\"status\":\"DEGRADED\"", "unknown config key [plugins.funding.bogus_key]");
        assertThat(platform.get("/api/intelligence/funding/sentiment/BTCUSDT").statusCode())
                .as("the rejected edit would have enabled it; the last good config keeps it disabled").isEqualTo(503);
        Files.writeString(config, funding("enabled: true"));
        awaitStatus(platform, "/api/intelligence/funding/sentiment/BTCUSDT", 200);
        assertThat(platform.get("/api/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    @Order(7)
    void sigtermStopsGracefully() throws Exception {
        int code = platform.terminate(Duration.ofSeconds(30));
        assertThat(code).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
        assertThat(platform.stdout).as("stderr: %s", platform.stderr).contains("market-intel: stopped");
    }

    @Test
    @Order(8)
    void anInvalidConfigStopsTheLaunchNamingTheKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "http:\n  port: 99999\n");
        try (RunningPlatform p = RunningPlatform.start(Map.of("MI_CONFIG", bad.toString(),
                "MI_DATA_DIR", dir.resolve("data2").toString()))) {
            assertThat(p.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.process.exitValue()).isEqualTo(2);
            p.awaitOutput();
            assertThat(String.join("\n", p.stderr)).contains("config key [http.port] must be within [0, 65535], was 99999");
            assertThat(dir.resolve("data2")).doesNotExist();
        }
    }
}
