package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderType;
import java.math.BigDecimal;

/**
 * One child order of an execution (a TWAP slice, an iceberg child) as the execution last knew it.
 *
 * @param number          1-based; the client order id is {@code <execution id>-<number>}
 * @param clientOrderId   the idempotency key sent with it
 * @param type            MARKET or LIMIT
 * @param plannedAt       when it was due, ms
 * @param sentAt          when it was sent, ms; null when it was not sent (merged, skipped, never received)
 * @param quantity        quantity sent (or that would have been)
 * @param price           limit price, null for market orders
 * @param filledQuantity  filled so far
 * @param avgPrice        average fill price, null when nothing filled
 * @param status          the order's status ({@code NEW}, {@code PARTIALLY_FILLED}, {@code FILLED}, {@code CANCELED},
 *                        {@code EXPIRED}, {@code REJECTED}) or what happened instead: {@code SENDING} (in flight),
 *                        {@code MERGED} (its quantity rides with a later slice), {@code SKIPPED} (nothing left),
 *                        {@code NOT_SENT} (the journal shows the exchange never received it)
 * @param note            why, for anything out of the ordinary, or null
 */
record Slice(int number, String clientOrderId, OrderType type, long plannedAt, Long sentAt, BigDecimal quantity,
             BigDecimal price, BigDecimal filledQuantity, BigDecimal avgPrice, String status, String note) {

    static final String SENDING = "SENDING";
    static final String MERGED = "MERGED";
    static final String SKIPPED = "SKIPPED";
    static final String NOT_SENT = "NOT_SENT";
    static final String REJECTED = "REJECTED";

    /** This slice updated from the exchange's view of its order. */
    Slice with(Order o) {
        BigDecimal executed = SymbolRules.strip(o.executedQty());
        BigDecimal avg = executed.signum() == 0 ? null : o.avgPrice();
        return new Slice(number, clientOrderId, type, plannedAt, sentAt, quantity, price, executed, avg,
                o.status().name(), note);
    }

    Slice withNote(String text) {
        String n = note == null ? text : note + "; " + text;
        return new Slice(number, clientOrderId, type, plannedAt, sentAt, quantity, price, filledQuantity, avgPrice,
                status, n);
    }

    Slice withStatus(String newStatus) {
        return new Slice(number, clientOrderId, type, plannedAt, sentAt, quantity, price, filledQuantity, avgPrice,
                newStatus, note);
    }

    /** Whether the order may still fill (as far as the execution knows). */
    boolean open() {
        return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status) || SENDING.equals(status);
    }

    /** Whether it reached the exchange (or the dry-run book). */
    boolean sent() {
        return sentAt != null && !NOT_SENT.equals(status);
    }

    /** Quote amount of the fills. */
    BigDecimal quote() {
        return avgPrice == null ? BigDecimal.ZERO : filledQuantity.multiply(avgPrice);
    }
}
