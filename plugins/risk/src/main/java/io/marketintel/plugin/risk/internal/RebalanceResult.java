package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.OrderRequest;
import java.util.List;

/**
 * Answer of {@code POST /api/intelligence/risk/auto-rebalance?dry_run=…&request_id=…}.
 *
 * @param rebalanceId        request id, or the epoch second of the request; client order ids are
 *                           {@code rb-<rebalance_id>-<n>}
 * @param dryRun             whether nothing was sent
 * @param replayed           whether the plan is the one stored by an earlier live run with the same id (a retry)
 * @param exchange           exchange name
 * @param paper              whether the exchange moves paper money only
 * @param plannedAt          when the plan was made, ms
 * @param finishedAt         when this run finished, ms
 * @param portfolioHeatScore heat the plan was made from
 * @param riskLevel          its level
 * @param rebalanceRequired  whether a threshold was breached when planning
 * @param orders             every order, in sending order: exactly what was sent (live) or would be sent (dry run)
 * @param actions            per step, the action and its outcome
 * @param summary            counts by outcome
 */
public record RebalanceResult(String rebalanceId, boolean dryRun, boolean replayed, String exchange, boolean paper,
                              long plannedAt, long finishedAt, double portfolioHeatScore, RiskLevel riskLevel,
                              boolean rebalanceRequired, List<OrderRequest> orders, List<ActionOutcome> actions,
                              Summary summary) {

    public RebalanceResult {
        orders = List.copyOf(orders);
        actions = List.copyOf(actions);
    }

    /**
     * Steps by outcome.
     *
     * @param steps    all steps
     * @param dryRun   DRY_RUN steps
     * @param executed EXECUTED steps
     * @param partial  PARTIAL steps
     * @param failed   FAILED steps
     * @param skipped  SKIPPED steps
     * @param advisory ADVISORY steps (hedges)
     */
    public record Summary(int steps, int dryRun, int executed, int partial, int failed, int skipped, int advisory) {

        static Summary of(List<ActionOutcome> outcomes) {
            int[] n = new int[OutcomeStatus.values().length];
            outcomes.forEach(o -> n[o.status().ordinal()]++);
            return new Summary(outcomes.size(), n[OutcomeStatus.DRY_RUN.ordinal()], n[OutcomeStatus.EXECUTED.ordinal()],
                    n[OutcomeStatus.PARTIAL.ordinal()], n[OutcomeStatus.FAILED.ordinal()],
                    n[OutcomeStatus.SKIPPED.ordinal()], n[OutcomeStatus.ADVISORY.ordinal()]);
        }
    }
}
