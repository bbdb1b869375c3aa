package io.marketintel.plugin.tpladder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Side;
import io.marketintel.runtime.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plugin inside the real platform, booted in-process on its simulated market and paper exchange (platform-runtime
 * is a test-only dependency on the class path): discovery of the module as an executor, the runtime's validation of
 * the declared parameters, the API token on the mutating operation, the order journal, the JSON the runtime writes,
 * and the cross-key configuration rule applied at load.
 */
class RuntimeEndToEndTest {

    private static final String TOKEN = "tp-ladder-test-token";
    private static Platform platform;
    private static Path home;

    /** An answer: status and parsed body. */
    record Answer(int status, JsonNode body) {

        JsonNode data() {
            return body.get("data");
        }

        String errorCode() {
            return body.get("error").get("code").asText();
        }

        String message() {
            return body.get("error").get("message").asText();
        }
    }

    @BeforeAll
    static void boot() throws Exception {
        home = Files.createTempDirectory("tp-ladder-e2e");
        Path config = Files.writeString(home.resolve("market-intel.yaml"), "");
        platform = Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", home.resolve("data").toString(), "MI_API_TOKEN", TOKEN),
                new PrintStream(new ByteArrayOutputStream()));
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

    static Answer call(int port, String method, String path, String body, String token) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Answer(status, TestJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static Answer post(String op, String body, String token) throws IOException {
        return call(platform.port(), "POST", "/api/intelligence/tp-ladder/" + op, body, token);
    }

    private static double mark(String symbol) throws Exception {
        return platform.marketData().premiumIndex(symbol).await(10, TimeUnit.SECONDS).markPrice();
    }

    private static String body(String symbol, String side, double entry, String quantity, String extra) {
        return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"entry_price\":" + entry + ",\"quantity\":"
                + quantity + ",\"leverage\":10" + extra + "}";
    }

    @Test
    void thePluginIsListedAsAnExecutor() throws IOException {
        Answer a = call(platform.port(), "GET", "/api/plugins", null, null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode p : a.data()) {
            if (p.get("id").asText().equals("tp-ladder")) {
                mine = p;
            }
        }
        assertThat(mine).as("tp-ladder in /api/plugins").isNotNull();
        assertThat(mine.get("state").asText()).isEqualTo("ENABLED");
        assertThat(mine.get("kind").asText()).isEqualTo("EXECUTOR");
        assertThat(mine.get("module").asText()).isEqualTo("io.marketintel.plugin.tpladder");
        List<String> ops = new ArrayList<>();
        mine.get("operations").forEach(o -> ops.add(o.get("name").asText() + " " + o.get("bus_address").asText()));
        assertThat(ops).containsExactly("calculate intel.tp-ladder.calculate", "place-orders intel.tp-ladder.place-orders");
    }

    @Test
    void calculateOnTheSimulatedMarket() throws Exception {
        double entry = mark("BTCUSDT");
        Answer a = post("calculate", body("BTCUSDT", "long", entry, "0.500", ",\"num_levels\":4"), null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        JsonNode d = a.data();
        assertThat(d.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(d.get("side").asText()).isEqualTo("LONG");
        assertThat(d.get("market_regime").asText()).isIn("STRONG_TREND", "TRENDING", "RANGING");
        assertThat(d.get("source").asText()).isEqualTo("sim");
        assertThat(d.get("indicators").get("bars").asInt()).isEqualTo(100);
        assertThat(d.get("indicators").get("data_time").asLong()).isLessThan(System.currentTimeMillis());
        JsonNode levels = d.get("tp_levels");
        assertThat(levels).hasSize(4);
        BigDecimal sum = BigDecimal.ZERO;
        double previous = entry;
        for (JsonNode l : levels) {
            assertThat(l.get("price").asDouble()).isGreaterThan(previous);
            previous = l.get("price").asDouble();
            assertThat(l.get("price").decimalValue().remainder(new BigDecimal("0.1"))).isZero();
            sum = sum.add(l.get("quantity").decimalValue());
            assertThat(l.get("reasoning").asText()).matches("TP\\d: \\+\\d+\\.\\d+x ATR \\(" + d.get("market_regime")
                    .asText() + "\\)");
        }
        assertThat(sum).isEqualByComparingTo("0.5");
        assertThat(d.get("expected_profit_pct").asDouble()).isCloseTo(d.get("expected_move_pct").asDouble() * 10,
                org.assertj.core.api.Assertions.within(0.001));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = ';', value = {
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000,\"quantity\":1,\"num_levels\":11}; num_levels",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000,\"quantity\":1,\"num_levels\":0};  num_levels",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"UP\",\"entry_price\":60000,\"quantity\":1};                    side",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000};                                 quantity",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":0,\"quantity\":1};                      entry_price",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000,\"quantity\":1,\"strategy\":\"YOLO\"}; strategy",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000,\"quantity\":1.0005};             quantity",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000,\"quantity\":0.001};              quantity",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000,\"quantity\":1,\"leverage\":126};  leverage",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"entry_price\":60000,\"quantity\":1,\"levels\":3};      levels"})
    void badParametersAre400sNamingTheParameter(String body, String parameter) throws IOException {
        Answer a = post("calculate", body, null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
        assertThat(a.errorCode()).isEqualTo("INVALID_PARAMETER");
        assertThat(a.message()).contains("[" + parameter + "]");
    }

    @Test
    void aPositionTooSmallIsRefusedNamingTheRule() throws Exception {
        Answer a = post("calculate", body("BTCUSDT", "LONG", mark("BTCUSDT"), "0.001", ""), null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.message()).contains("MIN_NOTIONAL").contains("cannot be merged any further");
        assertThat(a.body().get("error").get("details").get("rule").asText()).isEqualTo("MIN_NOTIONAL");
    }

    @Test
    void unknownSymbolsAre404s() throws IOException {
        Answer a = post("calculate", body("NOPEUSDT", "LONG", 1, "1", ""), null);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.errorCode()).isEqualTo("UNKNOWN_SYMBOL");
    }

    @Test
    void placeOrdersNeedsTheToken() throws Exception {
        String body = body("ETHUSDT", "LONG", mark("ETHUSDT"), "1.000", "");
        Answer none = post("place-orders", body, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("UNAUTHORIZED");
        Answer wrong = post("place-orders", body, "not-the-token");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("FORBIDDEN");
        Answer right = post("place-orders", body, TOKEN);
        assertThat(right.status()).as(right.body().toString()).isEqualTo(200);
        assertThat(right.data().get("dry_run").asBoolean()).as("dry run is the default").isTrue();
        // calculate changes nothing and needs no token
        assertThat(post("calculate", body, null).status()).isEqualTo(200);
    }

    @Test
    void onThePaperExchangeALiveLadderNeedsAPositionAndIsJournaled() throws Exception {
        // SOLUSDT: no other test trades it
        double entry = mark("SOLUSDT");
        String body = body("SOLUSDT", "SHORT", entry, "30", ",\"strategy\":\"CONSERVATIVE\"");
        Answer dry = post("place-orders?dry_run=true", body, TOKEN);
        assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
        assertThat(dry.data().get("blockers").get(0).asText()).startsWith("there is no SHORT position in SOLUSDT on"
                + " exchange [paper]");
        Answer refused = post("place-orders?dry_run=false", body, TOKEN);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        assertThat(refused.message()).startsWith("the take-profit ladder was not placed, nothing was sent: there is no"
                + " SHORT position in SOLUSDT");

        platform.exchange().placeOrder(OrderRequest.market("SOLUSDT", Side.SELL, new BigDecimal("30"), false,
                "e2e-open-short")).await(10, TimeUnit.SECONDS);
        Answer live = post("place-orders?dry_run=false", body, TOKEN);
        assertThat(live.status()).as(live.body().toString()).isEqualTo(200);
        JsonNode d = live.data();
        assertThat(d.get("dry_run").asBoolean()).isFalse();
        assertThat(d.get("position_amt").decimalValue()).isEqualByComparingTo("-30");
        assertThat(d.get("orders")).isEqualTo(dry.data().get("orders"));
        assertThat(d.get("placed")).hasSameSizeAs(d.get("orders"));
        for (JsonNode o : d.get("placed")) {
            assertThat(o.get("status").asText()).isEqualTo("NEW");
            assertThat(o.get("side").asText()).isEqualTo("BUY");
            assertThat(o.get("type").asText()).isEqualTo("TAKE_PROFIT_MARKET");
            assertThat(o.get("reduce_only").asBoolean()).isTrue();
        }
        String ladderId = d.get("ladder_id").asText();
        List<JournalEntry> journal = platform.orderJournal().byPrefix("tp-ladder", ladderId)
                .await(10, TimeUnit.SECONDS);
        assertThat(journal).hasSameSizeAs(d.get("orders")).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(JournalEntry.Action.PLACE_CONDITIONAL);
            assertThat(e.state()).isEqualTo(JournalEntry.State.DONE);
            assertThat(e.paper()).isTrue();
        });
        for (int i = 0; i < journal.size(); i++) {
            assertThat(TestJson.parse(journal.get(i).request())).isEqualTo(d.get("orders").get(i));
        }
        // the same request again (journaled again): the exchange answers the orders it holds, places nothing twice
        Answer again = post("place-orders?dry_run=false", body, TOKEN);
        assertThat(again.data().get("placed")).isEqualTo(d.get("placed"));
        assertThat(platform.exchange().openConditionalOrders("SOLUSDT").await(10, TimeUnit.SECONDS))
                .hasSameSizeAs(d.get("orders"));
    }

    @Test
    void anInconsistentConfigurationStopsTheLaunchNamingTheKeys(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"),
                "plugins:\n  tp-ladder:\n    trending_split: [25, 35, 45]\n");
        assertThatThrownBy(() -> Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString()), new PrintStream(new ByteArrayOutputStream())))
                .hasMessageContainingAll("trending_split", "must sum to 100");
    }
}
