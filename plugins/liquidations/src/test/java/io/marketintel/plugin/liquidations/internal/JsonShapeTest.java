package io.marketintel.plugin.liquidations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.testkit.fakes.FakeMarketData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The JSON a client sees, with the runtime's settings (Jackson SNAKE_CASE, plain decimals, NaN as null). Surefire
 * resolves Jackson as the named module {@code com.fasterxml.jackson.databind}, so these tests also prove that the
 * {@code opens … to com.fasterxml.jackson.databind} clause lets it serialise the records.
 */
class JsonShapeTest {

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static HeatmapModel.Heatmap heatmap() {
        return HeatmapModel.compute(Fixtures.inputs(Fixtures.twoDays(Fixtures.flatBracket(0.004, 0, 125))),
                LiquidationSettings.defaults(), Fixtures.twoDaysNow(), "sim");
    }

    @Test
    void heatmapSerialisesToSnakeCase() throws Exception {
        JsonNode json = JacksonSupport.tree(heatmap().result());
        assertThat(names(json)).containsExactly("symbol", "estimate", "method", "current_price",
                "long_liquidation_zones", "short_liquidation_zones", "clusters", "cascade_risk_score", "hunting_zones",
                "bias", "confidence", "reasoning", "inputs", "data_time", "source");
        assertThat(json.get("estimate").asBoolean()).isTrue();
        assertThat(json.get("method").asText()).startsWith("Estimate, not observed liquidations");
        assertThat(json.get("bias").asText()).isIn("LONG", "SHORT", "NEUTRAL");
        assertThat(json.get("source").asText()).isEqualTo("sim");

        JsonNode zone = json.get("long_liquidation_zones").get(0);
        assertThat(names(zone)).containsExactly("price", "leverage", "estimated_notional", "density", "distance_pct");
        assertThat(zone.get("distance_pct").asDouble()).isNegative();
        assertThat(json.get("short_liquidation_zones").get(0).get("distance_pct").asDouble()).isPositive();

        JsonNode cluster = json.get("clusters").get(0);
        assertThat(names(cluster)).containsExactly("side", "price_low", "price_high", "price", "total_notional", "tiers",
                "zones", "peak_density", "distance_pct", "oi_share_pct");
        assertThat(cluster.get("tiers").isArray()).isTrue();

        JsonNode hunt = json.get("hunting_zones").get(0);
        assertThat(names(hunt)).containsExactly("side", "price_low", "price_high", "distance_pct", "cluster_price",
                "cluster_notional", "reason");

        JsonNode inputs = json.get("inputs");
        assertThat(names(inputs)).contains("open_interest", "open_interest_value", "long_pct", "short_pct",
                "top_trader_long_pct", "global_long_pct", "top_position_weight", "split_source", "oi_period", "oi_points",
                "window", "oi_change_pct", "build_up", "located_qty", "located_oi_pct", "located_notional", "cohorts",
                "unlocated_periods", "leverage_tiers", "tier_weights", "position_notional", "max_leverage",
                "decay_half_life_hours", "bucket_pct", "bucket_size", "cluster_tolerance_pct", "cascade_window_pct",
                "zones_modelled", "zones_removed_crossed");
        assertThat(inputs.get("oi_period").asText()).isEqualTo("1h");
        assertThat(inputs.get("window").asText()).isEqualTo("48h");
        assertThat(inputs.get("split_source").asText()).isEqualTo("blend");
        assertThat(inputs.get("long_pct").asDouble()).isEqualTo(59.0);      // 0.5 * 56 + 0.5 * 62

        List<String> all = new ArrayList<>();
        collectNames(json, all);
        assertThat(all).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)) && !n.contains("-"), "all snake_case");
        // plain decimals, never 1.0E-4 style
        assertThat(JacksonSupport.pretty(heatmap().result())).doesNotContainPattern("\\d[eE][-+]?\\d");
    }

    @Test
    void levelsSerialiseToSnakeCase() throws Exception {
        JsonNode json = JacksonSupport.tree(HeatmapModel.levels(heatmap(), 3));
        assertThat(names(json)).containsExactly("symbol", "estimate", "current_price", "num_levels", "long_levels",
                "short_levels", "data_time", "source");
        assertThat(json.get("num_levels").asInt()).isEqualTo(3);
        assertThat(json.get("long_levels")).hasSize(3);
        assertThat(names(json.get("short_levels").get(0))).containsExactly("price", "leverage", "estimated_notional",
                "density", "distance_pct");
    }

    @Test
    void missingInputsAreNullsNotNaN() throws Exception {
        FakeMarketData m = Fixtures.twoDays(Fixtures.flatBracket(0.004, 0, 125));
        m.fail("openInterest", IntelException.unknownSymbol(Fixtures.BTC));
        m.longShortRatio(Fixtures.BTC, RatioSeries.TOP_POSITION, List.of()).longShortRatio(Fixtures.BTC, RatioSeries.GLOBAL_ACCOUNT, List.of());
        JsonNode inputs = JacksonSupport.tree(HeatmapModel.compute(Fixtures.inputs(m), LiquidationSettings.defaults(),
                Fixtures.twoDaysNow(), "sim").result()).get("inputs");
        assertThat(inputs.get("open_interest").isNull()).isTrue();
        assertThat(inputs.get("open_interest_value").isNull()).isTrue();
        assertThat(inputs.get("located_oi_pct").isNull()).isTrue();
        assertThat(inputs.get("top_trader_long_pct").isNull()).isTrue();
        assertThat(inputs.get("split_source").asText()).isEqualTo("assumed_even");
    }

    private static void collectNames(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                out.add(e.getKey());
                collectNames(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectNames(n, out));
        }
    }
}
