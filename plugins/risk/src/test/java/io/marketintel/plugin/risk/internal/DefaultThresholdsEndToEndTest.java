package io.marketintel.plugin.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.marketintel.runtime.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default configuration on the simulated market, where the market decides which rules fire: a BTC long and an
 * ETH short and a SOL long at the paper exchange's default 20x. What holds wherever the market is: the average
 * leverage (20x) is above 3x, so every position's leverage is lowered to 3; ETH and SOL are both LAYER1; a dry run
 * answers exactly the orders the live run then sends; every order is reduce-only and no position grows or flips;
 * ADD_HEDGE, if a rule asks for it, carries no symbol and says why (the correlation plugin is not installed here).
 * The platform boots with the README's ready-to-paste configuration block (the defaults, spelled out). The answers
 * are written to {@code target/examples/default-*.json}.
 */
class DefaultThresholdsEndToEndTest {

    private static final String TOKEN = "risk-e2e-token-defaults-0123";
    private static final Path EXAMPLES = Path.of("target", "examples");

    private static Platform platform;
    private static Path home;

    @BeforeAll
    static void boot() throws Exception {
        home = Files.createTempDirectory("risk-e2e-defaults");
        Path config = Files.writeString(home.resolve("market-intel.yaml"), "plugins:\n" + readmeYaml());
        platform = Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", home.resolve("data").toString(), "MI_API_TOKEN", TOKEN),
                new PrintStream(new ByteArrayOutputStream()));
        Files.createDirectories(EXAMPLES);
    }

    /** The README's ready-to-paste block (the one after "Ready to paste"), so a broken block fails the build. */
    static String readmeYaml() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("```yaml\n", readme.indexOf("Ready to paste")) + "```yaml\n".length();
        return readme.substring(from, readme.indexOf("```", from));
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

    private static JsonNode data(String method, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + platform.port() + path).toURL()
                .openConnection();
        c.setRequestMethod(method);
        c.setRequestProperty("Authorization", "Bearer " + TOKEN);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            JsonNode body = TestJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(status).as("%s %s: %s", method, path, body).isEqualTo(200);
            return body.get("data");
        }
    }

    private static Map<String, BigDecimal> positions() throws Exception {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Position p : platform.exchange().positions().await(10, TimeUnit.SECONDS)) {
            out.put(p.symbol(), p.positionAmt());
        }
        return out;
    }

    private static void open(String symbol, Side side, String qty) throws Exception {
        platform.exchange().placeOrder(OrderRequest.market(symbol, side, new BigDecimal(qty), false, "open-" + symbol))
                .await(10, TimeUnit.SECONDS);
    }

    @Test
    void defaultThresholdsOnTheSimulatedMarket() throws Exception {
        open("BTCUSDT", Side.BUY, "0.200");
        open("ETHUSDT", Side.SELL, "2.500");
        open("SOLUSDT", Side.BUY, "40");
        Map<String, BigDecimal> before = positions();
        assertThat(before).hasSize(3);

        JsonNode heat = data("GET", "/api/intelligence/risk/portfolio-heat");
        Files.writeString(EXAMPLES.resolve("default-portfolio-heat.json"), TestJson.pretty(heat));
        assertThat(TestJson.tree(RiskSettings.defaults().thresholds())).isEqualTo(heat.get("thresholds"));
        assertThat(heat.get("average_leverage").asDouble()).isEqualTo(20.0);
        assertThat(heat.get("rebalance_required").asBoolean()).isTrue();
        assertThat(heat.get("diversification").get("correlations")).hasSize(3);
        assertThat(heat.get("concentration").get("sectors").findValuesAsText("sector")).contains("BITCOIN", "LAYER1");
        for (JsonNode a : heat.get("rebalance_actions")) {
            if (a.get("action").asText().equals("ADD_HEDGE")) {
                assertThat(a.get("hedge").isNull()).isTrue();
                assertThat(a.get("note").asText()).contains("correlation plugin could not be asked");
            }
        }
        assertThat(heat.get("rebalance_actions").findValuesAsText("action")).contains("ADJUST_LEVERAGE");

        JsonNode dry = data("POST", "/api/intelligence/risk/auto-rebalance?request_id=defaults-1");
        Files.writeString(EXAMPLES.resolve("default-auto-rebalance-dry-run.json"), TestJson.pretty(dry));
        JsonNode live = data("POST", "/api/intelligence/risk/auto-rebalance?dry_run=false&request_id=defaults-1");
        Files.writeString(EXAMPLES.resolve("default-auto-rebalance-live.json"), TestJson.pretty(live));
        assertThat(live.get("orders")).isEqualTo(dry.get("orders"));
        for (JsonNode o : live.get("orders")) {
            BigDecimal held = before.get(o.get("symbol").asText());
            assertThat(o.get("reduce_only").asBoolean()).isTrue();
            assertThat(o.get("side").asText()).isEqualTo(held.signum() > 0 ? "SELL" : "BUY");
            assertThat(o.get("quantity").decimalValue()).isLessThanOrEqualTo(held.abs());
        }
        assertThat(live.get("summary").get("failed").asInt()).isZero();

        Map<String, BigDecimal> after = positions();
        for (Map.Entry<String, BigDecimal> e : after.entrySet()) {
            BigDecimal was = before.get(e.getKey());
            assertThat(e.getValue().signum()).isEqualTo(was.signum());
            assertThat(e.getValue().abs()).isLessThanOrEqualTo(was.abs());
        }
        for (Position p : platform.exchange().positions().await(10, TimeUnit.SECONDS)) {
            assertThat(p.leverage()).as(p.symbol()).isEqualTo(3);
        }
        assertThat(List.copyOf(after.keySet())).isSubsetOf(before.keySet());
    }
}
