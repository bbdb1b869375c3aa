package io.marketintel.runtime.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.runtime.MutableClock;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.http.ApiToken;
import io.marketintel.runtime.http.HealthReport;
import io.marketintel.runtime.http.HttpApi;
import io.marketintel.runtime.market.sim.SimSettings;
import io.marketintel.runtime.market.sim.SimulatedMarket;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.marketintel.runtime.plugins.PluginDiscovery;
import io.marketintel.runtime.plugins.PluginManager;
import io.marketintel.runtime.testing.TestPlugin;
import io.marketintel.runtime.testing.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's own routes through the real router and HTTP server: the read-only market routes on the simulated
 * market (shapes, closed vs forming candles, cumulative depth, errors naming the parameter), and the event stream
 * (only {@code intel.events.*} of known plugins reaches the browser; the stream never holds up a graceful stop).
 */
@ExtendWith(VertxExtension.class)
class ConsoleRoutesTest {

    private static final String NOW = "2024-03-01T12:34:56Z";

    private Vertx vertx;
    private HttpServer server;
    private WebClient client;
    private HttpClient http;
    private ConsoleRoutes console;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        MutableClock clock = MutableClock.at(NOW);
        SimulatedMarket market = new SimulatedMarket(SimSettings.defaults(), clock);
        PluginManager plugins = new PluginManager(PluginDiscovery.of(List.of(new TestPlugin())),
                new TestServices(vertx, market, clock));
        plugins.apply(new ConfigLoader(plugins.configSchemas(), Map.of()).parse(Path.of("t.yaml"), ""))
                .await(5, TimeUnit.SECONDS);
        console = new ConsoleRoutes(vertx, market, () -> clock, plugins);
        HttpApi api = new HttpApi(vertx, plugins, new OperationInvoker(market, clock, Duration.ofSeconds(5)),
                ApiToken.of("test-token-0123456789"), 4096,
                () -> Future.succeededFuture(new HealthReport("UP", "test", 1, 2, null, null, null, null, null)))
                .with(console::mount);
        // Compression on, as in the platform: the event stream must opt out of it.
        server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)).requestHandler(api.router()).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
        http = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(EventStream.MAX_STREAMS + 2));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        http.close();
        server.close().await(5, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String uri) throws Exception {
        return client.get(server.actualPort(), "127.0.0.1", uri).send().await(10, TimeUnit.SECONDS);
    }

    private static JsonObject data(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
        return r.bodyAsJsonObject().getJsonObject("data");
    }

    private static JsonObject error(HttpResponse<Buffer> r, int status) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        return r.bodyAsJsonObject().getJsonObject("error");
    }

    // ---- market routes ----

    @Test
    void symbolsListTheMarketsSymbolsWithTheirFilters() throws Exception {
        JsonObject d = data(get("/api/market/symbols"));
        assertThat(d.getString("source")).isEqualTo("sim");
        JsonArray symbols = d.getJsonArray("symbols");
        assertThat(d.getInteger("count")).isEqualTo(symbols.size()).isGreaterThanOrEqualTo(10);
        JsonObject btc = symbols.getJsonObject(0);
        assertThat(btc.getString("symbol")).isEqualTo("BTCUSDT");
        assertThat(btc.fieldNames()).contains("base_asset", "quote_asset", "tick_size", "step_size", "status");
        assertThat(btc.getDouble("tick_size")).isPositive();
    }

    @Test
    void klinesAreTheRequestedCandlesWithOnlyTheLastOneForming() throws Exception {
        JsonObject d = data(get("/api/market/klines/btcusdt?interval=15m&limit=50"));
        assertThat(d.getString("symbol")).as("normalised like every symbol parameter").isEqualTo("BTCUSDT");
        assertThat(d.getString("interval")).isEqualTo("15m");
        JsonArray k = d.getJsonArray("klines");
        assertThat(k).hasSize(50);
        for (int i = 0; i < k.size(); i++) {
            JsonObject c = k.getJsonObject(i);
            assertThat(c.getDouble("high")).isGreaterThanOrEqualTo(Math.max(c.getDouble("open"), c.getDouble("close")));
            assertThat(c.getBoolean("closed")).as("candle " + i).isEqualTo(i < k.size() - 1);
            if (i > 0) {
                assertThat(c.getLong("open_time") - k.getJsonObject(i - 1).getLong("open_time")).isEqualTo(15 * 60_000L);
            }
        }
        long now = java.time.Instant.parse(NOW).toEpochMilli();
        assertThat(k.getJsonObject(k.size() - 1).getLong("open_time")).isLessThanOrEqualTo(now)
                .isGreaterThan(now - 15 * 60_000L);
        assertThat(data(get("/api/market/klines/ETHUSDT")).getJsonArray("klines")).as("default 1h × 200").hasSize(200);
    }

    @Test
    void depthHasRunningTotalsPerSideBestFirst() throws Exception {
        JsonObject d = data(get("/api/market/depth/BTCUSDT?limit=100"));
        JsonArray bids = d.getJsonArray("bids");
        JsonArray asks = d.getJsonArray("asks");
        assertThat(bids).hasSize(100);
        assertThat(asks).hasSize(100);
        assertThat(d.getDouble("best_bid")).isLessThan(d.getDouble("best_ask"));
        assertThat(d.getDouble("mid")).isBetween(d.getDouble("best_bid"), d.getDouble("best_ask"));
        for (JsonArray side : List.of(bids, asks)) {
            double total = 0;
            for (int i = 0; i < side.size(); i++) {
                JsonObject l = side.getJsonObject(i);
                total += l.getDouble("quantity");
                assertThat(l.getDouble("cumulative_quantity")).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        assertThat(bids.getJsonObject(0).getDouble("price")).isGreaterThan(bids.getJsonObject(1).getDouble("price"));
        assertThat(asks.getJsonObject(0).getDouble("price")).isLessThan(asks.getJsonObject(1).getDouble("price"));
    }

    @Test
    void badMarketRequestsAreErrorsNamingWhatIsWrong() throws Exception {
        JsonObject e = error(get("/api/market/klines/BTCUSDT?limit=0"), 400);
        assertThat(e.getString("code")).isEqualTo("INVALID_PARAMETER");
        assertThat(e.getString("message")).isEqualTo("parameter [limit] must be within [1, 1500], was \"0\"");
        assertThat(error(get("/api/market/klines/BTCUSDT?interval=2m"), 400).getString("message"))
                .startsWith("parameter [interval] must be one of [1m, 3m, 5m");
        assertThat(error(get("/api/market/depth/BTCUSDT?limit=7"), 400).getString("message"))
                .isEqualTo("parameter [limit] must be one of [5, 10, 20, 50, 100, 500, 1000], was \"7\"");
        assertThat(error(get("/api/market/symbols?verbose=1"), 400).getString("message")).contains("parameter [verbose]");
        JsonObject unknown = error(get("/api/market/depth/NOPEUSDT"), 404);
        assertThat(unknown.getString("code")).isEqualTo("UNKNOWN_SYMBOL");
        assertThat(unknown.getString("message")).contains("NOPEUSDT");
        assertThat(error(get("/api/market/klines/BTC-USDT"), 400).getString("message")).contains("parameter [symbol]");
    }

    // ---- event stream ----

    /** An open event stream: what arrived so far. */
    private final class Stream {
        final HttpClientResponse response;
        final StringBuilder text = new StringBuilder();

        Stream(HttpClientResponse response) {
            this.response = response;
            response.handler(b -> {
                synchronized (text) {
                    text.append(b.toString());
                }
            });
        }

        String await(Predicate<String> done, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                synchronized (text) {
                    if (done.test(text.toString())) {
                        return text.toString();
                    }
                }
                Thread.sleep(10);
            }
            synchronized (text) {
                throw new AssertionError("no " + what + " within 5 s; received:\n" + text);
            }
        }
    }

    private Stream open(String uri) throws Exception {
        // The body handler is set on the event loop as the response arrives, so no chunk can be missed.
        return http.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", uri)
                .compose(req -> req.putHeader("Accept-Encoding", "gzip").send())
                .map(Stream::new).await(5, TimeUnit.SECONDS);
    }

    @Test
    void streamForwardsPluginEventsAndNothingElse() throws Exception {
        Stream s = open("/api/events");
        assertThat(s.response.statusCode()).isEqualTo(200);
        assertThat(s.response.getHeader("Content-Type")).startsWith("text/event-stream");
        assertThat(s.response.getHeader("Content-Encoding")).as("never compressed: events must not wait in a buffer")
                .isIn(null, "identity");
        s.await(t -> t.contains("event: hello"), "hello");
        assertThat(s.text.toString()).contains("\"addresses\":[\"intel.events.probe\"]");

        // Operation addresses, replies and anything else on the bus stay on the bus.
        vertx.eventBus().publish("intel.probe.echo", new JsonObject().put("secret", "operation request"));
        vertx.eventBus().publish("intel.other", new JsonObject().put("secret", "other address"));
        vertx.eventBus().publish("intel.events.probe", new JsonObject().put("type", "tick").put("plugin", "probe")
                .put("time", 1).put("data", new JsonObject().put("symbol", "BTCUSDT").put("note", "line1\nline2")));
        String text = s.await(t -> t.contains("\"type\":\"tick\""), "event");
        assertThat(text).contains("id: 1\ndata: {\"type\":\"tick\",\"plugin\":\"probe\"")
                .contains("\"note\":\"line1\\nline2\"")
                .doesNotContain("secret");
    }

    @Test
    void streamFollowsOnlyKnownPluginsAskedFor() throws Exception {
        Stream s = open("/api/events?plugin=probe");
        assertThat(s.await(t -> t.contains("event: hello"), "hello")).contains("\"plugins\":[\"probe\"]");
        HttpResponse<Buffer> unknown = get("/api/events?plugin=probe,nope");
        assertThat(error(unknown, 400).getString("message")).startsWith("parameter [plugin]: no plugin with id [nope]");
        assertThat(error(get("/api/events?address=intel.probe.echo"), 400).getString("message"))
                .isEqualTo("parameter [address] is not known; known: plugin");
    }

    @Test
    void streamsAreLimitedAndClosedStreamsAreForgotten() throws Exception {
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < EventStream.MAX_STREAMS; i++) {
            streams.add(open("/api/events"));
        }
        assertThat(console.openStreams()).isEqualTo(EventStream.MAX_STREAMS);
        HttpResponse<Buffer> refused = get("/api/events");
        assertThat(error(refused, 503).getString("message")).contains("too many event streams open (at most 64)");
        for (Stream s : streams) {
            s.response.request().connection().close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (console.openStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(console.openStreams()).isZero();
        assertThat(open("/api/events").response.statusCode()).isEqualTo(200);
    }

    @Test
    void gracefulShutdownDoesNotWaitForOpenStreams() throws Exception {
        Stream s = open("/api/events");
        s.await(t -> t.contains("event: hello"), "hello");
        long started = System.nanoTime();
        server.shutdown(30, TimeUnit.SECONDS).await(35, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(console.openStreams()).isZero();
    }
}
