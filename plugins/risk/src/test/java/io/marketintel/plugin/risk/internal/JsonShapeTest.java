package io.marketintel.plugin.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON a client sees, written by the runtime's own mapper. Jackson is the named module
 * {@code com.fasterxml.jackson.databind}, so these tests also prove that the {@code opens … to
 * com.fasterxml.jackson.databind} clause lets it serialise the records.
 */
class JsonShapeTest {

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void portfolioHeatHasTheSpecificationsNames() throws Exception {
        JsonNode json = TestJson.tree(Scenarios.hot().heat());
        assertThat(names(json)).containsExactly("portfolio_heat_score", "risk_level", "rebalance_required",
                "position_risks", "equity", "wallet_balance", "unrealized_pnl", "gross_exposure", "net_exposure",
                "average_leverage", "effective_leverage", "concentration", "diversification", "heat_components",
                "thresholds", "alerts", "rebalance_actions", "exchange", "paper", "time");
        assertThat(json.get("portfolio_heat_score").asDouble()).isEqualTo(73.36);
        assertThat(json.get("risk_level").asText()).isEqualTo("HIGH");
        assertThat(json.get("rebalance_required").asBoolean()).isTrue();
        JsonNode p = json.get("position_risks").get(0);
        assertThat(names(p)).containsExactly("symbol", "side", "position_amt", "entry_price", "mark_price", "notional",
                "leverage", "margin_type", "sector", "liquidation_price", "liquidation_source",
                "liquidation_distance_pct", "unrealized_pnl", "unrealized_pnl_pct", "share_of_equity_pct",
                "share_of_exposure_pct", "risk_score", "risk_level", "components");
        assertThat(p.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(p.get("leverage").asInt()).isEqualTo(20);
        assertThat(p.get("risk_score").asDouble()).isEqualTo(71.0);
        assertThat(p.get("risk_level").asText()).isEqualTo("HIGH");
        assertThat(p.get("liquidation_distance_pct").asDouble()).isEqualTo(5.0);
        assertThat(names(p.get("components"))).containsExactly("leverage", "liquidation", "drawdown", "size");
        assertThat(names(json.get("concentration"))).containsExactly("largest_position_symbol", "largest_position_pct",
                "largest_sector", "largest_sector_pct", "sectors", "unmapped_symbols");
        assertThat(names(json.get("diversification"))).containsExactly("score", "effective_bets", "position_count",
                "method", "period", "observations", "correlations", "notes");
        JsonNode action = json.get("rebalance_actions").get(0);
        assertThat(names(action)).containsExactly("action", "symbol", "trigger", "reason", "side", "quantity",
                "reduce_pct", "current_leverage", "target_leverage", "hedge", "note");
        assertThat(action.get("action").asText()).isEqualTo("REDUCE_POSITION");
        assertThat(action.get("quantity").decimalValue()).isEqualByComparingTo("0.1");
    }

    @Test
    void rebalanceResultCarriesTheOrdersAsTheExchangeTakesThem() throws Exception {
        JsonNode json = TestJson.tree(Scenarios.hot().rebalance(true, "json-1"));
        assertThat(names(json)).containsExactly("rebalance_id", "dry_run", "replayed", "exchange", "paper",
                "planned_at", "finished_at", "portfolio_heat_score", "risk_level", "rebalance_required", "orders",
                "actions", "summary");
        JsonNode order = json.get("orders").get(0);
        assertThat(names(order)).containsExactly("symbol", "side", "type", "quantity", "price", "time_in_force",
                "reduce_only", "client_order_id");
        assertThat(order.get("client_order_id").asText()).isEqualTo("rb-json-1-1");
        assertThat(order.get("reduce_only").asBoolean()).isTrue();
        assertThat(order.get("type").asText()).isEqualTo("MARKET");
        assertThat(names(json.get("actions").get(0))).containsExactly("step", "action", "status", "orders", "results",
                "leverage_set", "error");
        assertThat(json.get("actions").get(0).get("status").asText()).isEqualTo("DRY_RUN");
    }
}
