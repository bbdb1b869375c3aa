package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.OrderRequest;
import java.util.List;

/**
 * One step of a rebalance run.
 *
 * @param step        1-based position in the plan
 * @param action      the action as planned
 * @param status      where it stands
 * @param orders      the orders it sends (sent, or in a dry run would send)
 * @param results     per order, what the exchange answered (empty in a dry run)
 * @param leverageSet the leverage the exchange confirmed (ADJUST_LEVERAGE), or null
 * @param error       why it failed, or null
 */
public record ActionOutcome(int step, RebalanceAction action, OutcomeStatus status, List<OrderRequest> orders,
                            List<OrderOutcome> results, Integer leverageSet, String error) {

    public ActionOutcome {
        orders = List.copyOf(orders);
        results = List.copyOf(results);
    }

    /** This outcome with other order results. */
    ActionOutcome withResults(List<OrderOutcome> r) {
        return new ActionOutcome(step, action, status, orders, r, leverageSet, error);
    }
}
