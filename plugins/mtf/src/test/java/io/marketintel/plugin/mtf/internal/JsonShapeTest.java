package io.marketintel.plugin.mtf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The JSON a client sees, with the runtime's settings (Jackson SNAKE_CASE, plain decimals). Surefire resolves Jackson
 * as the named module {@code com.fasterxml.jackson.databind}, so these tests also prove that the
 * {@code opens … to com.fasterxml.jackson.databind} clause lets it serialise the records.
 */
class JsonShapeTest {

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Six trending timeframes, the daily one only 40 candles old. */
    private static ConfluenceResult result() {
        FakeMarketData m = Fixtures.trending(Fixtures.SIX, 600, 0.003);
        m.klines(Fixtures.BTC, Interval.D1,
                Fixtures.series(Interval.D1, Fixtures.NOW, Fixtures.geometric(40, 100, 0.003), 0.2, 120));
        List<List<Kline>> klines = new ArrayList<>();
        for (Interval tf : Fixtures.SIX) {
            klines.add(m.scriptedKlines(Fixtures.BTC, tf));
        }
        return ConfluenceAnalysis.analyse(Fixtures.BTC, klines, MtfSettings.defaults(), Fixtures.NOW, "sim");
    }

    @Test
    void resultSerialisesToSnakeCase() throws Exception {
        JsonNode json = JacksonSupport.tree(result());
        assertThat(names(json)).containsExactly("symbol", "confluence_score", "overall_direction", "weighted_score",
                "aligned_timeframes", "total_timeframes", "timeframe_signals", "anchor_timeframes", "bias", "confidence",
                "entry_recommendation", "coverage_pct", "reasoning", "indicator_periods", "data_time", "source");
        assertThat(json.get("overall_direction").asText()).isEqualTo("BULLISH");
        assertThat(json.get("bias").asText()).isEqualTo("LONG");
        assertThat(json.get("entry_recommendation").asText()).isEqualTo("ENTER");
        assertThat(json.get("source").asText()).isEqualTo("sim");
        assertThat(json.get("reasoning").get(0).asText()).matches("High confluence \\(\\d+/100\\) - 5/5 timeframes aligned");
        assertThat(names(json.get("indicator_periods"))).containsExactly("ema_fast", "ema_slow", "ema_long", "rsi",
                "macd_fast", "macd_slow", "macd_signal", "adx", "atr");

        JsonNode h1 = json.get("timeframe_signals").get(3);
        assertThat(names(h1)).containsExactly("timeframe", "direction", "strength", "score", "weight", "sufficient_data",
                "bars", "candle_close_time", "close", "ema_fast", "ema_slow", "ema_long", "rsi", "macd", "macd_signal",
                "macd_histogram", "adx", "plus_di", "minus_di", "atr", "atr_pct", "votes", "note");
        assertThat(h1.get("timeframe").asText()).isEqualTo("1h");
        assertThat(h1.get("direction").asText()).isEqualTo("BULLISH");
        assertThat(h1.get("ema_long").isNumber()).isTrue();
        assertThat(h1.get("note").isNull()).isTrue();
        assertThat(names(h1.get("votes").get(0))).containsExactly("name", "vote", "weight", "reason");
        assertThat(h1.get("votes").get(0).get("name").asText()).isEqualTo("close_vs_ema_fast");

        List<String> all = new ArrayList<>();
        collectNames(json, all);
        assertThat(all).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)) && !n.contains("-"), "all snake_case");
        assertThat(JacksonSupport.pretty(result())).doesNotContainPattern("\\d[eE][-+]?\\d");   // plain decimals
    }

    @Test
    void aTimeframeWithoutEnoughHistoryHasNullsNotNaN() throws Exception {
        JsonNode d1 = JacksonSupport.tree(result()).get("timeframe_signals").get(5);
        assertThat(d1.get("timeframe").asText()).isEqualTo("1d");
        assertThat(d1.get("direction").asText()).isEqualTo("NEUTRAL");
        assertThat(d1.get("strength").asInt()).isZero();
        assertThat(d1.get("weight").asDouble()).isZero();
        assertThat(d1.get("sufficient_data").asBoolean()).isFalse();
        assertThat(d1.get("bars").asInt()).isEqualTo(40);
        for (String field : List.of("candle_close_time", "close", "ema_fast", "ema_slow", "ema_long", "rsi", "macd",
                "macd_signal", "macd_histogram", "adx", "plus_di", "minus_di", "atr", "atr_pct")) {
            assertThat(d1.get(field).isNull()).as(field).isTrue();
        }
        assertThat(d1.get("votes")).isEmpty();
        assertThat(d1.get("note").asText()).startsWith("not analysed: 40 closed candles, 100 needed");
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
