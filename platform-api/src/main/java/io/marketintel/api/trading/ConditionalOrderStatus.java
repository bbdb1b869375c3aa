package io.marketintel.api.trading;

/** Life cycle of a conditional (algo) order, as Binance reports it in {@code algoStatus}. */
public enum ConditionalOrderStatus {
    /** Accepted, waiting for its trigger. */
    NEW,
    /** Triggered, being forwarded to the matching engine. */
    TRIGGERING,
    /** Placed in the matching engine as {@code actualOrderId}. */
    TRIGGERED,
    /** The triggered order finished (filled or canceled) in the matching engine. */
    FINISHED,
    /** Canceled by the user. */
    CANCELED,
    /** Canceled by the system (for example a GTE_GTC order after its position closed). */
    EXPIRED,
    /** Refused by the matching engine (margin check, reduce-only, …). */
    REJECTED,
    /** A status this version does not know yet. */
    UNKNOWN;

    /** Whether the order may still trigger. */
    public boolean isOpen() {
        return this == NEW || this == TRIGGERING;
    }

    /** The status named {@code text}, {@link #UNKNOWN} for anything else. */
    public static ConditionalOrderStatus parse(String text) {
        for (ConditionalOrderStatus s : values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
