package io.marketintel.plugin.meta.internal;

import io.marketintel.api.Bias;

/**
 * What following a recommendation with a given {@link Arm} would have returned over the horizon, simulated on the
 * candles after the recommendation. Pure and deterministic; the same code labels recommendations in the plugin and
 * scores them in the walk-forward evaluation.
 *
 * <p>Units: {@code P0} is the price at the recommendation, {@code A = unit_pct/100 · P0} the trade unit (the 1h ATR
 * at the time of the recommendation), {@code d} = +1 for LONG, −1 for SHORT. The planned size is one unit of
 * notional at {@code P0}; the return is {@code 100 · (realised P&L − costs) / P0}, so tranches never filled simply
 * earn nothing. With {@code N} candles in the horizon, {@code k1 = max(1, ⌊N/6⌋)} and {@code k2 = max(k1 + 1,
 * ⌊N/3⌋)} (4 and 8 for 24 hourly candles).
 * <ul>
 *   <li><b>Entry</b> ({@link ExecutionMode}): static — all at {@code P0}; dca — ⅓ at {@code P0}, ⅓ at the close of
 *   candle {@code k1}, ⅓ at the close of candle {@code k2}; pyramid — like dca, but each add only when that close is
 *   beyond the previous entry in the trade's favour; sniper — one limit order at {@code P0 − d·0.5A} working during
 *   candles 1 … {@code k1}, filled at that price (or at a better open) when the candle reaches it, never filled
 *   otherwise (no trade, return 0). Adds stop once the position is closed.</li>
 *   <li><b>Targets</b> ({@link TpStrategy}): three at {@code P0 + d·mᵢ·A}, {@code mᵢ} = 1.5 / 3 / 5 × the
 *   strategy's multiplier, each closing its share of the planned size (or what is left) when a candle's high (long)
 *   or low (short) reaches it.</li>
 *   <li><b>Stop</b> ({@link TrailingMode}), with {@code e} the average entry and {@code best} the most favourable
 *   close since the first fill, updated at each close and used from the next candle on: disabled — none; static —
 *   {@code e − d·2A}; dynamic — {@code best − d·2A}, only tightening; profit_based — none until {@code best} is
 *   1.5A in profit, then {@code best − d·1A}, only tightening; breakeven — {@code e − d·2A}, moved to {@code e} once
 *   a close is 1A in profit; smart — {@code best − d·2A}, tightened to {@code best − d·1A} once {@code best} is 2A in
 *   profit. A candle that reaches the stop closes everything at the stop (or at a worse open); within one candle the
 *   stop is checked before the targets (the pessimistic order, since candles do not say which came first).</li>
 *   <li><b>Horizon</b>: what is still open is closed at the last candle's close.</li>
 *   <li><b>Costs</b> ({@link OrderRouting#costPct()}): every filled side pays the routing's cost on its notional.</li>
 * </ul>
 */
final class TradeSimulator {

    /** Sniper limit distance, units. */
    static final double SNIPER_OFFSET = 0.5;
    /** Initial stop distance, units. */
    static final double STOP_DISTANCE = 2.0;
    /** Tight trailing distance, units. */
    static final double TIGHT_DISTANCE = 1.0;
    /** Profit (units) from which profit_based starts trailing. */
    static final double PROFIT_BASED_ARM = 1.5;
    /** Profit (units, at a close) from which breakeven moves the stop to the entry. */
    static final double BREAKEVEN_ARM = 1.0;
    /** Profit (units) from which smart trails at the tight distance. */
    static final double SMART_TIGHTEN = 2.0;

    private TradeSimulator() {
    }

    /**
     * The simulated outcome.
     *
     * @param returnPct      return on the planned notional after costs, %
     * @param filled         whether any entry filled (false: no trade, return 0)
     * @param filledFraction share of the planned size that was entered
     * @param exitReason     STOP, TARGETS, HORIZON or NOT_FILLED
     * @param barsHeld       candles from the first fill to the exit
     * @param holdReturnPct  {@code 100·d·(last close − P0)/P0}: the direction alone, all at once, no stop or targets,
     *                       no costs
     */
    record Result(double returnPct, boolean filled, double filledFraction, String exitReason, int barsHeld,
                  double holdReturnPct) {
    }

