package io.marketintel.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ParamSpec;
import io.marketintel.runtime.MutableClock;
import io.marketintel.runtime.bus.BusMount;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.marketintel.runtime.plugins.PluginDiscovery;
import io.marketintel.runtime.plugins.PluginManager;
import io.marketintel.runtime.testing.FixedMarket;
import io.marketintel.runtime.testing.TestPlugin;
import io.marketintel.runtime.testing.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST and bus mounting of plugin operations, end to end through a real HTTP server: typed
 * parameters, every error shape, token checks, enable/disable, and the bus answering the same JSON.
 */
@ExtendWith(VertxExtension.class)
class HttpApiTest {

    private static final String TOKEN = "test-token-0123456789";

    private Vertx vertx;
    private HttpServer server;
    private WebClient client;
    private PluginManager plugins;
    private TestPlugin probe;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        probe = new TestPlugin();
        FixedMarket market = new FixedMarket("BTCUSDT", "ETHUSDT", "BNBUSDT");
        plugins = new PluginManager(PluginDiscovery.of(List.of(probe)),
                new TestServices(vertx, market, MutableClock.at("2025-01-01T00:00:00Z")));
        var config = new ConfigLoader(plugins.configSchemas(), Map.of()).parse(Path.of("t.yaml"), "");
        plugins.apply(config).await(5, TimeUnit.SECONDS);
        OperationInvoker invoker = new OperationInvoker(market, MutableClock.at("2025-01-01T00:00:00Z"),
                Duration.ofMillis(300));
        new BusMount(vertx, invoker).mount(plugins.all()).await(5, TimeUnit.SECONDS);
        HttpApi api = new HttpApi(vertx, plugins, invoker, ApiToken.of(TOKEN), 4096,
                () -> Future.succeededFuture(new HealthReport("UP", "test", 1, 2, null, null, null, null, null)));
        server = vertx.createHttpServer().requestHandler(api.router()).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close().await(5, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> call(HttpMethod method, String uri, String body, Map<String, String> headers) {
        var request = client.request(method, server.actualPort(), "127.0.0.1", uri);
        headers.forEach(request::putHeader);
        try {
            return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<Buffer> get(String uri) {
        return call(HttpMethod.GET, uri, null, Map.of());
    }

    private static JsonObject error(HttpResponse<Buffer> r) {
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.fieldNames()).containsExactly("error");
        JsonObject error = body.getJsonObject("error");
        assertThat(error.fieldNames()).containsExactlyInAnyOrder("code", "message", "details");
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(error.getString("message")).doesNotContain("Exception", "\tat ", "io.marketintel");
        return error;
    }

    @Test
    void operationAnswersDataWithTypedParameters() {
        var r = get("/api/intelligence/probe/echo/btcusdt?num_levels=12&threshold=0.25&mode=SLOW&candidates=ETHUSDT,BNBUSDT");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject data = r.bodyAsJsonObject().getJsonObject("data");
        assertThat(data.getString("symbol")).isEqualTo("BTCUSDT");
        assertThat(data.getInteger("levels")).isEqualTo(12);
        assertThat(data.getDouble("threshold")).isEqualTo(0.25);
        assertThat(data.getString("mode")).isEqualTo("slow");
        assertThat(data.getJsonArray("symbols").getList()).containsExactly("ETHUSDT", "BNBUSDT");
        assertThat(data.getLong("greeting")).as("plugin config default reaches the plugin").isEqualTo(7);
    }

    @Test
    void postBodyParametersAreBound() {
        var r = call(HttpMethod.POST, "/api/intelligence/probe/body", "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"period\":\"1h\"}",
                Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getJsonObject("data").getString("mode")).isEqualTo("1h");
    }

    @Test
    void badParameterIs400NamingIt() {
        var r = get("/api/intelligence/probe/echo/BTCUSDT?num_levels=90");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject e = error(r);
        assertThat(e.getString("code")).isEqualTo("INVALID_PARAMETER");
        assertThat(e.getString("message")).isEqualTo("parameter [num_levels] must be within [1, 50], was \"90\"");
        assertThat(e.getJsonObject("details").getString("parameter")).isEqualTo("num_levels");
    }

    @Test
    void unknownParameterIs400() {
        var r = get("/api/intelligence/probe/echo/BTCUSDT?num_level=9");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).getString("message")).startsWith("parameter [num_level] is not known; known: num_levels");
    }

