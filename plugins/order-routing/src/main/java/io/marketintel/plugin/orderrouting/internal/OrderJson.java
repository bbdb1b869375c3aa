package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Side;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * Reads an {@link Order} back from the runtime's order journal ({@code JournalEntry.result}: the exchange's answer as
 * the runtime's snake_case JSON).
 */
final class OrderJson {

    private OrderJson() {
    }

    /** The order in {@code json}, or null when it is not one (missing fields). */
    static Order parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonObject o = new JsonObject(json);
            if (o.getValue("client_order_id") == null || o.getValue("status") == null) {
                return null;
            }
            return new Order(
                    o.getLong("order_id", 0L),
                    o.getString("client_order_id"),
                    o.getString("symbol"),
                    Side.valueOf(o.getString("side")),
                    OrderType.valueOf(o.getString("type")),
                    OrderStatus.valueOf(o.getString("status")),
                    decimal(o, "price"),
                    decimal(o, "orig_qty"),
                    decimal(o, "executed_qty"),
                    decimal(o, "avg_price"),
                    decimal(o, "cum_quote"),
                    o.getBoolean("reduce_only", false),
                    o.getLong("update_time", 0L));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static BigDecimal decimal(JsonObject o, String name) {
        Object v = o.getValue(name);
        if (v == null) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(v.toString());
    }
}
