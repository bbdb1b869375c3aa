package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.OrderRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What one rebalance sends, decided once: a live run stores it under its id before the first order, so that a
 * retry with the same id sends exactly the same orders (same client order ids) instead of planning again.
 *
 * @param rebalanceId        the request id, or the epoch second of the request when none was given
 * @param createdAt          when it was planned, ms
 * @param portfolioHeatScore the heat it was planned from
 * @param riskLevel          the heat's level
 * @param rebalanceRequired  whether a threshold was breached
 * @param steps              the actions in execution order
 */
public record RebalancePlan(String rebalanceId, long createdAt, double portfolioHeatScore, RiskLevel riskLevel,
                           boolean rebalanceRequired, List<PlannedAction> steps) {

    public RebalancePlan {
        steps = List.copyOf(steps);
    }

    /** Every order of the plan, in sending order. */
    public List<OrderRequest> orders() {
        List<OrderRequest> out = new ArrayList<>();
        steps.forEach(s -> out.addAll(s.orders()));
        return out;
    }
}
