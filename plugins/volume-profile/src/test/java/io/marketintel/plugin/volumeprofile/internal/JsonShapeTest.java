package io.marketintel.plugin.volumeprofile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The JSON a client sees, written by the runtime's own mapper (snake_case, plain decimals, NaN as null). Jackson is
 * the named module {@code com.fasterxml.jackson.databind}, so these tests also prove that the
 * {@code opens … to com.fasterxml.jackson.databind} clause lets it serialise the records.
 */
class JsonShapeTest {

    private static final Profile HAND = Fixtures.profile(Fixtures.handMade(), "1", 10);

    private static ProfileResult analysis() {
        return ProfileReport.analysis(HAND, new ProfileReport.Window(Fixtures.BTC, "5m", 10, 105, true, Fixtures.T0,
                Fixtures.T0 + 10 * Fixtures.M5 - 1, "sim"));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void analysisSerialisesToTheSpecificationsNames() throws Exception {
        JsonNode json = TestJson.tree(analysis());
        assertThat(names(json)).containsExactly("symbol", "interval", "lookback", "candles", "current_price", "poc",
                "value_area_high", "value_area_low", "value_area_pct", "value_area_volume_pct",
                "position_relative_to_value_area", "distance_to_poc_pct", "high_volume_nodes", "low_volume_nodes", "bias",
                "confidence", "reasoning", "bin_size", "bin_count", "range_low", "range_high", "total_volume", "bins",
                "data_time", "source");
        // the specification's example shapes
        assertThat(names(json.get("poc"))).containsExactly("price", "price_low", "price_high", "volume_pct");
        assertThat(json.get("poc").get("price").asDouble()).isEqualTo(105.5);
        assertThat(json.get("poc").get("volume_pct").asDouble()).isEqualTo(25.65);
        assertThat(names(json.get("value_area_high"))).containsExactly("price");
        assertThat(json.get("value_area_high").get("price").asDouble()).isEqualTo(108.0);
        assertThat(json.get("value_area_low").get("price").asDouble()).isEqualTo(103.0);
        assertThat(json.get("position_relative_to_value_area").asText()).isEqualTo("INSIDE_VALUE_AREA");
        assertThat(json.get("bias").asText()).isEqualTo("NEUTRAL");
        assertThat(json.get("reasoning").get(0).asText()).isEqualTo("Price inside Value Area (103 - 108) - range-bound");
        assertThat(names(json.get("high_volume_nodes").get(0)))
                .containsExactly("price", "price_low", "price_high", "volume_pct", "strength");
        assertThat(json.get("high_volume_nodes").get(0).get("strength").asInt()).isEqualTo(100);
        assertThat(names(json.get("bins").get(0))).containsExactly("price_low", "price_high", "volume");
        assertThat(json.get("bins")).hasSize(10);

        List<String> all = new ArrayList<>();
        collectNames(json, all);
        assertThat(all).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)) && !n.contains("-"), "all snake_case");
    }

    /**
     * Small prices stay plain ({@code 0.00011}, not {@code 1.1E-4}). Whole numbers of 1e7 and more are not checked
     * here: the runtime's serialiser currently writes them as {@code 1.0E7} (reported to the runtime's owner).
     */
    @Test
    void decimalsArePlain() throws Exception {
        Profile tiny = Fixtures.profile(List.of(Fixtures.candle(0, 0.00012, 0.00015, 0.00011, 0.00014, 1e6)), "0.00001", 4);
        ProfileResult r = ProfileReport.analysis(tiny, new ProfileReport.Window("XUSDT", "5m", 10, 0.00014, true, 0, 0, "sim"));
        assertThat(TestJson.wire(r)).doesNotContainPattern("\\d[eE][-+]?\\d").contains("\"range_low\":0.00011")
                .contains("\"total_volume\":1000000");
        assertThat(TestJson.pretty(r)).doesNotContainPattern("\\d[eE][-+]?\\d");
    }

    @Test
    void levelsSerialiseToSnakeCase() throws Exception {
        JsonNode json = TestJson.tree(ProfileReport.levels(analysis(), 3));
        assertThat(names(json)).containsExactly("symbol", "interval", "lookback", "current_price", "num_levels",
                "levels_above", "levels_below", "data_time", "source");
        assertThat(names(json.get("levels_above").get(0))).containsExactly("type", "price", "distance_pct", "strength");
        assertThat(json.get("levels_above").get(0).get("type").asText()).isEqualTo("POC");
    }

    @Test
    void compareSerialisesToSnakeCase() throws Exception {
        Profile current = Fixtures.profile(Fixtures.shifted(Fixtures.handMade(), 3), "1", 10);
        JsonNode json = TestJson.tree(ProfileReport.compare(current, HAND, new ProfileReport.Window(Fixtures.BTC, "5m",
                10, 108, true, 0, 1, "sim"), -2, -1, 5));
        assertThat(names(json)).containsExactly("symbol", "interval", "lookback", "historical_multiplier",
                "current_price", "current", "historical", "poc_migration", "poc_migration_pct",
                "current_va_inside_historical_pct", "historical_va_inside_current_pct", "shift_direction", "bias",
                "confidence", "reasoning", "data_time", "source");
        assertThat(names(json.get("current"))).containsExactly("candles", "from_time", "to_time", "poc_price",
                "poc_volume_pct", "value_area_high", "value_area_low", "value_area_volume_pct", "bin_size", "range_low",
                "range_high", "total_volume");
        assertThat(json.get("shift_direction").asText()).isEqualTo("OVERLAPPING");
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
