package io.marketintel.plugin.risk.internal;

import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.OrderRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a report's actions into the exact orders of one rebalance. Client order ids are deterministic:
 * {@code rb-<rebalance_id>-<n>}, n counting the plan's orders from 1 in sending order, so the same plan always sends
 * the same ids. Every order is a reduce-only MARKET order on the side opposite to the position; a quantity above the
 * symbol's market maximum is split into orders of at most that size.
 */
final class RebalancePlanner {

    /** Client order id prefix of rebalance orders. */
    static final String PREFIX = "rb-";
    /** What a request id may look like: Binance's client id alphabet, short enough for {@code rb-<id>-<n>}. */
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,28}");

    private RebalancePlanner() {
    }

    /** The client order id prefix of rebalance {@code id}: {@code rb-<id>-}. */
    static String prefix(String rebalanceId) {
        return PREFIX + rebalanceId + "-";
    }

    /**
     * The plan.
     *
     * @param report      the report whose actions are carried out
     * @param rebalanceId request id or epoch second ({@link #REQUEST_ID})
     * @param now         planning time, ms
     * @param symbols     exchange info by symbol (market maximum quantities)
     */
    static RebalancePlan plan(PortfolioHeat report, String rebalanceId, long now, Map<String, SymbolInfo> symbols) {
        if (!REQUEST_ID.matcher(rebalanceId).matches()) {
            throw new IllegalArgumentException("rebalance id [" + rebalanceId + "] must match " + REQUEST_ID);
        }
        List<PlannedAction> steps = new ArrayList<>();
        int n = 0;
        for (RebalanceAction a : report.rebalanceActions()) {
            List<OrderRequest> orders = new ArrayList<>();
            boolean orderAction = a.action() == ActionType.CLOSE_POSITION || a.action() == ActionType.REDUCE_POSITION;
            if (orderAction && a.quantity() != null && a.quantity().signum() > 0) {
                SymbolInfo info = symbols.get(a.symbol());
                BigDecimal max = info == null ? null : PortfolioModel.marketMax(info);
                for (BigDecimal q : chunks(a.quantity(), max)) {
                    n++;
                    orders.add(OrderRequest.market(a.symbol(), a.side(), q, true, prefix(rebalanceId) + n));
                }
            }
            steps.add(new PlannedAction(steps.size() + 1, a, orders));
        }
        return new RebalancePlan(rebalanceId, now, report.portfolioHeatScore(), report.riskLevel(),
                report.rebalanceRequired(), steps);
    }

    /** {@code total} in pieces of at most {@code max} (one piece without a positive maximum). */
    static List<BigDecimal> chunks(BigDecimal total, BigDecimal max) {
        List<BigDecimal> out = new ArrayList<>();
        if (max == null || max.signum() <= 0 || total.compareTo(max) <= 0) {
            out.add(total);
            return out;
        }
        BigDecimal rest = total;
        while (rest.compareTo(max) > 0) {
            out.add(max);
            rest = rest.subtract(max);
        }
        if (rest.signum() > 0) {
            out.add(rest);
        }
        return out;
    }
}
