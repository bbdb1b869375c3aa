package io.marketintel.plugin.risk.internal;

import io.marketintel.api.market.LeverageBracket;
import java.util.List;

/**
 * Binance's liquidation price for one-way mode (USDⓈ-M), as its documentation and freqtrade write it:
 *
 * <pre>
 * LP = (WB + UPNL_other − TMM_other + cum − side·Q·EP) / (Q·MMR − side·Q)
 * </pre>
 *
 * with side +1 for a long and −1 for a short, Q the absolute size, EP the entry price, WB the wallet balance (cross:
 * the cross wallet, i.e. the wallet minus the isolated positions' margins; isolated: the position's isolated wallet,
 * the "other" terms then 0), UPNL_other / TMM_other the unrealised PnL and maintenance margin of the other cross
 * positions, and MMR / cum from the leverage bracket of the position's notional. The bracket depends on the
 * notional at the liquidation price, so it is re-picked from {@code Q × LP} until it stops changing. Worked example
 * (Binance): isolated long 1 BTC @ 60000, WB 6000, MMR 0.005, cum 50 → LP = 54221.11.
 */
final class LiquidationMath {

    private LiquidationMath() {
    }

    /** The formula for one bracket. */
    static double price(int side, double qty, double entryPrice, double wallet, double upnlOther, double tmmOther,
                        double mmr, double cum) {
        return (wallet + upnlOther - tmmOther + cum - side * qty * entryPrice) / (qty * mmr - side * qty);
    }

    /**
     * The liquidation price with bracket re-selection, or 0 when none applies (an empty position, or a formula price
     * that is not positive: a long the wallet covers all the way down).
     */
    static double price(int side, double qty, double entryPrice, double wallet, double upnlOther, double tmmOther,
                        List<LeverageBracket> brackets) {
        if (qty <= 0 || brackets == null || brackets.isEmpty()) {
            return 0;
        }
        LeverageBracket bracket = bracketFor(brackets, qty * entryPrice);
        double lp = price(side, qty, entryPrice, wallet, upnlOther, tmmOther, bracket.maintMarginRatio(), bracket.cum());
        for (int i = 0; i < brackets.size() && lp > 0; i++) {
            LeverageBracket next = bracketFor(brackets, qty * lp);
            if (next.bracket() == bracket.bracket()) {
                break;
            }
            bracket = next;
            lp = price(side, qty, entryPrice, wallet, upnlOther, tmmOther, bracket.maintMarginRatio(), bracket.cum());
        }
        return lp > 0 && Double.isFinite(lp) ? lp : 0;
    }

    /** Maintenance margin of a position of notional {@code notional}: {@code N × MMR − cum}, never negative. */
    static double maintenance(double notional, List<LeverageBracket> brackets) {
        LeverageBracket b = bracketFor(brackets, notional);
        return Math.max(0, notional * b.maintMarginRatio() - b.cum());
    }

    /** The bracket holding {@code notional} (floor inclusive, cap exclusive; the last one beyond every cap). */
    static LeverageBracket bracketFor(List<LeverageBracket> brackets, double notional) {
        for (LeverageBracket b : brackets) {
            if (notional < b.notionalCap()) {
                return b;
            }
        }
        return brackets.get(brackets.size() - 1);
    }

    /**
     * How far the mark price may move against the position before it reaches the liquidation price, in % of the
     * mark price: long {@code (mark − LP) / mark × 100}, short {@code (LP − mark) / mark × 100}; 0 when the mark is
     * already beyond; null when no liquidation price applies ({@code lp ≤ 0}).
     */
    static Double distancePct(int side, double mark, double lp) {
        if (!(lp > 0) || !(mark > 0)) {
            return null;
        }
        double d = side > 0 ? (mark - lp) / mark * 100.0 : (lp - mark) / mark * 100.0;
        return Math.max(0.0, d);
    }
}