    @Test
    void missingRequiredBodyParameterIs400() {
        var r = call(HttpMethod.POST, "/api/intelligence/probe/body", "{}", Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).getString("message")).isEqualTo("parameter [symbols] is required");
    }

    @Test
    void unknownSymbolIs404NamingIt() {
        var r = get("/api/intelligence/probe/echo/DOGEUSDT");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonObject e = error(r);
        assertThat(e.getString("code")).isEqualTo("UNKNOWN_SYMBOL");
        assertThat(e.getString("message")).contains("DOGEUSDT");
        var inList = get("/api/intelligence/probe/echo/BTCUSDT?candidates=ETHUSDT,XYZUSDT");
        assertThat(inList.statusCode()).isEqualTo(404);
        assertThat(error(inList).getString("message")).contains("XYZUSDT");
    }

    @Test
    void malformedJsonIs400AndNonJsonIs415() {
        var bad = call(HttpMethod.POST, "/api/intelligence/probe/body", "{\"symbols\": [", Map.of("Content-Type", "application/json"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(error(bad).getString("code")).isEqualTo("MALFORMED_REQUEST");
        var array = call(HttpMethod.POST, "/api/intelligence/probe/body", "[1,2]", Map.of("Content-Type", "application/json"));
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(error(array).getString("message")).isEqualTo("the request body must be a JSON object");
        var text = call(HttpMethod.POST, "/api/intelligence/probe/body", "symbols=BTCUSDT", Map.of("Content-Type", "text/plain"));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(error(text).getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizeBodyIs413() {
        String big = "{\"symbols\":[\"" + "A".repeat(5000) + "\"]}";
        var r = call(HttpMethod.POST, "/api/intelligence/probe/body", big, Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).isEqualTo(413);
        JsonObject e = error(r);
        assertThat(e.getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(e.getString("message")).contains("4096");
    }

    @Test
    void unknownRoutesAre404Json() {
        for (String uri : List.of("/api/nothing", "/api/intelligence/nothing/x", "/api/intelligence/probe/nope/x",
                "/api/intelligence/probe/echo", "/api/intelligence/probe/echo/BTCUSDT/extra", "/not-api")) {
            var r = get(uri);
            assertThat(r.statusCode()).as(uri).isEqualTo(404);
            assertThat(error(r).getString("code")).as(uri).isEqualTo("NOT_FOUND");
        }
        assertThat(error(get("/api/intelligence/probe/nope/x")).getString("message"))
                .contains("GET /api/intelligence/probe/echo/{symbol}");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        var r = call(HttpMethod.POST, "/api/intelligence/probe/echo/BTCUSDT", null, Map.of());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(error(r).getString("code")).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(r.getHeader("Allow")).isEqualTo("GET");
        var mgmt = call(HttpMethod.DELETE, "/api/plugins", null, Map.of());
        assertThat(mgmt.statusCode()).isEqualTo(405);
        assertThat(error(mgmt).getString("code")).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void sameRouteServesDifferentOperationsByMethod() {
        assertThat(get("/api/intelligence/probe/item/abc-1").bodyAsJsonObject().getJsonArray("data").getString(0))
                .isEqualTo("abc-1");
        var del = call(HttpMethod.DELETE, "/api/intelligence/probe/item/abc-1", null, Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(del.bodyAsJsonObject().getJsonArray("data").getString(0)).isEqualTo("deleted abc-1");
        var badId = get("/api/intelligence/probe/item/a%20b");
        assertThat(badId.statusCode()).isEqualTo(400);
    }

    @Test
    void pluginThrowingIs500WithoutInternals() {
        var r = get("/api/intelligence/probe/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        JsonObject e = error(r);
        assertThat(e.getString("code")).isEqualTo("INTERNAL_ERROR");
        assertThat(e.getString("message")).doesNotContain("secret internals").contains("reference");
        assertThat(get("/api/intelligence/probe/garbage").statusCode()).isEqualTo(500);
    }

    @Test
    void upstreamFailureKeepsItsStatusAndHangingOperationTimesOut() {
        var up = get("/api/intelligence/probe/upstream");
        assertThat(up.statusCode()).isEqualTo(503);
        assertThat(error(up).getString("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
        var hang = get("/api/intelligence/probe/hang");
        assertThat(hang.statusCode()).isEqualTo(504);
        assertThat(error(hang).getString("message")).contains("probe.hang");
    }

    @Test
    void mutatingOperationsNeedTheToken() {
        var none = call(HttpMethod.POST, "/api/intelligence/probe/mutate", null, Map.of());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(error(none).getString("code")).isEqualTo("UNAUTHORIZED");
        var wrong = call(HttpMethod.POST, "/api/intelligence/probe/mutate", null, Map.of("Authorization", "Bearer nope"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(error(wrong).getString("code")).isEqualTo("FORBIDDEN");
        var right = call(HttpMethod.POST, "/api/intelligence/probe/mutate", null, Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void disabledPluginAnswers503OnRestAndBusAndComesBack() {
        assertThat(call(HttpMethod.POST, "/api/plugins/probe/disable", null, Map.of()).statusCode()).isEqualTo(401);
        var off = call(HttpMethod.POST, "/api/plugins/probe/disable", null, Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.bodyAsJsonObject().getJsonObject("data").getString("state")).isEqualTo("DISABLED");
        assertThat(probe.stops.get()).isEqualTo(1);

        var r = get("/api/intelligence/probe/echo/BTCUSDT");
        assertThat(r.statusCode()).isEqualTo(503);
        JsonObject e = error(r);
        assertThat(e.getString("code")).isEqualTo("PLUGIN_DISABLED");
        assertThat(e.getString("message")).isEqualTo("plugin [probe] is disabled");
        Throwable busFailure = vertx.eventBus().request("intel.probe.echo", new JsonObject().put("symbol", "BTCUSDT"))
                .map(m -> (Throwable) null).otherwise(t -> t).await();
        assertThat(busFailure).isInstanceOf(ReplyException.class);
        assertThat(((ReplyException) busFailure).failureCode()).isEqualTo(503);
        assertThat(busFailure.getMessage()).contains("plugin [probe] is disabled");

        var on = call(HttpMethod.POST, "/api/plugins/probe/enable", null, Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(on.bodyAsJsonObject().getJsonObject("data").getString("enabled_by")).isEqualTo("api");
        assertThat(get("/api/intelligence/probe/echo/BTCUSDT").statusCode()).isEqualTo(200);
        assertThat(probe.starts.get()).isEqualTo(2);
    }

    @Test
    void busAnswersTheSameJsonAsRest() {
        var rest = get("/api/intelligence/probe/echo/BTCUSDT?num_levels=3").bodyAsJsonObject();
        JsonObject bus = vertx.eventBus().<JsonObject>request("intel.probe.echo",
                new JsonObject().put("symbol", "btcusdt").put("params", new JsonObject().put("num_levels", 3))).await().body();
        assertThat(bus).isEqualTo(rest);
        Throwable bad = vertx.eventBus().request("intel.probe.echo",
                new JsonObject().put("symbol", "BTCUSDT").put("params", new JsonObject().put("num_levels", 99)))
                .map(m -> (Throwable) null).otherwise(t -> t).await();
        assertThat(((ReplyException) bad).failureCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.getMessage()).getJsonObject("error").getString("message"))
                .isEqualTo(error(get("/api/intelligence/probe/echo/BTCUSDT?num_levels=99")).getString("message")
                        .replace("\"99\"", "99"));
    }

    @Test
    void pluginListShowsOperationsWithPathsAndParameters() {
        JsonObject p = get("/api/plugins").bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
        assertThat(p.getString("id")).isEqualTo("probe");
        assertThat(p.getString("kind")).isEqualTo("ANALYZER");
        assertThat(p.getBoolean("enabled")).isTrue();
        assertThat(p.getJsonObject("health").getString("status")).isEqualTo("HEALTHY");
        JsonObject echo = p.getJsonArray("operations").getJsonObject(0);
        assertThat(echo.getString("path")).isEqualTo("/api/intelligence/probe/echo/{symbol}");
        assertThat(echo.getString("bus_address")).isEqualTo("intel.probe.echo");
        JsonObject numLevels = echo.getJsonArray("parameters").getJsonObject(0);
        assertThat(numLevels.getString("name")).isEqualTo("num_levels");
        assertThat(numLevels.getString("type")).isEqualTo("INTEGER");
        assertThat(numLevels.getInteger("default_value")).isEqualTo(5);
        assertThat(numLevels.getDouble("max")).isEqualTo(50.0);
        assertThat(get("/api/plugins/nope").statusCode()).isEqualTo(404);
        assertThat(ParamSpec.integer("x", 1).name()).isEqualTo("x");
    }

    @Test
    void anOperationMountedAtThePrefixTakesTheSymbolRightAfterIt() {
        var r = get("/api/intelligence/probe/ETHUSDT");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getJsonArray("data").getString(0)).isEqualTo("root ETHUSDT");
        assertThat(get("/api/intelligence/probe/echo/ETHUSDT").bodyAsJsonObject().getJsonObject("data")
                .getString("symbol")).as("a named path still wins").isEqualTo("ETHUSDT");
        assertThat(get("/api/intelligence/probe/NOPEUSDT").statusCode()).isEqualTo(404);
    }

    @Test
    void aStartedJobIsAnswered202AndObjectParametersArriveAsJson() {
        var r = call(HttpMethod.POST, "/api/intelligence/probe/job", "{\"spec\":{\"kind\":\"twap\"}}",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.bodyAsJsonObject().getJsonArray("data").getString(1)).isEqualTo("twap");
        var bad = call(HttpMethod.POST, "/api/intelligence/probe/job", "{\"spec\":[1]}",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(error(bad).getString("message")).isEqualTo("parameter [spec] must be a JSON object, was [1]");
    }
}