    /**
     * Simulates {@code arm} for a {@code direction} trade.
     *
     * @param p0      price at the recommendation, positive
     * @param unitPct trade unit, % of {@code p0}, positive
     * @param open    opens of the horizon's candles, oldest first (at least one)
     * @param high    highs
     * @param low     lows
     * @param close   closes
     * @throws IllegalArgumentException for a NEUTRAL direction, empty or uneven arrays, or non-positive prices
     */
    static Result simulate(Arm arm, Bias direction, double p0, double unitPct, double[] open, double[] high,
                           double[] low, double[] close) {
        if (direction == Bias.NEUTRAL) {
            throw new IllegalArgumentException("a NEUTRAL recommendation has no trade to simulate");
        }
        int n = close.length;
        if (n == 0 || open.length != n || high.length != n || low.length != n) {
            throw new IllegalArgumentException("arguments [open], [high], [low] and [close] must be non-empty and of"
                    + " the same length, were " + open.length + ", " + high.length + ", " + low.length + ", " + n);
        }
        if (!(p0 > 0) || !(unitPct > 0)) {
            throw new IllegalArgumentException("arguments [p0] and [unitPct] must be positive, were " + p0 + ", "
                    + unitPct);
        }
        return new Run(arm, direction == Bias.LONG ? 1 : -1, p0, unitPct / 100.0 * p0, n).run(open, high, low, close);
    }

    /** The mutable state of one simulation. */
    private static final class Run {
        private final Arm arm;
        private final int d;
        private final double p0;
        private final double a;
        private final int n;
        private final int k1;
        private final int k2;
        private final double cost;
        private final double[] targets = new double[3];
        private final double[] fractions;
        private final boolean[] hit = new boolean[3];

        private double q;
        private double e;
        private double pnl;
        private double paid;
        private double entered;
        private double lastEntry = Double.NaN;
        private double best = Double.NaN;
        private double stop = Double.NaN;
        private boolean armed;
        private int firstFillBar = -1;
        private int exitBar = -1;
        private String exitReason;

        Run(Arm arm, int d, double p0, double a, int n) {
            this.arm = arm;
            this.d = d;
            this.p0 = p0;
            this.a = a;
            this.n = n;
            this.k1 = Math.max(1, n / 6);
            this.k2 = Math.max(k1 + 1, n / 3);
            this.cost = arm.routing().costPct() / 100.0;
            this.fractions = arm.tp().fractions();
            for (int i = 0; i < 3; i++) {
                targets[i] = p0 + d * TpStrategy.BASE_MULTIPLES[i] * arm.tp().multiplier() * a;
            }
        }

        Result run(double[] open, double[] high, double[] low, double[] close) {
            ExecutionMode mode = arm.execution();
            double sniperLimit = p0 - d * SNIPER_OFFSET * a;
            switch (mode) {
                case STATIC -> enter(1.0, p0, 0);
                case DCA, PYRAMID -> enter(1.0 / 3, p0, 0);
                case SNIPER -> {
                }
            }
            for (int i = 0; i < n && exitReason == null; i++) {
                boolean filledNow = false;
                if (mode == ExecutionMode.SNIPER && entered == 0 && i < k1) {
                    boolean reached = d > 0 ? low[i] <= sniperLimit : high[i] >= sniperLimit;
                    if (reached) {
                        double price = d > 0 ? Math.min(open[i], sniperLimit) : Math.max(open[i], sniperLimit);
                        enter(1.0, price, i);
                        filledNow = true;
                    }
                }
                if (q > 0 && !filledNow) {
                    exits(i, open[i], high[i], low[i]);
                    if (exitReason != null) {
                        break;
                    }
                }
                if ((mode == ExecutionMode.DCA || mode == ExecutionMode.PYRAMID) && q > 0
                        && (i == k1 - 1 || i == k2 - 1)) {
                    if (mode == ExecutionMode.DCA || d * (close[i] - lastEntry) > 0) {
                        enter(1.0 / 3, close[i], i);
                    }
                }
                if (q > 0) {
                    trail(close[i]);
                }
            }
            if (entered == 0) {
                return new Result(0.0, false, 0.0, "NOT_FILLED", 0, hold(close));
            }
            if (exitReason == null) {
                exit(q, close[n - 1]);
                exitReason = "HORIZON";
                exitBar = n - 1;
            }
            return new Result(100.0 * (pnl - paid) / p0, true, entered, exitReason, exitBar - firstFillBar + 1,
                    hold(close));
        }

