package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.BNB;
import static io.marketintel.plugin.correlation.internal.Fixtures.BTC;
import static io.marketintel.plugin.correlation.internal.Fixtures.ETH;
import static io.marketintel.plugin.correlation.internal.Fixtures.T0;
import static io.marketintel.plugin.correlation.internal.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.plugin.correlation.internal.CorrelationAnalysis.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON a client sees, with the runtime's settings (Jackson SNAKE_CASE, plain decimals). Surefire resolves Jackson
 * as the named module {@code com.fasterxml.jackson.databind}, so these tests also prove that the
 * {@code opens … to com.fasterxml.jackson.databind} clause lets it serialise the records.
 */
class JsonShapeTest {

    private static final Query QUERY = new Query(Interval.D1, 200, CorrelationSettings.defaults(), "sim");

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<Kline> daily(double p0, double beta, double own, double phase) {
        return OperationTest.daily(p0, beta, own, phase, 201, Interval.D1);
    }

    @Test
    void matrixSerialisesToSnakeCaseWithNullForAnUndefinedCorrelation() throws Exception {
        double[] flat = new double[201];
        java.util.Arrays.fill(flat, 1.0);
        List<Kline> stable = series(T0, Interval.D1, flat);                    // a stablecoin: no correlation
        MatrixResult r = CorrelationAnalysis.matrix(List.of(BTC, ETH, "USDCUSDT"), Alignment.align(
                List.of(daily(60_000, 1, 0.005, 0), daily(3_000, 1.2, 0.007, 1), stable), Interval.D1, Long.MAX_VALUE),
                QUERY);
        JsonNode json = JacksonSupport.tree(r);
        assertThat(names(json)).containsExactly("symbols", "period", "return_type", "method", "lookback", "observations",
                "time_range", "matrix", "pairs_trading_opportunities", "hedging_opportunities",
                "diversification_opportunities", "opportunity_counts", "thresholds", "dropped_timestamps", "gap_returns",
                "coverage", "data_time", "source");
        assertThat(names(json.get("time_range"))).containsExactly("from", "to", "from_utc", "to_utc");
        assertThat(json.get("time_range").get("from_utc").asText()).isEqualTo("2024-08-01T00:00:00Z");
        JsonNode m = json.get("matrix");
        assertThat(m.get(0).get(0).asDouble()).isEqualTo(1.0);
        assertThat(m.get(0).get(2).isNull()).isTrue();
        assertThat(m.get(2).get(2).isNull()).isTrue();
        assertThat(names(json.get("hedging_opportunities").get(0))).containsExactly("pair1", "pair2", "correlation");
        assertThat(names(json.get("opportunity_counts"))).containsExactly("pairs_trading", "hedging", "diversification",
                "pairs_examined");
        assertThat(names(json.get("thresholds"))).containsExactly("pairs_correlation", "zscore", "zscore_window",
                "hedge_correlation", "diversification_correlation");
        assertThat(names(json.get("coverage").get(0))).containsExactly("symbol", "bars", "missing", "first_open_time",
                "last_open_time");
        assertAllSnakeCase(json);
        assertThat(JacksonSupport.pretty(r)).doesNotContainPattern("\\d[eE][-+]?\\d").doesNotContain("NaN");
    }

    @Test
    void pairsOpportunitySerialisesToSnakeCase() throws Exception {
        JsonNode json = JacksonSupport.tree(new PairsOpportunity(BTC, ETH, 0.91, 2.31, PairSignal.MEAN_REVERSION,
                "SHORT BTCUSDT / LONG ETHUSDT"));
        assertThat(names(json)).containsExactly("pair1", "pair2", "correlation", "zscore", "signal", "action");
        assertThat(json.get("signal").asText()).isEqualTo("MEAN_REVERSION");
    }

