package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.trading.Side;
import java.math.BigDecimal;

/**
 * What an execution was asked to do and the plan it was given; fixed when it is accepted and stored with it.
 *
 * @param id                 execution id ({@code or-<time base36>-<random>})
 * @param symbol             symbol
 * @param side               side
 * @param algorithm          the algorithm it runs (adaptive routing's choice when ADAPTIVE was asked)
 * @param requestedAlgorithm the algorithm asked for
 * @param urgency            urgency asked for
 * @param dryRun             whether it only walks the book (nothing is sent)
 * @param venue              {@code dry-run} or the exchange's name ({@code paper}, {@code binance})
 * @param requestedQuantity  the quantity asked for
 * @param totalQuantity      that quantity rounded down to the step size
 * @param durationMs         the duration: the last slice is due before it ends, a working order is cancelled at it
 * @param createdAt          when it was accepted (slice offsets count from here), ms
 * @param seed               seed of the TWAP randomisation
 * @param arrivalMid         mid price when it was accepted (the slippage reference)
 * @param arrivalBid         best bid then
 * @param arrivalAsk         best ask then
 * @param plan               the schedule or the passive order
 * @param selection          adaptive routing's reasons, or null
 */
record ExecutionSpec(
        String id,
        String symbol,
        Side side,
        Algorithm algorithm,
        Algorithm requestedAlgorithm,
        Urgency urgency,
        boolean dryRun,
        String venue,
        BigDecimal requestedQuantity,
        BigDecimal totalQuantity,
        long durationMs,
        long createdAt,
        long seed,
        double arrivalMid,
        double arrivalBid,
        double arrivalAsk,
        Plan plan,
        SelectionSummary selection) {

    long deadline() {
        return createdAt + durationMs;
    }

    /** The client order id of child {@code number}. */
    String clientOrderId(int number) {
        return id + "-" + number;
    }

    /** The child number of a client order id of this execution, or -1. */
    int childNumber(String clientOrderId) {
        String prefix = id + "-";
        if (clientOrderId == null || !clientOrderId.startsWith(prefix)) {
            return -1;
        }
        String rest = clientOrderId.substring(prefix.length());
        if (rest.isEmpty() || rest.length() > 6 || !rest.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(rest);
    }
}
