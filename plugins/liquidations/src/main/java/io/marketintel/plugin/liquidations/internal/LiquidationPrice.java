package io.marketintel.plugin.liquidations.internal;

import io.marketintel.api.market.LeverageBracket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Binance's liquidation price for one-way mode (USDⓈ-M), as Binance documents it and freqtrade implements it:
 *
 * <pre>
 * LP = (WB + UPNL_other − TMM_other + cum − side·Q·EP) / (Q·MMR − side·Q)
 * </pre>
 *
 * with {@code side} +1 for a long and −1 for a short, {@code Q} the absolute size (base asset), {@code EP}
 * the entry price, {@code WB} the wallet balance and {@code MMR} / {@code cum} the maintenance margin ratio
 * and amount of the position's bracket. For an <b>isolated</b> position {@code WB} is the isolated margin
 * (the initial margin {@code Q·EP / leverage} when nothing was added) and the "other" terms are zero.
 *
 * <p>The bracket depends on the position's notional. It is first picked by the notional at entry
 * ({@code Q·EP}); if the notional at the computed price ({@code Q·LP}) falls in another bracket, the price is
 * recomputed with that bracket until the bracket stops changing. With Binance's brackets the maintenance
 * margin {@code N·MMR − cum} is continuous in the notional ({@code cum_n = cum_{n−1} + floor_n·(MMR_n −
 * MMR_{n−1})}) and grows slower than the position's equity moves, so exactly one bracket is consistent and
 * the re-picking reaches it in a few steps.
 *
 * <p>Pure static functions over primitive arrays ({@link Brackets}); no allocation per call.
 */
public final class LiquidationPrice {

    private LiquidationPrice() {
    }

    /**
     * The formula for one bracket.
     *
     * @param side       +1 long, −1 short
     * @param qty        absolute position size, base asset, positive
     * @param entryPrice entry price
     * @param wallet     wallet balance (isolated: the isolated margin)
     * @param upnlOther  unrealised PnL of the other cross positions (isolated: 0)
     * @param tmmOther   maintenance margin of the other cross positions (isolated: 0)
     * @param mmr        maintenance margin ratio of the bracket, as a fraction
     * @param cum        maintenance amount of the bracket, quote asset
     * @return the price at which the position is liquidated (may be ≤ 0 for a long that cannot be liquidated)
     */
    public static double formula(int side, double qty, double entryPrice, double wallet, double upnlOther,
                                 double tmmOther, double mmr, double cum) {
        return (wallet + upnlOther - tmmOther + cum - side * qty * entryPrice) / (qty * mmr - side * qty);
    }

    /**
     * The liquidation price of an isolated one-way position, with bracket re-picking.
     *
     * @param side       +1 long, −1 short
     * @param qty        absolute size, base asset
     * @param entryPrice entry price
     * @param wallet     isolated margin
     * @param brackets   the symbol's maintenance margin brackets
     * @return the liquidation price, or NaN when the position cannot be liquidated (a long whose price would
     *         not be positive) or is empty
     */
    public static double isolated(int side, double qty, double entryPrice, double wallet, Brackets brackets) {
        if (!(qty > 0) || !(entryPrice > 0)) {
            return Double.NaN;
        }
        int b = brackets.indexOf(qty * entryPrice);
        double lp = formula(side, qty, entryPrice, wallet, 0, 0, brackets.mmr[b], brackets.cum[b]);
        for (int i = 0; i < brackets.size() && lp > 0; i++) {
            int next = brackets.indexOf(qty * lp);
            if (next == b) {
                break;
            }
            b = next;
            lp = formula(side, qty, entryPrice, wallet, 0, 0, brackets.mmr[b], brackets.cum[b]);
        }
        return lp > 0 ? lp : Double.NaN;
    }

    /**
     * The liquidation price of an isolated position opened with {@code leverage}: the isolated margin is the
     * initial margin {@code qty·entryPrice / leverage}.
     */
    public static double isolatedAtLeverage(int side, double qty, double entryPrice, double leverage,
                                            Brackets brackets) {
        return isolated(side, qty, entryPrice, qty * entryPrice / leverage, brackets);
    }

    /**
     * Maintenance margin brackets as arrays, sorted by notional floor. Built once per request from
     * {@link io.marketintel.api.market.MarketData#leverageBrackets(String)}.
     */
    public static final class Brackets {
        final double[] floor;
        final double[] cap;
        final double[] mmr;
        final double[] cum;
        final int[] maxLeverage;

        private Brackets(double[] floor, double[] cap, double[] mmr, double[] cum, int[] maxLeverage) {
            this.floor = floor;
            this.cap = cap;
            this.mmr = mmr;
            this.cum = cum;
            this.maxLeverage = maxLeverage;
        }

        /**
         * @throws IllegalArgumentException when {@code brackets} is empty or a bracket has a negative or
         *                                  non-finite ratio
         */
        public static Brackets of(List<LeverageBracket> brackets) {
            if (brackets == null || brackets.isEmpty()) {
                throw new IllegalArgumentException("no leverage brackets");
            }
            List<LeverageBracket> sorted = new ArrayList<>(brackets);
            sorted.sort(Comparator.comparingDouble(LeverageBracket::notionalFloor));
            int n = sorted.size();
            double[] floor = new double[n];
            double[] cap = new double[n];
            double[] mmr = new double[n];
            double[] cum = new double[n];
            int[] lev = new int[n];
            for (int i = 0; i < n; i++) {
                LeverageBracket b = sorted.get(i);
                if (!(b.maintMarginRatio() >= 0 && b.maintMarginRatio() < 1) || !Double.isFinite(b.cum())) {
                    throw new IllegalArgumentException("leverage bracket " + b.bracket()
                            + " has an invalid maintenance margin ratio " + b.maintMarginRatio() + " or cum " + b.cum());
                }
                floor[i] = b.notionalFloor();
                cap[i] = b.notionalCap();
                mmr[i] = b.maintMarginRatio();
                cum[i] = b.cum();
                lev[i] = b.initialLeverage();
            }
            return new Brackets(floor, cap, mmr, cum, lev);
        }

        /** Number of brackets. */
        public int size() {
            return floor.length;
        }

        /**
         * The bracket of a notional: the last one whose floor is at or below it ({@code floor ≤ N < cap});
         * below the first floor the first bracket, beyond the last cap the last one.
         */
        public int indexOf(double notional) {
            int i = 0;
            while (i + 1 < floor.length && notional >= floor[i + 1]) {
                i++;
            }
            return i;
        }

        /** Maintenance margin ratio of bracket {@code i}. */
        public double mmr(int i) {
            return mmr[i];
        }

        /** Maintenance amount of bracket {@code i}. */
        public double cum(int i) {
            return cum[i];
        }

        /** The highest leverage Binance allows for a position of {@code notional}. */
        public int maxLeverage(double notional) {
            return maxLeverage[indexOf(notional)];
        }
    }
}
