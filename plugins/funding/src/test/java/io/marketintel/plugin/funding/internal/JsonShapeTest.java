package io.marketintel.plugin.funding.internal;

import static io.marketintel.plugin.funding.internal.Fixtures.NOW;
import static io.marketintel.plugin.funding.internal.Fixtures.inputs;
import static io.marketintel.plugin.funding.internal.Fixtures.uptrend;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.testkit.fakes.FakeMarketData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON a client sees, with the runtime's naming (Jackson, SNAKE_CASE). jackson-databind is a test-only
 * dependency of this module; the plugin itself only opens its package to it. Surefire resolves Jackson as the
 * named module {@code com.fasterxml.jackson.databind} (the module descriptor mentions it), so these tests also
 * prove that the {@code opens … to com.fasterxml.jackson.databind} clause lets it serialise the records.
 */
class JsonShapeTest {

    static {
        // The plugin module does not (and must not) require Jackson; the test code inside it needs to read it.
        try {
            Module jackson = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false,
                    JsonShapeTest.class.getClassLoader()).getModule();
            JsonShapeTest.class.getModule().addReads(jackson);
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError("jackson-databind is a test dependency of this module: " + e);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void sentimentSerialisesToSnakeCase() throws Exception {
        SentimentResult r = FundingAnalysis.analyze(inputs(uptrend()), FundingSettings.defaults(), "sim");
        JsonNode json = mapper.readTree(mapper.writeValueAsString(r));

        assertThat(names(json)).contains("symbol", "funding_rate", "funding_rate_raw", "annualized_rate_pct",
                "funding_interval_hours", "funding_interval_assumed", "funding_interval_note", "next_funding_time",
                "mark_price", "sentiment", "bias", "confidence", "reasoning", "signals", "open_interest",
                "open_interest_value", "oi_change_pct", "oi_trend", "oi_window", "oi_period", "global_long_pct",
                "top_trader_long_pct", "long_short_divergence_pts", "taker_buy_sell_ratio", "taker_buy_sell_ratio_avg",
                "extreme_threshold_pct", "bullish_threshold_pct", "data_time", "source");
        assertThat(names(json)).allMatch(n -> n.equals(n.toLowerCase(java.util.Locale.ROOT)), "all snake_case");

        assertThat(json.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(json.get("funding_rate").asDouble()).isEqualTo(0.085);
        assertThat(json.get("funding_rate_raw").asDouble()).isEqualTo(0.00085);
        assertThat(json.get("funding_interval_hours").asInt()).isEqualTo(8);
        assertThat(json.get("sentiment").asText()).isEqualTo("BULLISH");
        assertThat(json.get("bias").asText()).isEqualTo("LONG");
        assertThat(json.get("confidence").asInt()).isEqualTo(70);
        assertThat(json.get("oi_trend").asText()).isEqualTo("RISING");
        assertThat(json.get("oi_window").asText()).isEqualTo("24h");
        assertThat(json.get("reasoning").get(0).asText())
                .isEqualTo("Bullish funding (0.0850%) + OI rising 8.2% over 24h - strong uptrend");
        JsonNode signal = json.get("signals").get(0);
        assertThat(names(signal)).containsExactly("name", "direction", "weight", "reason");
        assertThat(signal.get("name").asText()).isEqualTo("trend_confirmation");
        assertThat(signal.get("direction").asText()).isEqualTo("LONG");
        assertThat(signal.get("weight").asInt()).isEqualTo(20);
        assertThat(json.get("data_time").asLong()).isEqualTo(NOW);
        assertThat(json.get("source").asText()).isEqualTo("sim");
    }

    @Test
    void missingInputsAreNullsNotNaN() throws Exception {
        FakeMarketData m = new FakeMarketData();
        m.premiumIndex(Fixtures.premium("BTCUSDT", 0.0001));
        JsonNode json = mapper.readTree(mapper.writeValueAsString(
                FundingAnalysis.analyze(inputs(m), FundingSettings.defaults(), "sim")));
        assertThat(json.get("open_interest").isNull()).isTrue();
        assertThat(json.get("oi_change_pct").isNull()).isTrue();
        assertThat(json.get("oi_trend").asText()).isEqualTo("UNKNOWN");
        assertThat(json.get("global_long_pct").isNull()).isTrue();
        assertThat(json.get("funding_interval_assumed").asBoolean()).isTrue();
        assertThat(json.get("funding_interval_note").asText()).startsWith("assumed 8h");
    }

    @Test
    void arbitrageSerialisesToSnakeCase() throws Exception {
        ArbitrageResult r = FundingAnalysis.arbitrage(
                List.of(new PremiumIndex("BTCUSDT", 61_800.5, 61_790, 0, 0.0012, 0.0001, 1_723_161_600_000L, NOW)),
                0.1, 50, "sim");
        JsonNode json = mapper.readTree(mapper.writeValueAsString(r));
        assertThat(names(json)).containsExactly("opportunities", "count", "total_matches", "symbols_scanned",
                "min_funding", "limit", "annualization_assumes_interval_hours", "data_time", "source");
        assertThat(json.get("annualization_assumes_interval_hours").asInt()).isEqualTo(8);
        JsonNode o = json.get("opportunities").get(0);
        assertThat(names(o)).containsExactly("symbol", "funding_rate", "funding_rate_raw", "annualized_rate_pct",
                "receiving_side", "next_funding_time", "mark_price");
        assertThat(o.get("receiving_side").asText()).isEqualTo("SHORT");
        assertThat(o.get("funding_rate").asDouble()).isEqualTo(0.12);
        assertThat(o.get("annualized_rate_pct").asDouble()).isEqualTo(131.4);   // 0.12 * 1095
    }
}
