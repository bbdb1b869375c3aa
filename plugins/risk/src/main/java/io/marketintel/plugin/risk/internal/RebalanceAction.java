package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.Side;
import java.math.BigDecimal;

/**
 * One rebalance action.
 *
 * @param action          what to do
 * @param symbol          the position it acts on (for ADD_HEDGE: the position to hedge)
 * @param trigger         the threshold that asked for it
 * @param reason          a sentence with the numbers
 * @param side            side of the reduce-only order(s) (opposite to the position), or null
 * @param quantity        total quantity of the reduce-only order(s), step-rounded, or null
 * @param reducePct       share of the position the order(s) cut, % (100 for CLOSE), or null
 * @param currentLeverage leverage setting now (ADJUST_LEVERAGE), or null
 * @param targetLeverage  leverage to set (ADJUST_LEVERAGE), or null
 * @param hedge           the suggested hedge (ADD_HEDGE), or null when none could be found ({@code note} says why)
 * @param note            why the action carries no order or no hedge, or null
 */
public record RebalanceAction(
        ActionType action,
        String symbol,
        Trigger trigger,
        String reason,
        Side side,
        BigDecimal quantity,
        Integer reducePct,
        Integer currentLeverage,
        Integer targetLeverage,
        HedgeSuggestion hedge,
        String note) {

    /** This action with a hedge (or without one and a note). */
    RebalanceAction withHedge(HedgeSuggestion h, String why) {
        return new RebalanceAction(action, symbol, trigger, reason, side, quantity, reducePct, currentLeverage,
                targetLeverage, h, why);
    }
}
