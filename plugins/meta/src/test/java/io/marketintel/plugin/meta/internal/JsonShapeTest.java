package io.marketintel.plugin.meta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON the runtime writes for the results: the specification's field names, snake_case, nulls kept. */
class JsonShapeTest {

    @TempDir
    Path dir;

    @Test
    void recommendationHasTheSpecificationsFields() {
        Vertx vertx = Vertx.vertx();
        try (MetaHarness h = MetaHarness.start(vertx, dir, Fixtures.T0, Map.of())) {
            JsonObject r = TestJson.wire(h.recommend(Fixtures.complete(Fixtures.funding("BULLISH", 0.06, "LONG"),
                    Fixtures.orderbook(23.5, 64, "LONG"), Fixtures.liquidations(30, "NEUTRAL"),
                    Fixtures.mtf(78, "BULLISH", 75, 30.0, 32.0, 0.85), Fixtures.vp("ABOVE_VALUE_AREA", 103, 100))));
            assertThat(r.getString("market_condition")).isEqualTo("strong_uptrend");
            JsonObject s = r.getJsonObject("recommended_strategy");
            assertThat(s.fieldNames()).containsExactlyInAnyOrder("execution_mode", "trailing_stop_mode",
                    "tp_ladder_strategy", "order_routing", "arm", "confidence", "reasoning");
            assertThat(s.getString("execution_mode")).isEqualTo("pyramid");
            assertThat(s.getString("tp_ladder_strategy")).isEqualTo("AGGRESSIVE");
            assertThat(s.getInteger("confidence")).isEqualTo(85);
            assertThat(r.getInteger("overall_confidence")).isEqualTo(94);
            assertThat(r.getJsonArray("key_factors").getList()).contains("High MTF confluence (78/100)",
                    "Price ABOVE_VALUE_AREA");
            assertThat(r.getString("recommendation_id")).startsWith("rec-");
            assertThat(r.getDouble("price_at_recommendation")).isEqualTo(100.0);
            JsonObject learning = r.getJsonObject("learning");
            assertThat(learning.getString("prior_arm")).isEqualTo("pyramid.smart.aggressive.iceberg");
            assertThat(learning.getBoolean("overridden")).isFalse();
            JsonObject arm = learning.getJsonArray("arms").getJsonObject(0);
            assertThat(arm.fieldNames()).contains("samples", "posterior_mean_return_pct", "credible_interval95",
                    "probability_beats_prior", "paired_samples", "eligible");
            assertThat(r.getJsonObject("errors")).isEmpty();
            assertThat(r.fieldNames()).contains("label_due_at", "horizon_minutes", "portfolio", "condition_rules");
        } finally {
            vertx.close();
        }
    }

    @Test
    void completeAnalysisKeepsNullSectionsAndErrors() {
        CompleteResult r = new CompleteResult("BTCUSDT", null, null, null,
                io.marketintel.plugin.meta.internal.Jsons.plain(Fixtures.mtf(78, "BULLISH", 75, 30.0, 32.0, 0.85)),
                null, Map.of("funding_sentiment", new SectionError("TIMEOUT", "late", 504, "funding", Map.of())),
                1, 5, Map.of("mtf_confluence", 12L), Fixtures.T0 - 1, Fixtures.T0);
        JsonObject j = TestJson.wire(r);
        assertThat(j.fieldNames()).containsExactlyInAnyOrder("symbol", "funding_sentiment", "orderbook", "liquidations",
                "mtf_confluence", "volume_profile", "errors", "sections_ok", "sections_requested", "durations_ms",
                "data_time", "requested_at");
        assertThat(j.containsKey("funding_sentiment")).isTrue();
        assertThat(j.getValue("funding_sentiment")).isNull();
        assertThat(j.getJsonObject("errors").getJsonObject("funding_sentiment").getMap())
                .containsEntry("code", "TIMEOUT").containsEntry("status", 504);
        assertThat(j.getJsonObject("mtf_confluence").getJsonArray("timeframe_signals").getJsonObject(1)
                .getDouble("adx")).isEqualTo(30.0);
        assertThat(List.copyOf(j.getJsonObject("durations_ms").fieldNames())).containsExactly("mtf_confluence");
    }
}
