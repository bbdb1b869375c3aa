package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Side;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RebalancePlan} as stored JSON text and back. Decimals travel as strings so quantities come back exactly;
 * the orders keep every field an {@link OrderRequest} has, so a replayed plan sends identical requests.
 */
final class PlanCodec {

    private PlanCodec() {
    }

    static String encode(RebalancePlan plan) {
        JsonArray steps = new JsonArray();
        for (PlannedAction s : plan.steps()) {
            JsonArray orders = new JsonArray();
            s.orders().forEach(o -> orders.add(new JsonObject()
                    .put("symbol", o.symbol())
                    .put("side", o.side().name())
                    .put("type", o.type().name())
                    .put("quantity", o.quantity().toPlainString())
                    .put("reduce_only", o.reduceOnly())
                    .put("client_order_id", o.clientOrderId())));
            steps.add(new JsonObject().put("step", s.step()).put("action", action(s.action())).put("orders", orders));
        }
        return new JsonObject()
                .put("rebalance_id", plan.rebalanceId())
                .put("created_at", plan.createdAt())
                .put("portfolio_heat_score", plan.portfolioHeatScore())
                .put("risk_level", plan.riskLevel().name())
                .put("rebalance_required", plan.rebalanceRequired())
                .put("steps", steps)
                .encode();
    }

    static RebalancePlan decode(String text) {
        JsonObject json = new JsonObject(text);
        List<PlannedAction> steps = new ArrayList<>();
        for (Object o : json.getJsonArray("steps")) {
            JsonObject s = (JsonObject) o;
            List<OrderRequest> orders = new ArrayList<>();
            for (Object x : s.getJsonArray("orders")) {
                JsonObject r = (JsonObject) x;
                orders.add(new OrderRequest(r.getString("symbol"), Side.valueOf(r.getString("side")),
                        OrderType.valueOf(r.getString("type")), new BigDecimal(r.getString("quantity")), null, null,
                        r.getBoolean("reduce_only"), r.getString("client_order_id")));
            }
            steps.add(new PlannedAction(s.getInteger("step"), action(s.getJsonObject("action")), orders));
        }
        return new RebalancePlan(json.getString("rebalance_id"), json.getLong("created_at"),
                json.getDouble("portfolio_heat_score"), RiskLevel.valueOf(json.getString("risk_level")),
                json.getBoolean("rebalance_required"), steps);
    }

    private static JsonObject action(RebalanceAction a) {
        JsonObject json = new JsonObject()
                .put("action", a.action().name())
                .put("symbol", a.symbol())
                .put("trigger", a.trigger().name())
                .put("reason", a.reason())
                .put("side", a.side() == null ? null : a.side().name())
                .put("quantity", a.quantity() == null ? null : a.quantity().toPlainString())
                .put("reduce_pct", a.reducePct())
                .put("current_leverage", a.currentLeverage())
                .put("target_leverage", a.targetLeverage())
                .put("note", a.note());
        HedgeSuggestion h = a.hedge();
        if (h != null) {
            json.put("hedge", new JsonObject()
                    .put("symbol", h.symbol())
                    .put("side", h.side().name())
                    .put("quantity", h.quantity() == null ? null : h.quantity().toPlainString())
                    .put("notional", finite(h.notional()))
                    .put("hedge_ratio", finite(h.hedgeRatio()))
                    .put("correlation", finite(h.correlation()))
                    .put("effectiveness", finite(h.effectiveness()))
                    .put("mark_price", finite(h.markPrice())));
        }
        return json;
    }

    private static RebalanceAction action(JsonObject j) {
        JsonObject h = j.getJsonObject("hedge");
        HedgeSuggestion hedge = h == null ? null : new HedgeSuggestion(h.getString("symbol"),
                Side.valueOf(h.getString("side")), decimal(h.getString("quantity")), dbl(h, "notional"),
                dbl(h, "hedge_ratio"), dbl(h, "correlation"), dbl(h, "effectiveness"), dbl(h, "mark_price"));
        String side = j.getString("side");
        return new RebalanceAction(ActionType.valueOf(j.getString("action")), j.getString("symbol"),
                Trigger.valueOf(j.getString("trigger")), j.getString("reason"), side == null ? null : Side.valueOf(side),
                decimal(j.getString("quantity")), j.getInteger("reduce_pct"), j.getInteger("current_leverage"),
                j.getInteger("target_leverage"), hedge, j.getString("note"));
    }

    /** JSON has no NaN: non-finite numbers are stored as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double dbl(JsonObject json, String key) {
        Double v = json.getDouble(key);
        return v == null ? Double.NaN : v;
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