        private double hold(double[] close) {
            return 100.0 * d * (close[n - 1] - p0) / p0;
        }

        private void enter(double qty, double price, int bar) {
            if (entered == 0) {
                firstFillBar = bar;
                best = price;
            }
            paid += cost * qty * price;
            e = (e * q + price * qty) / (q + qty);
            q += qty;
            entered += qty;
            lastEntry = price;
            if (Double.isNaN(stop) || arm.trailing() == TrailingMode.STATIC || arm.trailing() == TrailingMode.BREAKEVEN) {
                initialStop();
            }
        }

        private void initialStop() {
            switch (arm.trailing()) {
                case DISABLED, PROFIT_BASED -> {
                    if (!armed) {
                        stop = Double.NaN;
                    }
                }
                case STATIC -> stop = e - d * STOP_DISTANCE * a;
                case BREAKEVEN -> stop = armed ? e : e - d * STOP_DISTANCE * a;
                case DYNAMIC, SMART -> stop = tighter(stop, e - d * STOP_DISTANCE * a);
            }
        }

        private void exit(double qty, double price) {
            pnl += d * (price - e) * qty;
            paid += cost * qty * price;
            q -= qty;
            if (q < 1e-12) {
                q = 0;
            }
        }

        private void exits(int i, double open, double high, double low) {
            if (!Double.isNaN(stop) && (d > 0 ? low <= stop : high >= stop)) {
                exit(q, d > 0 ? Math.min(open, stop) : Math.max(open, stop));
                exitReason = "STOP";
                exitBar = i;
                return;
            }
            for (int k = 0; k < 3; k++) {
                if (!hit[k] && (d > 0 ? high >= targets[k] : low <= targets[k])) {
                    hit[k] = true;
                    exit(Math.min(q, fractions[k]), targets[k]);
                    if (q == 0) {
                        exitReason = "TARGETS";
                        exitBar = i;
                        return;
                    }
                }
            }
        }

        private void trail(double close) {
            best = d > 0 ? Math.max(best, close) : Math.min(best, close);
            double bestProfit = d * (best - e);
            switch (arm.trailing()) {
                case DISABLED -> {
                }
                case STATIC -> stop = e - d * STOP_DISTANCE * a;
                case DYNAMIC -> stop = tighter(stop, best - d * STOP_DISTANCE * a);
                case PROFIT_BASED -> {
                    if (bestProfit >= PROFIT_BASED_ARM * a) {
                        armed = true;
                    }
                    if (armed) {
                        stop = tighter(stop, best - d * TIGHT_DISTANCE * a);
                    }
                }
                case BREAKEVEN -> {
                    if (d * (close - e) >= BREAKEVEN_ARM * a) {
                        armed = true;
                    }
                    stop = armed ? e : e - d * STOP_DISTANCE * a;
                }
                case SMART -> {
                    double distance = bestProfit >= SMART_TIGHTEN * a ? TIGHT_DISTANCE : STOP_DISTANCE;
                    stop = tighter(stop, best - d * distance * a);
                }
            }
        }

        private double tighter(double old, double candidate) {
            if (Double.isNaN(old)) {
                return candidate;
            }
            return d > 0 ? Math.max(old, candidate) : Math.min(old, candidate);
        }
    }
}
