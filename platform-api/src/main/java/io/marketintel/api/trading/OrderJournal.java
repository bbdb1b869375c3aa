package io.marketintel.api.trading;

import io.vertx.core.Future;
import java.util.List;

/**
 * The executor's view of the runtime's order journal. Every order, cancel and conditional order an executor
 * sends through {@link io.marketintel.api.PluginContext#exchange()} is journaled in the embedded database
 * before it is sent and completed after the exchange answers, so that after a crash an executor can tell
 * exactly what was sent and what filled, and resume or stop without sending anything twice (client order ids
 * are idempotency keys).
 */
public interface OrderJournal {

    /** This executor's entries whose client order id starts with {@code clientIdPrefix}, oldest first. */
    Future<List<JournalEntry>> entries(String clientIdPrefix);

    /** This executor's entries whose outcome is unknown (INTENT or UNKNOWN), oldest first. */
    Future<List<JournalEntry>> unresolved();

    /**
     * Asks the exchange about every unresolved entry of this executor and records its answer: an order the
     * exchange knows becomes DONE with its state, one it has never seen becomes REJECTED. Entries the exchange
     * cannot answer about now stay unresolved.
     *
     * @return the entries as they stand afterwards, oldest first
     */
    Future<List<JournalEntry>> reconcile();
}
