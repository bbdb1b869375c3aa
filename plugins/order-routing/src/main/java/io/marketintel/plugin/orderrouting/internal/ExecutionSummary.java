package io.marketintel.plugin.orderrouting.internal;

/**
 * An execution in a few numbers: the body of {@code progress} events on {@code intel.events.order-routing} (the web
 * console follows these) and of the list of recent executions.
 *
 * @param executionId    execution id
 * @param symbol         symbol
 * @param side           BUY or SELL
 * @param algorithm      the algorithm it runs
 * @param status         RUNNING, COMPLETED, EXPIRED, CANCELLED, FAILED or STOPPED
 * @param dryRun         whether nothing is sent
 * @param slicesSent     child orders sent so far
 * @param numSlices      planned slices (TWAP, MARKET) or child orders placed so far (ICEBERG, LIMIT)
 * @param filledQuantity filled so far
 * @param totalQuantity  quantity to execute
 * @param fillRatePct    filled / total × 100
 * @param avgPrice       average fill price, null before the first fill
 * @param slippageBps    cost of the average price against the arrival mid, bps (positive = worse), null before a fill
 * @param createdAt      accepted at, ms
 * @param finishedAt     finished at, ms, or null
 * @param reason         why it finished (or the latest event), or null
 */
public record ExecutionSummary(
        String executionId,
        String symbol,
        String side,
        String algorithm,
        ExecutionStatus status,
        boolean dryRun,
        int slicesSent,
        int numSlices,
        double filledQuantity,
        double totalQuantity,
        double fillRatePct,
        Double avgPrice,
        Double slippageBps,
        long createdAt,
        Long finishedAt,
        String reason) {
}
