package io.marketintel.api.trading;

/**
 * One order action an executor sent (or was about to send) through its exchange, as the runtime journaled
 * it: written before the exchange is called and completed with what the exchange answered.
 *
 * @param id            journal id, increasing
 * @param plugin        the executor that sent it
 * @param clientOrderId the client order (or algo) id, the idempotency key
 * @param symbol        symbol
 * @param action        what was sent
 * @param state         where it stands
 * @param request       the request as JSON
 * @param result        the exchange's answer as JSON (an order or conditional order), or null
 * @param error         the error message when rejected or unknown, or null
 * @param paper         whether the exchange was a paper one
 * @param createdAt     when the intent was written, ms
 * @param updatedAt     when the entry last changed, ms
 */
public record JournalEntry(
        long id,
        String plugin,
        String clientOrderId,
        String symbol,
        Action action,
        State state,
        String request,
        String result,
        String error,
        boolean paper,
        long createdAt,
        long updatedAt) {

    /** What was sent. */
    public enum Action {
        PLACE, CANCEL, PLACE_CONDITIONAL, CANCEL_CONDITIONAL
    }

    /** Where an entry stands. */
    public enum State {
        /** Written, the exchange is being called (or the process died while it was). */
        INTENT,
        /** The exchange answered; {@code result} holds its answer. */
        DONE,
        /** The exchange (or the runtime's safety checks) refused it; nothing was placed. */
        REJECTED,
        /** No clear answer (timeout, connection lost): it may or may not have reached the exchange. */
        UNKNOWN;

        /** Whether the outcome is still to be found out (INTENT or UNKNOWN). */
        public boolean unresolved() {
            return this == INTENT || this == UNKNOWN;
        }
    }
}