    @Test
    void hedgeSerialisesToSnakeCase() throws Exception {
        HedgeResult r = CorrelationAnalysis.hedge(BTC, List.of(ETH, BNB), List.of(
                Alignment.align(List.of(daily(60_000, 1, 0.005, 0), daily(3_000, 1.2, 0.007, 1)), Interval.D1, Long.MAX_VALUE),
                Alignment.align(List.of(daily(60_000, 1, 0.005, 0), daily(500, 0.8, 0.01, 2)), Interval.D1, Long.MAX_VALUE)),
                QUERY);
        JsonNode json = JacksonSupport.tree(r);
        assertThat(names(json)).containsExactly("target_symbol", "period", "return_type", "lookback", "recommendations",
                "best_hedge", "effectiveness_method", "hedge_ratio_method", "hedge_correlation_threshold", "skipped",
                "reasoning", "data_time", "source");
        assertThat(names(json.get("recommendations").get(0))).containsExactly("symbol", "correlation", "effectiveness",
                "hedge_ratio", "hedge_side", "qualifies", "observations", "dropped_timestamps");
        assertThat(names(json.get("best_hedge"))).containsExactly("symbol", "hedge_ratio", "correlation", "effectiveness",
                "hedge_side");
        assertThat(json.get("hedge_ratio_method").asText()).isEqualTo("ols_beta_of_returns");
        assertAllSnakeCase(json);
    }

    @Test
    void pairsSignalSerialisesToSnakeCaseWithANullActionWithoutSignal() throws Exception {
        PairsSignalResult r = CorrelationAnalysis.pairsSignal(BTC, ETH, Alignment.align(List.of(
                daily(60_000, 1, 0.005, 0), daily(3_000, 1.2, 0.007, 1)), Interval.D1, Long.MAX_VALUE), QUERY);
        JsonNode json = JacksonSupport.tree(r);
        assertThat(names(json)).containsExactly("pair1", "pair2", "period", "return_type", "lookback", "observations",
                "correlation", "spread", "spread_mean", "spread_std", "zscore", "zscore_window", "signal", "action", "legs",
                "confidence", "reasoning", "thresholds", "dropped_timestamps", "gap_returns", "time_range", "data_time",
                "source");
        if (r.signal() == PairSignal.NONE) {
            assertThat(json.get("action").isNull()).isTrue();
            assertThat(json.get("legs")).isEmpty();
        }
        JsonNode legs = JacksonSupport.tree(new PairsSignalResult(BTC, ETH, "1d", "simple", 100, 99, 0.9, 0.01, 0, 0.004,
                2.5, 30, PairSignal.MEAN_REVERSION, "SHORT BTCUSDT / LONG ETHUSDT",
                CorrelationAnalysis.legs(BTC, ETH, 2.5), 70, List.of(), CorrelationAnalysis.thresholds(
                CorrelationSettings.defaults(), 30), 0, 0, TimeRange.of(T0, T0 + 1), T0 + 1, "sim")).get("legs");
        assertThat(legs.get(0).get("symbol").asText()).isEqualTo(BTC);
        assertThat(legs.get(0).get("side").asText()).isEqualTo("SHORT");
        assertAllSnakeCase(json);
    }

    @Test
    void anUndefinedPairCorrelationIsNull() throws Exception {
        double[] flat = new double[201];
        java.util.Arrays.fill(flat, 1.0);
        PairsSignalResult r = CorrelationAnalysis.pairsSignal(BTC, "USDCUSDT", Alignment.align(List.of(
                daily(60_000, 1, 0.005, 0), series(T0, Interval.D1, flat)), Interval.D1, Long.MAX_VALUE), QUERY);
        assertThat(r.signal()).isEqualTo(PairSignal.NONE);
        assertThat(JacksonSupport.tree(r).get("correlation").isNull()).isTrue();
        assertThat(Map.of("k", r.reasoning())).isNotEmpty();
        assertThat(r.reasoning()).anySatisfy(s -> assertThat(s).startsWith("Correlation undefined"));
    }

    private static void assertAllSnakeCase(JsonNode json) {
        List<String> all = new ArrayList<>();
        collectNames(json, all);
        assertThat(all).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)) && !n.contains("-"), "all snake_case");
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
