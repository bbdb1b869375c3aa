package io.marketintel.plugin.orderrouting.internal;

import java.util.List;

/**
 * Everything about one execution: {@code GET /api/intelligence/order-routing/executions/{id}} and the answer of a
 * cancel. The first fields are the specification's result ({@code algorithm}, {@code total_quantity},
 * {@code total_filled}, {@code fill_rate_pct}, {@code avg_execution_price}, {@code num_slices},
 * {@code duration_seconds}).
 *
 * @param executionId            execution id
 * @param algorithm              the algorithm it runs
 * @param totalQuantity          quantity to execute (the request rounded down to the step size)
 * @param totalFilled            filled
 * @param fillRatePct            filled / total × 100
 * @param avgExecutionPrice      average fill price, null before the first fill
 * @param numSlices              planned slices (TWAP, MARKET) or child orders placed (ICEBERG, LIMIT)
 * @param durationSeconds        from acceptance to the finish (or to now while running), seconds
 * @param status                 where it stands
 * @param reason                 why it finished, or null
 * @param symbol                 symbol
 * @param side                   side
 * @param requestedAlgorithm     the algorithm asked for (ADAPTIVE when routing chose)
 * @param urgency                urgency
 * @param dryRun                 whether nothing was sent
 * @param venue                  {@code dry-run} or the exchange ({@code paper} on the simulated market)
 * @param requestedQuantity      the quantity asked for
 * @param slicesSent             child orders sent
 * @param filledQuantity         = total_filled (the console's field)
 * @param avgPrice               = avg_execution_price (the console's field)
 * @param arrivalMid             mid price at acceptance
 * @param slippageBps            cost of the average price against the arrival mid, bps (positive = worse)
 * @param plannedDurationSeconds the duration asked for (or chosen)
 * @param createdAt              accepted at, ms
 * @param finishedAt             finished at, ms, or null
 * @param seed                   seed of the TWAP randomisation
 * @param sliceIntervalSeconds   duration / slices (TWAP), or null
 * @param randomisationPct       ± % of the interval slices were moved by (TWAP), or null
 * @param visibleQuantity        child order quantity (ICEBERG, LIMIT), or null
 * @param limitPrice             the caller's limit (price of a LIMIT, cap of an ICEBERG), or null
 * @param planNote               why the plan differs from the request (merged below MIN_NOTIONAL, …), or null
 * @param restarts               how many restarts found it running
 * @param notes                  events in its life (rounding, restarts, resumption), oldest first
 * @param selection              adaptive routing's reasons, or null
 * @param slices                 the per-slice log
 */
public record ExecutionReport(
        String executionId,
        String algorithm,
        double totalQuantity,
        double totalFilled,
        double fillRatePct,
        Double avgExecutionPrice,
        int numSlices,
        double durationSeconds,
        ExecutionStatus status,
        String reason,
        String symbol,
        String side,
        String requestedAlgorithm,
        String urgency,
        boolean dryRun,
        String venue,
        double requestedQuantity,
        int slicesSent,
        double filledQuantity,
        Double avgPrice,
        double arrivalMid,
        Double slippageBps,
        double plannedDurationSeconds,
        long createdAt,
        Long finishedAt,
        long seed,
        Double sliceIntervalSeconds,
        Double randomisationPct,
        Double visibleQuantity,
        Double limitPrice,
        String planNote,
        int restarts,
        List<String> notes,
        SelectionSummary selection,
        List<SliceReport> slices) {
}
