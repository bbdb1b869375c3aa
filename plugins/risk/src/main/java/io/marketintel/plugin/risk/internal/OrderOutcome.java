package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.Side;
import java.math.BigDecimal;

/**
 * What became of one order of a live run.
 *
 * @param clientOrderId the order's client order id
 * @param symbol        symbol
 * @param side          side
 * @param quantity      ordered quantity
 * @param status        the exchange's order status ({@code FILLED}, {@code EXPIRED}, …) or {@code FAILED}
 * @param orderId       exchange order id, or null when it failed
 * @param executedQty   filled quantity, or null when it failed
 * @param avgPrice      average fill price, or null when it failed or nothing filled
 * @param error         why it failed (the exchange's message), or null
 * @param journalState  state of the runtime's order journal entry for it ({@code DONE}, {@code REJECTED},
 *                      {@code UNKNOWN}), or null when the journal could not be read
 * @param resent        false when a retry found the order already on the exchange and did not send it again
 */
public record OrderOutcome(String clientOrderId, String symbol, Side side, BigDecimal quantity, String status,
                           Long orderId, BigDecimal executedQty, BigDecimal avgPrice, String error, String journalState,
                           boolean resent) {

    /** This outcome with the journal's state. */
    OrderOutcome withJournalState(String state) {
        return new OrderOutcome(clientOrderId, symbol, side, quantity, status, orderId, executedQty, avgPrice, error,
                state, resent);
    }
}
