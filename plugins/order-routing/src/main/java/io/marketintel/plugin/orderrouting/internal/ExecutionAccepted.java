package io.marketintel.plugin.orderrouting.internal;

import java.util.List;

/**
 * The 202 answer of {@code execute}: the job was accepted (and stored) and its first slice is on its way.
 *
 * @param executionId     follow it with {@code GET …/executions/{id}} or on {@code intel.events.order-routing}
 * @param status          RUNNING
 * @param symbol          symbol
 * @param side            side
 * @param algorithm       the algorithm it runs
 * @param requestedAlgorithm the algorithm asked for
 * @param totalQuantity   quantity to execute (rounded down to the step size)
 * @param numSlices       planned slices (TWAP, MARKET), 1 for a passive order
 * @param durationSeconds planned duration
 * @param dryRun          whether nothing is sent
 * @param venue           {@code dry-run} or the exchange
 * @param arrivalMid      mid at acceptance
 * @param reasoning       adaptive routing's reasons and rounding notes (may be empty)
 * @param statusUrl       where to read it
 * @param eventsAddress   where progress is published
 */
public record ExecutionAccepted(
        String executionId,
        ExecutionStatus status,
        String symbol,
        String side,
        String algorithm,
        String requestedAlgorithm,
        double totalQuantity,
        int numSlices,
        double durationSeconds,
        boolean dryRun,
        String venue,
        double arrivalMid,
        List<String> reasoning,
        String statusUrl,
        String eventsAddress) {
}
