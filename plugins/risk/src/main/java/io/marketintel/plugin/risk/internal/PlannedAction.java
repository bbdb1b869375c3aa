package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.OrderRequest;
import java.util.List;

/**
 * One step of a rebalance plan: an action and the exact orders it sends.
 *
 * @param step   1-based position in the plan
 * @param action the action
 * @param orders reduce-only market orders with their client order ids (empty for leverage, hedge and skipped steps)
 */
public record PlannedAction(int step, RebalanceAction action, List<OrderRequest> orders) {

    public PlannedAction {
        orders = List.copyOf(orders);
    }
}
