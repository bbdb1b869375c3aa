package io.marketintel.plugin.orderbook.internal;

import static io.marketintel.plugin.orderbook.internal.Fixtures.T0;
import static io.marketintel.plugin.orderbook.internal.Fixtures.analyzeAlone;
import static io.marketintel.plugin.orderbook.internal.Fixtures.book;
import static io.marketintel.plugin.orderbook.internal.Fixtures.snapshot;
import static io.marketintel.plugin.orderbook.internal.TestJson.names;
import static io.marketintel.plugin.orderbook.internal.TestJson.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON a client sees, with the runtime's naming (Jackson, SNAKE_CASE). */
class JsonShapeTest {

    private static final OrderBookSettings S = OrderBookSettings.with(Map.of("depth_limit", "5",
            "depth_reference_notional", 10_000.0));

    @Test
    void analysisSerialisesToSnakeCaseWithTheSpecFields() {
        JsonNode json = tree(analyzeAlone(AnalysisTest.bidHeavy(), S));
        // the specification's example fields come first
        assertThat(names(json)).startsWith("symbol", "current_price", "bid_ask_imbalance", "dominant_side",
                "whale_bids", "whale_asks", "bias", "confidence", "reasoning");
        assertThat(names(json)).contains("best_bid", "best_ask", "spread", "spread_bps", "imbalance_band",
                "whale_bid_count", "whale_ask_count", "average_bid_quantity", "average_ask_quantity", "wall_multiplier",
                "spoofing_suspected", "spoof_evidence", "spoof_evidence_count", "history_snapshots", "depth_score",
                "depth", "net_pressure", "wall_balance", "levels_analyzed", "depth_limit", "last_update_id",
                "data_time", "source");
        assertThat(names(json)).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)), "all snake_case");

        assertThat(json.get("current_price").asDouble()).isEqualTo(100.0);
        assertThat(json.get("bid_ask_imbalance").asDouble()).isEqualTo(28.5714);
        assertThat(json.get("dominant_side").asText()).isEqualTo("BID");
        assertThat(json.get("bias").asText()).isEqualTo("LONG");
        assertThat(json.get("confidence").asInt()).isEqualTo(97);
        assertThat(json.get("spread").toString()).isEqualTo("0.2");
        assertThat(json.get("data_time").asLong()).isEqualTo(T0);

        JsonNode wall = json.get("whale_bids").get(0);
        assertThat(names(wall)).containsExactly("price", "quantity", "notional", "distance_pct", "multiple", "strength",
                "first_seen", "spoof_suspected");
        assertThat(wall.get("price").asDouble()).isEqualTo(99.6);
        assertThat(wall.get("quantity").asDouble()).isEqualTo(6.0);
        assertThat(wall.get("strength").asInt()).isEqualTo(42);
        assertThat(wall.get("distance_pct").toString()).isEqualTo("-0.4");
        assertThat(json.get("whale_asks").isArray()).isTrue();
        assertThat(json.get("whale_asks")).isEmpty();

        assertThat(names(json.get("imbalance_band"))).containsExactly("pct", "low_price", "high_price", "bid_volume",
                "ask_volume", "bid_levels", "ask_levels", "bid_notional", "ask_notional", "covered");
        assertThat(names(json.get("depth"))).containsExactly("score", "notional_in_band", "reference_notional",
                "volume_score", "levels_in_band", "level_score", "spread_bps", "spread_score");
        assertThat(json.get("depth").get("reference_notional").toString()).isEqualTo("10000.0");
    }

    @Test
    void spoofEvidenceSerialisesWithNullsForAStandingWall() {
        var b = book().ladder("100", "0.01", 300, 1).bid("98.5", 30).build(T0);
        JsonNode json = tree(analyzeAlone(b, OrderBookSettings.with(Map.of("depth_limit", "500"))));
        assertThat(json.get("spoofing_suspected").asBoolean()).isTrue();
        JsonNode e = json.get("spoof_evidence").get(0);
        assertThat(names(e)).containsExactly("reason", "side", "price", "quantity", "multiple", "distance_pct",
                "first_seen", "last_seen", "vanished_at", "remaining_quantity", "detail");
        assertThat(e.get("reason").asText()).isEqualTo("FAR_ONE_SIDED");
        assertThat(e.get("side").asText()).isEqualTo("BID");
        assertThat(e.get("vanished_at").isNull()).isTrue();
        assertThat(e.get("remaining_quantity").isNull()).isTrue();
    }

    @Test
    void levelsSerialiseToSnakeCase() {
        OrderBookSettings s = OrderBookSettings.with(Map.of("depth_limit", "20", "wall_multiplier", 1.5,
                "cluster_tolerance_pct", 0.05));
        BookSnapshot snap = snapshot(LevelsTest.book1(), s);
        JsonNode json = tree(OrderBookAnalysis.levels(snap, DetectedWalls.detect(snap, 1.5), s, 5, "sim"));
        assertThat(names(json)).containsExactly("symbol", "current_price", "supports", "resistances", "num_levels",
                "cluster_tolerance_pct", "wall_multiplier", "levels_analyzed", "data_time", "source");
        JsonNode r = json.get("resistances").get(0);
        assertThat(names(r)).containsExactly("price", "total_quantity", "notional", "distance_pct", "strength",
                "levels_merged", "near_price", "far_price");
        assertThat(r.get("price").toString()).isEqualTo("100.116");
        assertThat(r.get("levels_merged").asInt()).isEqualTo(2);
        assertThat(json.get("source").asText()).isEqualTo("sim");
    }
}
