package io.marketintel.plugin.meta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.runtime.Platform;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both plugins inside the real platform, booted in-process on its simulated market (platform-runtime is a test-only
 * dependency on the class path): discovery, REST routes (the root route of complete-analysis), parameter
 * validation, the token on mutating operations, H2 storage, the event bus. The analyses the complete analysis asks
 * for are served by stand-ins registered on the platform's event bus: mtf and volume-profile answer, funding never
 * answers (its deadline is 300 ms), orderbook answers as the runtime answers for a disabled plugin, and nothing
 * serves liquidations.
 */
class RuntimeEndToEndTest {

    private static final String TOKEN = "meta-e2e-token-0123456789";
    private static Platform platform;
    private static Path home;
    private static final List<MessageConsumer<Object>> standIns = new ArrayList<>();

    /** An answer: status and parsed body. */
    private record Answer(int status, JsonObject body) {
    }

    @BeforeAll
    static void boot() throws Exception {
        home = Files.createTempDirectory("meta-e2e");
        Path config = Files.writeString(home.resolve("market-intel.yaml"), """
                plugins:
                  complete-analysis:
                    funding_deadline_ms: 300
                    cache_ttl_seconds: 0
                  meta:
                    portfolio_deadline_ms: 300
                """);
        platform = Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", home.resolve("data").toString(), "MI_API_TOKEN", TOKEN),
                new PrintStream(new ByteArrayOutputStream()));
        var bus = platform.vertx().eventBus();
        standIns.add(bus.consumer("intel.mtf.confluence", m -> m.reply(new JsonObject().put("data",
                Fixtures.mtf(55, "BULLISH", 50, 20.0, 20.0, 0.8)))));
        standIns.add(bus.consumer("intel.volume-profile.analysis", m -> m.reply(new JsonObject().put("data",
                Fixtures.vp("INSIDE_VALUE_AREA", 100.2, 100.0)))));
        standIns.add(bus.consumer("intel.funding.sentiment", m -> {
            // never answers
        }));
        standIns.add(bus.consumer("intel.orderbook.analysis", m -> m.fail(503, new JsonObject().put("error",
                new JsonObject().put("code", "PLUGIN_DISABLED").put("message", "plugin [orderbook] is disabled")
                        .put("details", new JsonObject().put("plugin", "orderbook"))).encode())));
        for (MessageConsumer<Object> c : standIns) {
            c.completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
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

    private static Answer call(String method, String path, String body, boolean token) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + platform.port() + path).toURL()
                .openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        if (token) {
            c.setRequestProperty("Authorization", "Bearer " + TOKEN);
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
            return new Answer(status, new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static Answer get(String path) throws IOException {
        return call("GET", path, null, false);
    }

    private static Answer post(String path, JsonObject body, boolean token) throws IOException {
        return call("POST", path, body.encode(), token);
    }

    @Test
    void completeAnalysisAtTheRootRouteWithAHangingADisabledAndAnAbsentPlugin() throws IOException {
        Answer a = get("/api/intelligence/complete-analysis/BTCUSDT");
        assertThat(a.status()).isEqualTo(200);
        JsonObject d = a.body().getJsonObject("data");
        assertThat(d.getString("symbol")).isEqualTo("BTCUSDT");
        assertThat(d.getJsonObject("mtf_confluence").getInteger("confluence_score")).isEqualTo(55);
        assertThat(d.getJsonObject("volume_profile").getString("position_relative_to_value_area"))
                .isEqualTo("INSIDE_VALUE_AREA");
        for (String key : List.of("funding_sentiment", "orderbook", "liquidations")) {
            assertThat(d.containsKey(key)).as(key).isTrue();
            assertThat(d.getValue(key)).as(key).isNull();
        }
        JsonObject errors = d.getJsonObject("errors");
        assertThat(errors.fieldNames()).containsExactlyInAnyOrder("funding_sentiment", "orderbook", "liquidations");
        assertThat(errors.getJsonObject("funding_sentiment").getString("code")).isEqualTo("TIMEOUT");
        assertThat(errors.getJsonObject("funding_sentiment").getInteger("status")).isEqualTo(504);
        assertThat(errors.getJsonObject("orderbook").getString("code")).isEqualTo("PLUGIN_DISABLED");
        assertThat(errors.getJsonObject("orderbook").getInteger("status")).isEqualTo(503);
        assertThat(errors.getJsonObject("orderbook").getString("message")).isEqualTo("plugin [orderbook] is disabled");
        assertThat(errors.getJsonObject("liquidations").getString("code")).isEqualTo("NOT_FOUND");
        assertThat(d.getInteger("sections_ok")).isEqualTo(2);
        assertThat(d.getJsonObject("durations_ms").getLong("funding_sentiment")).isBetween(250L, 3_000L);
        assertThat(d.getLong("data_time")).isEqualTo(Fixtures.T0 - 1);
    }

    @Test
    void completeAnalysisParameters() throws IOException {
        Answer only = get("/api/intelligence/complete-analysis/BTCUSDT?sections=mtf_confluence,volume_profile");
        assertThat(only.status()).isEqualTo(200);
        assertThat(only.body().getJsonObject("data").getJsonObject("errors")).isEmpty();
        Answer bad = get("/api/intelligence/complete-analysis/BTCUSDT?sections=tea_leaves");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().getJsonObject("error").getString("message")).contains("[sections]");
        assertThat(get("/api/intelligence/complete-analysis/NOPEUSDT").status()).isEqualTo(404);
    }

    @Test
    void recommendOutcomeAndRankOverRest() throws IOException {
        Answer r = post("/api/intelligence/meta/analyze-and-recommend", new JsonObject().put("symbol", "BTCUSDT")
                .put("include_liquidations", false), false);
        assertThat(r.status()).isEqualTo(200);
        JsonObject d = r.body().getJsonObject("data");
        assertThat(d.getString("market_condition")).isEqualTo("mild_uptrend");
        assertThat(d.getString("market_data")).isEqualTo("complete-analysis");
        assertThat(d.getJsonObject("recommended_strategy").getString("execution_mode")).isEqualTo("static");
        assertThat(d.getJsonObject("errors").fieldNames()).containsExactlyInAnyOrder("funding_sentiment", "orderbook");
        assertThat(d.getJsonObject("portfolio").getString("source")).isEqualTo("unavailable");
        assertThat(d.getJsonObject("portfolio").getString("note")).startsWith("risk.portfolio-heat unavailable (NOT_FOUND");
        String id = d.getString("recommendation_id");

        JsonObject outcome = new JsonObject().put("recommendation_id", id).put("realized_return_pct", 1.25)
                .put("holding_minutes", 90);
        Answer unauthorised = post("/api/intelligence/meta/outcomes", outcome, false);
        assertThat(unauthorised.status()).isEqualTo(401);
        Answer first = post("/api/intelligence/meta/outcomes", outcome, true);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().getJsonObject("data").getString("status")).isEqualTo("RECORDED");
        Answer again = post("/api/intelligence/meta/outcomes", outcome, true);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().getJsonObject("data").getString("status")).isEqualTo("DUPLICATE");
        Answer conflict = post("/api/intelligence/meta/outcomes", outcome.copy().put("realized_return_pct", -3), true);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().getJsonObject("error").getString("code")).isEqualTo("CONFLICT");
        assertThat(conflict.body().getJsonObject("error").getString("message")).contains("[" + id + "]");

        Answer stored = get("/api/intelligence/meta/recommendation/" + id);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().getJsonObject("data").getJsonObject("outcome").getDouble("realized_return_pct"))
                .isEqualTo(1.25);

        Answer best = get("/api/intelligence/meta/best-strategies?condition=MILD_UPTREND&top_n=2");
        assertThat(best.status()).isEqualTo(200);
        JsonObject b = best.body().getJsonObject("data");
        assertThat(b.getString("condition")).isEqualTo("mild_uptrend");
        assertThat(b.getJsonArray("strategies")).hasSize(2);
        assertThat(b.getInteger("outcomes")).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> {1} naming {2}")
    @CsvSource({
            "best-strategies?condition=sideways,              400, condition",
            "best-strategies?condition=ranging&top_n=0,       400, top_n",
            "best-strategies,                                 400, condition",
            "recommendation/rec-unknown,                      404, recommendation_id"})
    void badRequests(String path, int status, String named) throws IOException {
        Answer a = get("/api/intelligence/meta/" + path);
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.body().getJsonObject("error").encode()).contains(named);
    }

    @Test
    void analyzeAndRecommendValidatesItsBody() throws IOException {
        Answer noSymbol = post("/api/intelligence/meta/analyze-and-recommend", new JsonObject(), false);
        assertThat(noSymbol.status()).isEqualTo(400);
        assertThat(noSymbol.body().getJsonObject("error").getString("message")).contains("[symbol]");
        Answer unknown = post("/api/intelligence/meta/analyze-and-recommend", new JsonObject().put("symbol",
                "NOPEUSDT"), false);
        assertThat(unknown.status()).isEqualTo(404);
        Answer notAnObject = post("/api/intelligence/meta/analyze-and-recommend", new JsonObject().put("symbol",
                "BTCUSDT").put("market_data", 5), false);
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.body().getJsonObject("error").getString("message")).contains("[market_data]");
        Answer given = post("/api/intelligence/meta/analyze-and-recommend", new JsonObject().put("symbol", "BTCUSDT")
                .put("market_data", Fixtures.quiet(Fixtures.mtf(80, "BEARISH", -80, 30.0, 30.0, 0.8),
                        Fixtures.vp("BELOW_VALUE_AREA", 98, 100)))
                .put("portfolio_state", new JsonObject().put("portfolio_heat_score", 20)), false);
        assertThat(given.status()).isEqualTo(200);
        assertThat(given.body().getJsonObject("data").getString("market_condition")).isEqualTo("strong_downtrend");
        assertThat(given.body().getJsonObject("data").getString("direction")).isEqualTo("SHORT");
    }

    @Test
    void labellingCanBeTriggeredWithTheToken() throws IOException {
        assertThat(post("/api/intelligence/meta/label-pending", new JsonObject(), false).status()).isEqualTo(401);
        Answer a = post("/api/intelligence/meta/label-pending", new JsonObject(), true);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().getJsonObject("data").fieldNames()).contains("due", "labelled", "waiting", "clock");
    }

    @Test
    void theBusAnswersLikeRest() throws Exception {
        JsonObject reply = platform.vertx().eventBus().<JsonObject>request("intel.meta.best-strategies",
                        new JsonObject().put("params", new JsonObject().put("condition", "ranging")),
                        new DeliveryOptions().setSendTimeout(10_000))
                .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS).body();
        assertThat(reply.getJsonObject("data").getString("prior_arm")).isEqualTo("dca.breakeven.conservative.adaptive");
        JsonObject complete = platform.vertx().eventBus().<JsonObject>request("intel.complete-analysis.complete",
                        new JsonObject().put("symbol", "BTCUSDT").put("params", new JsonObject()
                                .put("sections", new JsonArray().add("mtf_confluence"))),
                        new DeliveryOptions().setSendTimeout(10_000))
                .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS).body();
        assertThat(complete.getJsonObject("data").getJsonObject("mtf_confluence")).isNotNull();
    }

    @Test
    void bothPluginsAreListedFromTheirModule() throws IOException {
        Answer a = get("/api/plugins");
        List<String> mine = new ArrayList<>();
        for (Object o : a.body().getJsonArray("data")) {
            JsonObject p = (JsonObject) o;
            if (p.getString("module").equals("io.marketintel.plugin.meta")) {
                assertThat(p.getString("state")).isEqualTo("ENABLED");
                List<String> ops = new ArrayList<>();
                p.getJsonArray("operations").forEach(x -> ops.add(((JsonObject) x).getString("name")));
                mine.add(p.getString("id") + " " + ops);
            }
        }
        assertThat(mine).containsExactlyInAnyOrder("complete-analysis [complete]",
                "meta [analyze-and-recommend, outcomes, best-strategies, recommendation, label-pending]");
    }

    @Test
    void anInconsistentConfigurationStopsTheLaunchNamingBothKeys(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"),
                "plugins:\n  meta:\n    low_volatility_atr_pct: 2.0\n    high_volatility_atr_pct: 1.5\n");
        assertThatThrownBy(() -> Platform.start(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString()), new PrintStream(new ByteArrayOutputStream())))
                .hasMessageContainingAll("low_volatility_atr_pct", "high_volatility_atr_pct", "must be below");
        Path horizon = Files.writeString(dir.resolve("bad2.yaml"),
                "plugins:\n  meta:\n    horizon_minutes: 90\n    label_interval: 1h\n");
        assertThatThrownBy(() -> Platform.start(Map.of("MI_CONFIG", horizon.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data2").toString()), new PrintStream(new ByteArrayOutputStream())))
                .hasMessageContainingAll("horizon_minutes", "label_interval", "whole number");
    }
}
