package io.marketintel.plugin.tpladder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.trading.WorkingType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The JSON a client sees, written by the runtime's own mapper (snake_case, plain decimals, NaN as null); these tests
 * also prove that {@code opens … to com.fasterxml.jackson.databind} lets it serialise the records.
 */
class JsonShapeTest {

    private static Ladder example() {
        return LadderBuilder.build(new LadderBuilder.Request("BTCUSDT", PositionSide.LONG, new BigDecimal("43250.0"),
                        new BigDecimal("1.0"), 10, 3, Strategy.ADAPTIVE), Fixtures.btc(),
                Fixtures.analysis(MarketRegime.TRENDING, 210), 43250, WorkingType.MARK_PRICE, LadderSettings.defaults(),
                "sim");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theLadderUsesTheSpecificationsNames() throws Exception {
        JsonNode json = TestJson.tree(example());
        assertThat(names(json)).containsExactly("symbol", "side", "strategy", "entry_price", "quantity", "leverage",
                "num_levels", "num_levels_requested", "market_regime", "atr", "indicators", "regime_reasoning",
                "current_price", "current_price_type", "tp_levels", "expected_profit_pct", "expected_move_pct",
                "expected_profit_quote", "notes", "warnings", "source");
        assertThat(json.get("market_regime").asText()).isEqualTo("TRENDING");
        assertThat(json.get("expected_profit_pct").asDouble()).isEqualTo(16.6301);
        JsonNode tp1 = json.get("tp_levels").get(0);
        assertThat(names(tp1)).containsExactly("level", "price", "quantity", "quantity_pct", "target_pct",
                "atr_multiple", "distance_pct", "notional", "profit", "reached", "reasoning");
        assertThat(tp1.get("price").decimalValue()).isEqualByComparingTo("43565");
        assertThat(tp1.get("quantity").decimalValue()).isEqualByComparingTo("0.25");
        // on the wire: exact decimals as the exchange takes them, whole doubles as integers
        assertThat(TestJson.wire(example())).contains("\"price\":43565.0,\"quantity\":0.250,\"quantity_pct\":25,");
        assertThat(tp1.get("reasoning").asText()).isEqualTo("TP1: +1.5x ATR (TRENDING)");
        assertThat(names(json.get("indicators"))).containsExactly("interval", "bars", "data_time", "close", "atr",
                "atr_period", "atr_pct", "volatility_ratio", "adx", "plus_di", "minus_di", "adx_period",
                "trend_direction", "momentum_bars", "momentum_pct", "momentum_atr");
        List<String> all = new ArrayList<>();
        collectNames(json, all);
        assertThat(all).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)) && !n.contains("-"), "all snake_case");
    }

    @Test
    void aGivenLadderWritesNullsForWhatItHasNot() throws Exception {
        Ladder l = LadderBuilder.checkGiven("ladder", "BTCUSDT", PositionSide.LONG, new BigDecimal("43250"),
                new BigDecimal("1"), 1, null, 1, List.of(new LadderBuilder.GivenLevel(new BigDecimal("43565.0"),
                        new BigDecimal("1"), null)), Fixtures.btc(), Double.NaN, WorkingType.MARK_PRICE,
                LadderSettings.defaults(), "sim");
        JsonNode json = TestJson.tree(l);
        assertThat(json.get("atr").isNull()).isTrue();
        assertThat(json.get("current_price").isNull()).isTrue();
        assertThat(json.get("market_regime").isNull()).isTrue();
        assertThat(json.get("tp_levels").get(0).get("atr_multiple").isNull()).isTrue();
    }

    @Test
    void placeOrdersWritesTheOrdersAsTheyAreSent() throws Exception {
        Ladder l = example();
        String id = OrderPlan.ladderId(l);
        PlaceOrdersResult r = new PlaceOrdersResult(true, "paper", true, id, BigDecimal.ZERO,
                OrderPlan.orders(l, id, LadderSettings.defaults()), List.of(), List.of("no position"), List.of(), l);
        JsonNode json = TestJson.tree(r);
        assertThat(names(json)).containsExactly("dry_run", "exchange", "paper", "ladder_id", "position_amt", "orders",
                "placed", "blockers", "warnings", "ladder");
        JsonNode order = json.get("orders").get(0);
        assertThat(order.get("client_algo_id").asText()).isEqualTo(id + "-1");
        assertThat(order.get("type").asText()).isEqualTo("TAKE_PROFIT_MARKET");
        assertThat(order.get("side").asText()).isEqualTo("SELL");
        assertThat(order.get("trigger_price").decimalValue()).isEqualByComparingTo("43565");
        assertThat(order.get("quantity").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(order.get("reduce_only").asBoolean()).isTrue();
        assertThat(order.get("working_type").asText()).isEqualTo("MARK_PRICE");
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
