package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.runtime.Platform;
import io.marketintel.runtime.store.Database;
import io.marketintel.runtime.store.OrderJournalStore;
import io.marketintel.runtime.store.PlatformSchema;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plugin inside the real platform, booted in-process on its simulated market and paper exchange (platform-runtime
 * is a test-only dependency on the class path), with real Vert.x timers: discovery, REST routes, the API token on every
 * mutating route, 202 and progress events on the bus, 409 on a finished job, 400s naming the rule, paper executions,
 * and a restart of the whole platform on the same data directory.
 */
class RuntimeEndToEndTest {

    private static final String TOKEN = "e2e-secret-token";
    private static final String BASE = "/api/intelligence/order-routing/";

    private static Platform platform;
    private static Path home;
    private static final List<JsonObject> EVENTS = new ArrayList<>();
    private static MessageConsumer<JsonObject> consumer;

    static {
        TestJson.ready();
    }

    /** An answer: status and parsed body. */
    private record Answer(int status, JsonNode body) {
        JsonNode data() {
            return body.get("data");
        }

        String code() {
            return body.get("error").get("code").asText();
        }

        String message() {
            return body.get("error").get("message").asText();
        }
    }

    private static Platform boot(Path dir, String yaml) throws Exception {
        Path config = Files.writeString(dir.resolve("market-intel.yaml"), yaml);
        return Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString(), "MI_API_TOKEN", TOKEN),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("order-routing-e2e");
        platform = boot(home, "");
        consumer = platform.vertx().eventBus().consumer("intel.events.order-routing", m -> {
            synchronized (EVENTS) {
                EVENTS.add(m.body());
                EVENTS.notifyAll();
            }
        });
        consumer.completion().await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void shutdown() throws Exception {
        try {
            if (platform != null) {
                platform.close(Duration.ofSeconds(10));
            }
        } finally {
            delete(home);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static Answer http(Platform p, String method, String path, String token, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + p.port() + path).toURL()
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

    private static Answer execute(Platform p, String body) throws IOException {
        return http(p, "POST", BASE + "execute", TOKEN, body);
    }

    /** Waits (at most 30 s) for a progress event of {@code id} matching {@code test}; bus delivery is asynchronous. */
    private static JsonObject awaitProgress(String id, Predicate<JsonObject> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (EVENTS) {
            while (true) {
                for (JsonObject e : EVENTS) {
                    JsonObject d = e.getJsonObject("data");
                    if ("progress".equals(e.getString("type")) && id.equals(d.getString("execution_id")) && test.test(d)) {
                        return d;
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no matching progress event for " + id + " in " + EVENTS);
                }
                EVENTS.wait(left);
            }
        }
    }

    @Test
    void everyMutatingRouteNeedsTheToken() throws IOException {
        String body = "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.01,\"algorithm\":\"MARKET\"}";
        Answer none = http(platform, "POST", BASE + "execute", null, body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("UNAUTHORIZED");
        Answer wrong = http(platform, "POST", BASE + "execute", "not-the-token", body);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("FORBIDDEN");
        assertThat(http(platform, "DELETE", BASE + "executions/or-x-0000", null, null).status()).isEqualTo(401);
        assertThat(http(platform, "DELETE", BASE + "executions/or-x-0000", "not-the-token", null).status()).isEqualTo(403);
        // reads need no token
        assertThat(http(platform, "GET", BASE + "executions", null, null).status()).isEqualTo(200);
        assertThat(http(platform, "GET", BASE + "recommend/BTCUSDT?side=BUY&quantity=0.5", null, null).status())
                .isEqualTo(200);
    }

    @Test
    void executeAnswers202AtOnceAndPublishesProgressUntilItFinishes() throws Exception {
        Answer a = execute(platform, "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.01,\"algorithm\":\"MARKET\"}");
        assertThat(a.status()).isEqualTo(202);
        String id = a.data().get("execution_id").asText();
        assertThat(a.data().get("dry_run").asBoolean()).as("dry run by default").isTrue();
        assertThat(a.data().get("events_address").asText()).isEqualTo("intel.events.order-routing");

        JsonObject done = awaitProgress(id, e -> !"RUNNING".equals(e.getString("status")));
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getInteger("slices_sent")).isEqualTo(1);
        assertThat(done.getDouble("filled_quantity")).isEqualTo(0.01);
        assertThat(done.getDouble("total_quantity")).isEqualTo(0.01);
        assertThat(done.getDouble("avg_price")).isPositive();
        assertThat(done.containsKey("slippage_bps")).isTrue();

        Answer report = http(platform, "GET", BASE + "executions/" + id, null, null);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.data().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.data().get("venue").asText()).isEqualTo("dry-run");
        assertThat(report.data().get("fill_rate_pct").asDouble()).isEqualTo(100.0);

        Answer cancel = http(platform, "DELETE", BASE + "executions/" + id, TOKEN, null);
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.code()).isEqualTo("CONFLICT");
        assertThat(cancel.message()).isEqualTo("execution [" + id + "] is COMPLETED and cannot be cancelled; only a"
                + " RUNNING execution can");
        assertThat(http(platform, "DELETE", BASE + "executions/or-nope-0000", TOKEN, null).status()).isEqualTo(404);
    }

    @Test
    void aRunningTwapIsCancelled() throws Exception {
        Answer a = execute(platform, "{\"symbol\":\"ETHUSDT\",\"side\":\"SELL\",\"quantity\":0.5,\"algorithm\":\"TWAP\","
                + "\"duration_seconds\":600,\"num_slices\":5}");
        assertThat(a.status()).isEqualTo(202);
        String id = a.data().get("execution_id").asText();
        awaitProgress(id, e -> e.getInteger("slices_sent") == 1);
        Answer cancel = http(platform, "DELETE", BASE + "executions/" + id, TOKEN, null);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.data().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancel.data().get("slices_sent").asInt()).isEqualTo(1);
        assertThat(cancel.data().get("total_filled").asDouble()).isEqualTo(0.1);
        awaitProgress(id, e -> "CANCELLED".equals(e.getString("status")));
        Answer list = http(platform, "GET", BASE + "executions?status=CANCELLED", null, null);
        List<String> ids = new ArrayList<>();
        list.data().get("executions").forEach(e -> ids.add(e.get("execution_id").asText()));
        assertThat(ids).contains(id);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.0004} | 400 | quantity 0.0004 is below LOT_SIZE minQty 0.001 for BTCUSDT",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.001,\"algorithm\":\"TWAP\"} | 400 | is below MIN_NOTIONAL 100 for BTCUSDT",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":-1} | 400 | parameter [quantity]",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"HOLD\",\"quantity\":1} | 400 | parameter [side]",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"algorithm\":\"VWAP\"} | 400 | parameter [algorithm]",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"algorithm\":\"TWAP\",\"limit_price\":100} | 400 | parameter [limit_price] applies to LIMIT and ICEBERG only, not TWAP",
            "{\"side\":\"BUY\",\"quantity\":1} | 400 | parameter [symbol] is required",
            "{\"symbol\":\"NOPEUSDT\",\"side\":\"BUY\",\"quantity\":1} | 404 | NOPEUSDT"})
    void badRequestsAreRefusedNamingTheRuleOrParameter(String body, int status, String message) throws IOException {
        Answer a = execute(platform, body);
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.message()).contains(message);
    }

    @Test
    void recommendAnalysesWithoutExecuting() throws IOException {
        Answer a = http(platform, "GET", BASE + "recommend/BTCUSDT?side=BUY&quantity=1.5&urgency=low", null, null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode d = a.data();
        assertThat(d.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(d.get("urgency").asText()).isEqualTo("LOW");
        assertThat(d.get("algorithm").asText()).isIn("TWAP", "ICEBERG", "MARKET");
        JsonNode c = d.get("conditions");
        assertThat(c.get("mid").asDouble()).isBetween(c.get("best_bid").asDouble(), c.get("best_ask").asDouble());
        assertThat(c.get("estimated_avg_price").asDouble()).isGreaterThanOrEqualTo(c.get("best_ask").asDouble());
        assertThat(c.get("estimated_impact_bps").asDouble()).isPositive();
        assertThat(c.get("volatility_bps").asDouble()).isPositive();
        assertThat(d.get("reasoning").get(1).asText()).startsWith(d.get("algorithm").asText() + ": ");
        assertThat(http(platform, "GET", BASE + "recommend/BTCUSDT?quantity=1.5", null, null).status()).isEqualTo(400);
    }

    @Test
    void aPaperExecutionFillsOnThePaperExchange() throws Exception {
        Answer a = execute(platform, "{\"symbol\":\"SOLUSDT\",\"side\":\"BUY\",\"quantity\":3,\"algorithm\":\"MARKET\","
                + "\"dry_run\":false}");
        assertThat(a.status()).isEqualTo(202);
        assertThat(a.data().get("venue").asText()).isEqualTo("paper");
        String id = a.data().get("execution_id").asText();
        awaitProgress(id, e -> "COMPLETED".equals(e.getString("status")));
        JsonNode r = http(platform, "GET", BASE + "executions/" + id, null, null).data();
        assertThat(r.get("total_filled").asDouble()).isEqualTo(3.0);
        assertThat(r.get("slices").get(0).get("client_order_id").asText()).isEqualTo(id + "-1");
        assertThat(r.get("slices").get(0).get("status").asText()).isEqualTo("FILLED");
    }

    @Test
    void thePluginIsListedAsAnExecutorWithItsRoutes() throws IOException {
        Answer a = http(platform, "GET", "/api/plugins/order-routing", null, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().get("state").asText()).isEqualTo("ENABLED");
        assertThat(a.data().get("module").asText()).isEqualTo("io.marketintel.plugin.orderrouting");
        List<String> ops = new ArrayList<>();
        a.data().get("operations").forEach(o -> ops.add(o.get("name").asText() + " " + o.get("bus_address").asText()));
        assertThat(ops).containsExactly("execute intel.order-routing.execute", "recommend intel.order-routing.recommend",
                "executions intel.order-routing.executions", "execution intel.order-routing.execution",
                "cancel-execution intel.order-routing.cancel-execution");
    }

    @Test
    void aRestartOfThePlatformStopsOrResumesWhatWasRunningWithoutResendingIt(@TempDir Path dir) throws Exception {
        Platform first = boot(dir, "");
        String id;
        try {
            id = executeAndAwaitFirstSlice(first, "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.05,"
                    + "\"algorithm\":\"TWAP\",\"duration_seconds\":600,\"num_slices\":5,\"dry_run\":false}");
        } finally {
            first.close(Duration.ofSeconds(10));
        }

        // on_restart: STOP (the default)
        Platform second = boot(dir, "");
        try {
            JsonNode r = http(second, "GET", BASE + "executions/" + id, null, null).data();
            assertThat(r.get("status").asText()).isEqualTo("STOPPED");
            assertThat(r.get("slices_sent").asInt()).isEqualTo(1);
            assertThat(r.get("total_filled").asDouble()).isEqualTo(0.01);
            assertThat(r.get("restarts").asInt()).isEqualTo(1);
            assertThat(r.get("reason").asText()).isEqualTo("stopped at restart (on_restart: STOP) after 1 slice: filled"
                    + " 0.01 of 0.05");
        } finally {
            second.close(Duration.ofSeconds(10));
        }
        List<JournalEntry> journal = journal(dir, id);
        assertThat(journal).extracting(j -> j.action() + " " + j.clientOrderId() + " " + j.state())
                .containsExactly("PLACE " + id + "-1 DONE");
        assertThat(journal.get(0).paper()).isTrue();
    }

    @Test
    void withOnRestartResumeARestartedPlatformCarriesOn(@TempDir Path dir) throws Exception {
        Platform first = boot(dir, "");
        String id;
        try {
            id = executeAndAwaitFirstSlice(first, "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":0.05,"
                    + "\"algorithm\":\"TWAP\",\"duration_seconds\":600,\"num_slices\":5,\"dry_run\":false}");
        } finally {
            first.close(Duration.ofSeconds(10));
        }
        Platform second = boot(dir, "plugins:\n  order-routing:\n    on_restart: RESUME\n");
        try {
            JsonNode r = http(second, "GET", BASE + "executions/" + id, null, null).data();
            assertThat(r.get("status").asText()).isEqualTo("RUNNING");
            assertThat(r.get("slices_sent").asInt()).isEqualTo(1);
            assertThat(r.get("notes").toString()).contains("(on_restart: RESUME) after 1 slice sent");
            Answer cancel = http(second, "DELETE", BASE + "executions/" + id, TOKEN, null);
            assertThat(cancel.status()).isEqualTo(200);
            assertThat(cancel.data().get("status").asText()).isEqualTo("CANCELLED");
        } finally {
            second.close(Duration.ofSeconds(10));
        }
        assertThat(journal(dir, id)).extracting(JournalEntry::clientOrderId).containsExactly(id + "-1");
    }

    /** Starts an execution on {@code p} and waits (at most 30 s) for the progress event of its first slice. */
    private static String executeAndAwaitFirstSlice(Platform p, String body) throws Exception {
        List<JsonObject> events = new ArrayList<>();
        MessageConsumer<JsonObject> c = p.vertx().eventBus().consumer("intel.events.order-routing", m -> {
            synchronized (events) {
                events.add(m.body().getJsonObject("data"));
                events.notifyAll();
            }
        });
        c.completion().await(10, TimeUnit.SECONDS);
        Answer a = execute(p, body);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(202);
        String id = a.data().get("execution_id").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (events) {
            while (events.stream().noneMatch(e -> id.equals(e.getString("execution_id")) && e.getInteger("slices_sent") == 1)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no first slice of " + id + " in " + events);
                }
                events.wait(left);
            }
        }
        return id;
    }

    /** The order journal of the plugin in a stopped platform's data directory. */
    private static List<JournalEntry> journal(Path dir, String id) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Database db = Database.open(vertx, dir.resolve("data")).await(10, TimeUnit.SECONDS);
            try {
                return new OrderJournalStore(db.storageFor(PlatformSchema.OWNER)).byPrefix("order-routing", id + "-")
                        .await(10, TimeUnit.SECONDS);
            } finally {
                db.close().await(10, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
