package io.marketintel.runtime.market.sim;

import io.marketintel.api.market.LeverageBracket;
import java.util.List;

/**
 * Binance's liquidation price for one-way mode (USDⓈ-M), as in its documentation and freqtrade:
 *
 * <pre>
 * LP = (WB + UPNL_other − TMM_other + cum − side·Q·EP) / (Q·MMR − side·Q)
 * </pre>
 *
 * with side +1 for a long and −1 for a short, Q the absolute size, EP the entry price, WB the wallet
 * balance (the isolated margin for an isolated position, where the "other" terms are zero), and MMR /
 * cum from the leverage bracket of the position's notional. Since the bracket depends on the notional
 * at the liquidation price, the bracket is re-picked from the notional at the computed price until it
 * stops changing.
 */
final class Liquidation {

    private Liquidation() {
    }

    /**
     * The formula for one bracket.
     *
     * @param side       +1 long, −1 short
     * @param qty        absolute position size, base asset
     * @param entryPrice average entry price
     * @param wallet     wallet balance (isolated: the isolated margin)
     * @param upnlOther  unrealised PnL of the other cross positions
     * @param tmmOther   maintenance margin of the other cross positions
     * @param mmr        maintenance margin ratio of the bracket
     * @param cum        maintenance amount of the bracket
     */
    static double price(int side, double qty, double entryPrice, double wallet, double upnlOther, double tmmOther,
                        double mmr, double cum) {
        return (wallet + upnlOther - tmmOther + cum - side * qty * entryPrice) / (qty * mmr - side * qty);
    }

    /**
     * The liquidation price with bracket re-selection, or 0 when the position cannot be liquidated (a
     * long whose formula price is not positive) or is empty.
     */
    static double price(int side, double qty, double entryPrice, double wallet, double upnlOther, double tmmOther,
                        List<LeverageBracket> brackets) {
        if (qty <= 0) {
            return 0;
        }
        LeverageBracket bracket = bracketFor(brackets, qty * entryPrice);
        double lp = price(side, qty, entryPrice, wallet, upnlOther, tmmOther, bracket.maintMarginRatio(),
                bracket.cum());
        for (int i = 0; i < brackets.size() && lp > 0; i++) {
            LeverageBracket next = bracketFor(brackets, qty * lp);
            if (next.bracket() == bracket.bracket()) {
                break;
            }
            bracket = next;
            lp = price(side, qty, entryPrice, wallet, upnlOther, tmmOther, bracket.maintMarginRatio(), bracket.cum());
        }
        return lp > 0 ? lp : 0;
    }

    /** Maintenance margin of a position of notional {@code notional}: {@code N × MMR − cum}. */
    static double maintenance(double notional, List<LeverageBracket> brackets) {
        LeverageBracket b = bracketFor(brackets, notional);
        return Math.max(0, notional * b.maintMarginRatio() - b.cum());
    }

    /** The bracket holding {@code notional} (floor inclusive, cap exclusive; the last beyond the caps). */
    static LeverageBracket bracketFor(List<LeverageBracket> brackets, double notional) {
        for (LeverageBracket b : brackets) {
            if (notional < b.notionalCap()) {
                return b;
            }
        }
        return brackets.get(brackets.size() - 1);
    }
}
