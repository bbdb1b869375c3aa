package io.marketintel.plugin.meta.internal;

import static io.marketintel.plugin.meta.internal.Fixtures.await;
import static io.marketintel.plugin.meta.internal.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The complete analysis on a fake context whose bus calls are answered by the test: a plugin that never answers
 * runs into its own deadline, a disabled one answers PLUGIN_DISABLED, an absent one NOT_FOUND; the others are
 * present, and the whole never fails.
 */
class CompleteAnalysisTest {

    private Vertx vertx;
    private CompleteAnalysisPlugin plugin;
    private FakePluginContext ctx;
    private final List<Promise<JsonObject>> hanging = new ArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        plugin = new CompleteAnalysisPlugin();
        ctx = new FakePluginContext(plugin.descriptor(), CompleteSettings.defaultParams(), new FakeMarketData())
                .clockAt(Fixtures.T0)
                .withVertx(vertx);
        ctx.configure(Map.of("funding_deadline_ms", 200L, CompleteSettings.CACHE_TTL_SECONDS, 0L));
        await(plugin.start(ctx));
    }

    @AfterEach
    void stop() {
        await(plugin.stop());
        await(vertx.close());
    }

    private static Future<JsonObject> data(JsonObject d) {
        return Future.succeededFuture(new JsonObject().put("data", d));
    }

    /** funding hangs, orderbook is disabled, liquidations is absent, mtf and volume-profile answer. */
    private void mixed() {
        ctx.answerCalls(call -> switch (call.pluginId()) {
            case "funding" -> {
                Promise<JsonObject> p = Promise.promise();
                hanging.add(p);
                yield p.future();
            }
            case "orderbook" -> Future.failedFuture(new IntelException(ErrorCode.PLUGIN_DISABLED,
                    "plugin [orderbook] is disabled", Map.of("plugin", "orderbook")));
            case "mtf" -> data(Fixtures.mtf(78, "BULLISH", 75, 30.0, 32.0, 0.85));
            case "volume-profile" -> data(Fixtures.vp("ABOVE_VALUE_AREA", 103, 100));
            default -> Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "nobody serves operation ["
                    + call.pluginId() + "." + call.operation() + "]"));
        });
    }

    private CompleteResult run(List<String> sections) {
        return await(plugin.complete(new OperationRequest(Fixtures.BTC, Params.of(Map.of(
                CompleteAnalysisPlugin.SECTIONS, sections)))));
    }

    @Test
    void hangingDisabledAndAbsentPluginsBecomeErrorsAndTheOthersAnswer() {
        mixed();
        long started = System.nanoTime();
        CompleteResult r = run(Section.KEYS);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(r.symbol()).isEqualTo("BTCUSDT");
        assertThat(r.fundingSentiment()).isNull();
        assertThat(r.orderbook()).isNull();
        assertThat(r.liquidations()).isNull();
        assertThat(r.mtfConfluence()).containsEntry("confluence_score", 78).containsEntry("overall_direction", "BULLISH");
        assertThat(r.volumeProfile()).containsEntry("position_relative_to_value_area", "ABOVE_VALUE_AREA");
        assertThat(r.sectionsOk()).isEqualTo(2);
        assertThat(r.sectionsRequested()).isEqualTo(5);

        assertThat(r.errors()).containsOnlyKeys("funding_sentiment", "orderbook", "liquidations");
        SectionError timeout = r.errors().get("funding_sentiment");
        assertThat(timeout.code()).isEqualTo("TIMEOUT");
        assertThat(timeout.status()).isEqualTo(504);
        assertThat(timeout.plugin()).isEqualTo("funding");
        assertThat(timeout.message()).isEqualTo("operation [funding.sentiment] did not answer within 200 ms");
        SectionError disabled = r.errors().get("orderbook");
        assertThat(disabled.code()).isEqualTo("PLUGIN_DISABLED");
        assertThat(disabled.status()).isEqualTo(503);
        assertThat(disabled.message()).isEqualTo("plugin [orderbook] is disabled");
        assertThat(disabled.details()).containsEntry("plugin", "orderbook");
        assertThat(r.errors().get("liquidations").code()).isEqualTo("NOT_FOUND");
        assertThat(r.errors().get("liquidations").status()).isEqualTo(404);

        // Its own deadline (plus the guard's grace), not the others' default 5 s.
        assertThat(r.durationsMs().get("funding_sentiment")).isBetween(200L, 2_000L);
        assertThat(r.durationsMs()).containsOnlyKeys(Section.KEYS.toArray(new String[0]));
        assertThat(elapsedMs).isLessThan(3_000);
        assertThat(r.dataTime()).isEqualTo(Fixtures.T0 - 1); // newest of mtf (T0 − 1) and volume profile (T0 − 2)
        assertThat(r.requestedAt()).isEqualTo(Fixtures.T0);
    }

    @Test
    void everySectionIsCalledWithTheSymbolAndItsOwnDeadlineAtOnce() {
        mixed();
        run(Section.KEYS);
        assertThat(Fixtures.calls(ctx)).containsExactlyInAnyOrder(
                "funding.sentiment BTCUSDT {} 200",
                "orderbook.analysis BTCUSDT {} 5000",
                "liquidations.heatmap BTCUSDT {} 5000",
                "mtf.confluence BTCUSDT {} 5000",
                "volume-profile.analysis BTCUSDT {} 5000");
    }

    @Test
    void twoHangingSectionsWaitInParallel() {
        ctx.configure(Map.of("funding_deadline_ms", 400L, "mtf_deadline_ms", 400L,
                CompleteSettings.CACHE_TTL_SECONDS, 0L));
        ctx.answerCalls(call -> Promise.<JsonObject>promise().future());
        long started = System.nanoTime();
        CompleteResult r = run(List.of("funding_sentiment", "mtf_confluence"));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.errors()).containsOnlyKeys("funding_sentiment", "mtf_confluence");
        assertThat(elapsedMs).isLessThan(800 + 2 * Fanout.GUARD_GRACE_MS);
    }

    @Test
    void onlyTheRequestedSectionsRun() {
        mixed();
        CompleteResult r = run(List.of("mtf_confluence"));
        assertThat(Fixtures.calls(ctx)).containsExactly("mtf.confluence BTCUSDT {} 5000");
        assertThat(r.errors()).isEmpty();
        assertThat(r.sectionsRequested()).isEqualTo(1);
        assertThat(r.durationsMs()).containsOnlyKeys("mtf_confluence");
    }

    @Test
    void anUnknownSectionIsA400NamingTheParameter() {
        Throwable e = failure(plugin.complete(new OperationRequest(Fixtures.BTC, Params.of(Map.of(
                CompleteAnalysisPlugin.SECTIONS, List.of("mtf_confluence", "astrology"))))));
        assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e).hasMessage("parameter [sections] has unknown section [astrology]; known: funding_sentiment,"
                + " orderbook, liquidations, mtf_confluence, volume_profile");
    }

    @Test
    void anAnswerWithoutDataIsAnUpstreamError() {
        ctx.answerCalls(call -> Future.succeededFuture(new JsonObject().put("oops", 1)));
        CompleteResult r = run(List.of("volume_profile"));
        assertThat(r.errors().get("volume_profile").code()).isEqualTo("UPSTREAM_ERROR");
    }

    @Test
    void resultsAreCachedForTheConfiguredTime() {
        ctx.configure(Map.of(CompleteSettings.CACHE_TTL_SECONDS, 5L));
        mixed();
        run(List.of("mtf_confluence"));
        run(List.of("mtf_confluence"));
        assertThat(Fixtures.calls(ctx)).hasSize(1);
        ctx.clock().advance(java.time.Duration.ofSeconds(6));
        run(List.of("mtf_confluence"));
        assertThat(Fixtures.calls(ctx)).hasSize(2);
    }
}
