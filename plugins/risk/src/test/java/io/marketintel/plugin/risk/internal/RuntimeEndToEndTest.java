package io.marketintel.plugin.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin inside the real platform, booted in-process on its simulated market with the paper exchange, the H2
 * order journal and the REST API (platform-runtime is a test-only dependency on the class path). Two positions are
 * opened through the platform's paper exchange (the runtime service an executor's journaling exchange wraps), then
 * portfolio-heat reports them and auto-rebalance reduces them for real. {@code max_position_risk: 5} makes every
 * position a candidate for REDUCE_POSITION (a 20x position alone scores 25), so the actions do not depend on where
 * the simulated market happens to be. The answers are written to {@code target/examples/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeEndToEndTest {

    private static final String TOKEN = "risk-e2e-token-0123456789";
    private static final Path EXAMPLES = Path.of("target", "examples");

    private static Platform platform;
    private static Path home;

    /** An answer: status and parsed body. */
    private record Answer(int status, JsonNode body) {
    }

    @BeforeAll
    static void boot() throws Exception {
        home = Files.createTempDirectory("risk-e2e");
        Path config = Files.writeString(home.resolve("market-intel.yaml"), """
                plugins:
                  risk:
                    max_position_risk: 5
                    close_position_risk: 100
                """);
        platform = Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", home.resolve("data").toString(), "MI_API_TOKEN", TOKEN),
                new PrintStream(new ByteArrayOutputStream()));
        Files.createDirectories(EXAMPLES);
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

    private static Answer call(String method, String path, String token) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + platform.port() + path).toURL()
                .openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Answer(status, TestJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static Answer heat() throws IOException {
        Answer a = call("GET", "/api/intelligence/risk/portfolio-heat", null);
        assertThat(a.status()).as("portfolio-heat: %s", a.body()).isEqualTo(200);
        return a;
    }

    private static Answer rebalance(String query) throws IOException {
        Answer a = call("POST", "/api/intelligence/risk/auto-rebalance" + query, TOKEN);
        assertThat(a.status()).as("auto-rebalance: %s", a.body()).isEqualTo(200);
        return a;
    }

    private static void write(String name, JsonNode json) throws IOException {
        Files.writeString(EXAMPLES.resolve(name), TestJson.pretty(json));
    }

    private static Position position(String symbol) throws Exception {
        List<Position> all = platform.exchange().positions().await(10, TimeUnit.SECONDS);
        return all.stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElse(null);
    }

    @Test
    @Order(1)
    void thePluginIsListedAsAnExecutorWithItsOperations() throws IOException {
        Answer a = call("GET", "/api/plugins", null);
        JsonNode mine = null;
        for (JsonNode p : a.body().get("data")) {
            if (p.get("id").asText().equals("risk")) {
                mine = p;
            }
        }
        assertThat(mine).as("risk in /api/plugins").isNotNull();
        assertThat(mine.get("state").asText()).isEqualTo("ENABLED");
        assertThat(mine.get("module").asText()).isEqualTo("io.marketintel.plugin.risk");
        List<String> ops = new ArrayList<>();
        mine.get("operations").forEach(o -> ops.add(o.get("name").asText() + " " + o.get("bus_address").asText()));
        assertThat(ops).containsExactly("portfolio-heat intel.risk.portfolio-heat",
                "auto-rebalance intel.risk.auto-rebalance");
    }

    @Test
    @Order(2)
    void autoRebalanceNeedsTheToken() throws IOException {
        Answer none = call("POST", "/api/intelligence/risk/auto-rebalance?dry_run=true", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("error").get("code").asText()).isEqualTo("UNAUTHORIZED");
        Answer wrong = call("POST", "/api/intelligence/risk/auto-rebalance?dry_run=false", "not-the-token-at-all");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body().get("error").get("code").asText()).isEqualTo("FORBIDDEN");
        // portfolio-heat only reads: no token needed
        assertThat(call("GET", "/api/intelligence/risk/portfolio-heat", null).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void badParametersAre400sNamingThem() throws IOException {
        Answer a = call("POST", "/api/intelligence/risk/auto-rebalance?dry_run=maybe", TOKEN);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("error").get("message").asText()).contains("[dry_run]");
        Answer b = call("POST", "/api/intelligence/risk/auto-rebalance?request_id=has%20space", TOKEN);
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.body().get("error").get("details").get("parameter").asText()).isEqualTo("request_id");
    }

    @Test
    @Order(4)
    void anEmptyPaperAccountIsAZeroRiskReport() throws IOException {
        JsonNode d = heat().body().get("data");
        assertThat(d.get("portfolio_heat_score").asDouble()).isZero();
        assertThat(d.get("risk_level").asText()).isEqualTo("LOW");
        assertThat(d.get("rebalance_required").asBoolean()).isFalse();
        assertThat(d.get("position_risks")).isEmpty();
        assertThat(d.get("rebalance_actions")).isEmpty();
        assertThat(d.get("equity").asDouble()).isEqualTo(10_000.0);
        assertThat(d.get("exchange").asText()).isEqualTo("paper");
        JsonNode r = rebalance("?dry_run=false&request_id=empty").body().get("data");
        assertThat(r.get("orders")).isEmpty();
        assertThat(r.get("actions")).isEmpty();
    }

    @Test
    @Order(5)
    void twoPaperPositionsAreScoredAndReducedByHalf() throws Exception {
        io.marketintel.api.trading.Order btc = platform.exchange().placeOrder(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.200"),
                false, "e2e-open-btc")).await(10, TimeUnit.SECONDS);
        io.marketintel.api.trading.Order eth = platform.exchange().placeOrder(OrderRequest.market("ETHUSDT", Side.SELL, new BigDecimal("2.500"),
                false, "e2e-open-eth")).await(10, TimeUnit.SECONDS);
        assertThat(btc.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(eth.status()).isEqualTo(OrderStatus.FILLED);

        JsonNode d = heat().body().get("data");
        write("portfolio-heat.json", d);
        assertThat(d.get("position_risks")).hasSize(2);
        for (JsonNode p : d.get("position_risks")) {
            assertThat(p.get("leverage").asInt()).isEqualTo(20);      // the paper exchange's default
            assertThat(p.get("risk_score").asDouble()).isBetween(25.0, 100.0);
            assertThat(p.get("liquidation_source").asText()).isIn("EXCHANGE", "FORMULA");
            assertThat(p.get("liquidation_distance_pct").asDouble()).isPositive();
        }
        assertThat(d.get("position_risks").findValuesAsText("symbol")).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
        assertThat(d.get("average_leverage").asDouble()).isEqualTo(20.0);
        assertThat(d.get("rebalance_required").asBoolean()).isTrue();
        assertThat(d.get("diversification").get("observations").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(d.get("diversification").get("correlations").get(0).get("assumed").asBoolean()).isFalse();
        List<String> actions = new ArrayList<>();
        d.get("rebalance_actions").forEach(a -> actions.add(a.get("action").asText() + " " + a.get("symbol").asText()));
        assertThat(actions).contains("ADJUST_LEVERAGE BTCUSDT", "ADJUST_LEVERAGE ETHUSDT");
        assertThat(actions).filteredOn(a -> a.startsWith("REDUCE_POSITION"))
                .containsExactlyInAnyOrder("REDUCE_POSITION BTCUSDT", "REDUCE_POSITION ETHUSDT");

        JsonNode dry = rebalance("?request_id=e2e-1").body().get("data");     // dry_run defaults to true
        write("auto-rebalance-dry-run.json", dry);
        assertThat(dry.get("dry_run").asBoolean()).isTrue();
        assertThat(position("BTCUSDT").positionAmt()).isEqualByComparingTo("0.2");
        List<String> dryOrders = orders(dry);
        assertThat(dryOrders).containsExactlyInAnyOrder("BTCUSDT SELL 0.1 true", "ETHUSDT BUY 1.25 true");

        JsonNode live = rebalance("?dry_run=false&request_id=e2e-1").body().get("data");
        write("auto-rebalance-live.json", live);
        assertThat(live.get("dry_run").asBoolean()).isFalse();
        assertThat(live.get("replayed").asBoolean()).isFalse();
        assertThat(live.get("orders")).isEqualTo(dry.get("orders"));
        for (JsonNode a : live.get("actions")) {
            String action = a.get("action").get("action").asText();
            assertThat(a.get("status").asText()).as(action).isEqualTo(action.equals("ADD_HEDGE") ? "ADVISORY"
                    : "EXECUTED");
            for (JsonNode r : a.get("results")) {
                assertThat(r.get("status").asText()).isEqualTo("FILLED");
                assertThat(r.get("journal_state").asText()).isEqualTo("DONE");
            }
        }
        assertThat(position("BTCUSDT").positionAmt()).isEqualByComparingTo("0.1");
        assertThat(position("ETHUSDT").positionAmt()).isEqualByComparingTo("-1.25");
        assertThat(position("BTCUSDT").leverage()).isEqualTo(3);
        assertThat(position("ETHUSDT").leverage()).isEqualTo(3);

        // every order went through the runtime's order journal
        List<JournalEntry> journal = platform.orderJournal().byPrefix("risk", "rb-e2e-1-").await(10, TimeUnit.SECONDS);
        assertThat(journal).extracting(JournalEntry::clientOrderId).containsExactlyInAnyOrder("rb-e2e-1-1",
                "rb-e2e-1-2");
        assertThat(journal).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(JournalEntry.State.DONE);
            assertThat(e.paper()).isTrue();
            assertThat(e.action()).isEqualTo(JournalEntry.Action.PLACE);
        });

        // the same request id again: the stored plan, nothing sent twice
        JsonNode retry = rebalance("?dry_run=false&request_id=e2e-1").body().get("data");
        assertThat(retry.get("replayed").asBoolean()).isTrue();
        assertThat(retry.get("orders")).isEqualTo(live.get("orders"));
        assertThat(position("BTCUSDT").positionAmt()).isEqualByComparingTo("0.1");
        assertThat(position("ETHUSDT").positionAmt()).isEqualByComparingTo("-1.25");

        JsonNode after = heat().body().get("data");
        write("portfolio-heat-after.json", after);
        assertThat(after.get("average_leverage").asDouble()).isEqualTo(3.0);
    }

    private static List<String> orders(JsonNode result) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : result.get("orders")) {
            assertThat(o.get("type").asText()).isEqualTo("MARKET");
            assertThat(o.get("client_order_id").asText()).startsWith("rb-e2e-1-");
            out.add(o.get("symbol").asText() + " " + o.get("side").asText() + " "
                    + o.get("quantity").decimalValue().stripTrailingZeros().toPlainString() + " "
                    + o.get("reduce_only").asBoolean());
        }
        return out;
    }

    @Test
    @Order(6)
    void anInconsistentConfigurationStopsTheLaunchNamingBothKeys(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"),
                "plugins:\n  risk:\n    max_position_risk: 80\n    close_position_risk: 70\n");
        assertThatThrownBy(() -> Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString()), new PrintStream(new ByteArrayOutputStream())))
                .hasMessageContainingAll("close_position_risk", "max_position_risk", "must be at least");
    }
}
