package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.WorkingType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds (or checks) a ladder against a symbol's filters. Pure: no I/O, no clock.
 *
 * <p><b>Prices.</b> Level {@code i} lies {@code m_i × f × ATR} from the entry (above it for LONG, below for SHORT),
 * where {@code m_i} is the regime's multiplier interpolated by {@link LadderMath} and {@code f} the strategy's factor
 * (1, 1.3 or 0.7), rounded to the nearest tick with ties toward more profit (up for LONG, down for SHORT). A level
 * that rounding leaves at or inside the entry or the previous level is pushed one tick beyond it (noted), so every
 * level is strictly beyond the entry and the levels strictly ordered. A SHORT level below {@code minPrice} or a LONG
 * level above {@code maxPrice} is refused (PRICE_FILTER).
 *
 * <p><b>Quantities.</b> The position must be a whole number of steps (the coarser of LOT_SIZE and MARKET_LOT_SIZE:
 * the orders are TAKE_PROFIT_MARKET); {@link LadderMath#splitUnits} splits it, the last level taking the rounding
 * remainder, so the levels sum exactly to the position. Every level must hold at least {@code minQty} and at most
 * {@code maxQty} (the stricter of the two lot filters, named MARKET_LOT_SIZE) and, with {@code enforce_min_notional},
 * a notional {@code quantity × price} of at least MIN_NOTIONAL. <b>Merging</b>: when a level falls below minQty or
 * MIN_NOTIONAL the ladder is rebuilt with one level fewer (its slices grow), down to a single level; the answer says
 * so in {@code notes}. When even one level holding the whole position fails, the request is refused with 400 naming
 * the rule. A level above maxQty cannot be fixed by merging and is refused at once.
 */
final class LadderBuilder {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Fewest and most levels. */
    static final int MIN_LEVELS = 1;
    static final int MAX_LEVELS = 10;

    private LadderBuilder() {
    }

    /**
     * What the caller asks for.
     *
     * @param symbol     symbol
     * @param side       position side
     * @param entryPrice entry price, positive
     * @param quantity   position quantity, positive
     * @param leverage   leverage, at least 1
     * @param numLevels  levels wanted, 1 … 10
     * @param strategy   strategy
     */
    record Request(String symbol, PositionSide side, BigDecimal entryPrice, BigDecimal quantity, int leverage,
                   int numLevels, Strategy strategy) {

        Request {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(entryPrice, "entryPrice");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(strategy, "strategy");
        }
    }

    /** The lot filter a TAKE_PROFIT_MARKET order must pass: the stricter of LOT_SIZE and MARKET_LOT_SIZE. */
    record Lot(BigDecimal step, BigDecimal minQty, BigDecimal maxQty) {

        static Lot of(SymbolInfo info) {
            BigDecimal step = coarser(info.stepSize(), info.marketStepSize());
            BigDecimal min = coarser(info.minQty(), info.marketMinQty());
            BigDecimal max = info.maxQty();
            if (info.marketMaxQty() != null && info.marketMaxQty().signum() > 0
                    && (max == null || max.signum() <= 0 || info.marketMaxQty().compareTo(max) < 0)) {
                max = info.marketMaxQty();
            }
            return new Lot(step, min == null ? BigDecimal.ZERO : min, max);
        }

        private static BigDecimal coarser(BigDecimal a, BigDecimal b) {
            if (a == null) {
                return b;
            }
            return b == null || a.compareTo(b) >= 0 ? a : b;
        }
    }

    /** A filter a level breaks. */
    record Violation(String rule, String limitName, BigDecimal limit, int level, String message) {
    }

    // ---------------------------------------------------------------- building

    /**
     * Builds the ladder for {@code request} in the analysed regime.
     *
     * @param currentPrice the watched price now (the take-profits' working type), NaN when unknown
     * @throws IntelException INVALID_PARAMETER naming the parameter and the rule when the symbol's filters make
     *                        the ladder impossible
     */
    static Ladder build(Request request, SymbolInfo info, RegimeAnalysis analysis, double currentPrice,
                        WorkingType priceType, LadderSettings s, String source) {
        Lot lot = Lot.of(info);
        checkPosition(request, lot);
        double atr = analysis.indicators().atr();
        if (!(atr >= 0) || Double.isInfinite(atr)) {
            throw new IntelException(ErrorCode.UPSTREAM_ERROR, "the ATR of [" + request.symbol() + "] is not a number ("
                    + atr + "): the market's klines are unusable", Map.of("symbol", request.symbol()));
        }
        Violation first = null;
        for (int n = request.numLevels(); n >= MIN_LEVELS; n--) {
            List<String> notes = new ArrayList<>();
            List<Level> levels = levels(request, info, analysis.regime(), atr, n, s, notes);
            Violation v = check(levels, lot, info, s, true);
            if (v == null) {
                if (first != null) {
                    notes.add(0, "num_levels reduced from " + request.numLevels() + " to " + n + " (levels merged): with "
                            + request.numLevels() + " levels " + first.message());
                }
                return assemble(request.symbol(), request.side(), request.strategy(), request.entryPrice(),
                        request.quantity(), request.leverage(), request.numLevels(), analysis, atr, currentPrice,
                        priceType, levels, notes, source);
            }
            if (first == null) {
                first = v;
            }
            if (n == MIN_LEVELS) {
                throw refusal(request, v, request.numLevels() == 1 ? "" : " even as a single level,");
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** One level before assembly. */
    record Level(int level, BigDecimal price, BigDecimal quantity, BigDecimal atrMultiple, BigDecimal targetPct,
                 String reasoning) {
    }

    private static void checkPosition(Request r, Lot lot) {
        if (r.entryPrice().signum() <= 0) {
            throw IntelException.invalidParameter("entry_price", "parameter [entry_price] must be positive, was "
                    + plain(r.entryPrice()));
        }
        if (r.quantity().signum() <= 0) {
            throw IntelException.invalidParameter("quantity", "parameter [quantity] must be positive, was "
                    + plain(r.quantity()));
        }
        if (r.numLevels() < MIN_LEVELS || r.numLevels() > MAX_LEVELS) {
            throw IntelException.invalidParameter("num_levels", "parameter [num_levels] must be within [1, 10], was "
                    + r.numLevels());
        }
        if (lot.step() != null && lot.step().signum() > 0 && r.quantity().remainder(lot.step()).signum() != 0) {
            throw refuse("quantity", "MARKET_LOT_SIZE", "parameter [quantity] " + plain(r.quantity())
                    + " is not a multiple of the step size " + plain(lot.step()) + " of " + r.symbol()
                    + " (MARKET_LOT_SIZE): the ladder splits the position into whole steps", "stepSize", lot.step(),
                    r.quantity());
        }
    }

    /** The levels of an {@code n}-level ladder (no filter checks). */
    static List<Level> levels(Request r, SymbolInfo info, MarketRegime regime, double atr, int n, LadderSettings s,
                              List<String> notes) {
        BigDecimal tick = info.tickSize();
        BigDecimal scale = BigDecimal.valueOf(s.scale(r.strategy()));
        BigDecimal[] mult = LadderMath.interpolate(s.multipliers().get(regime), n);
        BigDecimal[] pct = LadderMath.splitPct(s.splits().get(regime), n);
        BigDecimal step = Lot.of(info).step();
        long units = r.quantity().divide(step, 0, RoundingMode.UNNECESSARY).longValueExact();
        long[] split = LadderMath.splitUnits(units, s.splits().get(regime), n);
        BigDecimal atrBd = BigDecimal.valueOf(atr);
        boolean longSide = r.side() == PositionSide.LONG;
        List<Level> out = new ArrayList<>(n);
        BigDecimal previous = r.entryPrice();
        for (int i = 0; i < n; i++) {
            BigDecimal multiple = mult[i].multiply(scale, MC).stripTrailingZeros();
            BigDecimal distance = multiple.multiply(atrBd, MC);
            BigDecimal raw = longSide ? r.entryPrice().add(distance) : r.entryPrice().subtract(distance);
            BigDecimal price = SymbolInfo.roundTo(raw, tick, longSide ? RoundingMode.HALF_UP : RoundingMode.HALF_DOWN);
            if (longSide ? price.compareTo(previous) <= 0 : price.compareTo(previous) >= 0) {
                BigDecimal pushed = longSide
                        ? SymbolInfo.roundTo(previous, tick, RoundingMode.FLOOR).add(tick)
                        : SymbolInfo.roundTo(previous, tick, RoundingMode.CEILING).subtract(tick);
                notes.add("TP" + (i + 1) + " moved from " + plain(price) + " to " + plain(pushed) + ", one tick beyond "
                        + (i == 0 ? "the entry" : "TP" + i) + ": " + num(multiple) + " x ATR " + num(atrBd)
                        + " does not reach past it on the " + plain(tick) + " tick");
                price = pushed;
            }
            checkPriceFilter(r, info, i + 1, price);
            BigDecimal qty = step.multiply(BigDecimal.valueOf(split[i]));
            String reasoning = "TP" + (i + 1) + ": " + (longSide ? "+" : "-") + num(multiple) + "x ATR (" + regime
                    + (r.strategy() == Strategy.ADAPTIVE ? "" : ", " + r.strategy() + " x" + num(scale)) + ")";
            out.add(new Level(i + 1, price, qty, multiple, pct[i], reasoning));
            previous = price;
        }
        return out;
    }

    private static void checkPriceFilter(Request r, SymbolInfo info, int level, BigDecimal price) {
        BigDecimal min = info.minPrice() != null && info.minPrice().signum() > 0 ? info.minPrice() : info.tickSize();
        if (price.compareTo(min) < 0) {
            throw refuse("entry_price", "PRICE_FILTER", "TP" + level + " of the SHORT ladder would be at "
                    + plain(price) + ", below minPrice " + plain(min) + " of " + r.symbol()
                    + " (PRICE_FILTER): the ATR targets reach past zero; use fewer levels or CONSERVATIVE",
                    "minPrice", min, price);
        }
        if (info.maxPrice() != null && info.maxPrice().signum() > 0 && price.compareTo(info.maxPrice()) > 0) {
            throw refuse("entry_price", "PRICE_FILTER", "TP" + level + " of the LONG ladder would be at "
                    + plain(price) + ", above maxPrice " + plain(info.maxPrice()) + " of " + r.symbol()
                    + " (PRICE_FILTER)", "maxPrice", info.maxPrice(), price);
        }
    }

    /**
     * The first level that breaks a filter: a level above maxQty throws at once (merging cannot help); one below
     * minQty or MIN_NOTIONAL is answered.
     */
    static Violation check(List<Level> levels, Lot lot, SymbolInfo info, LadderSettings s, boolean throwOnMax) {
        for (Level l : levels) {
            if (lot.maxQty() != null && lot.maxQty().signum() > 0 && l.quantity().compareTo(lot.maxQty()) > 0) {
                String message = "TP" + l.level() + " would hold " + plain(l.quantity()) + ", above maxQty "
                        + plain(lot.maxQty()) + " (MARKET_LOT_SIZE)";
                if (throwOnMax) {
                    throw refuse("quantity", "MARKET_LOT_SIZE", "parameter [quantity]: " + message
                            + "; use more levels or a smaller position", "maxQty", lot.maxQty(), l.quantity());
                }
                return new Violation("MARKET_LOT_SIZE", "maxQty", lot.maxQty(), l.level(), message);
            }
            if (l.quantity().compareTo(lot.minQty()) < 0 || l.quantity().signum() == 0) {
                return new Violation("MARKET_LOT_SIZE", "minQty", lot.minQty(), l.level(), "TP" + l.level()
                        + " would hold " + plain(l.quantity()) + ", below minQty " + plain(lot.minQty())
                        + " (MARKET_LOT_SIZE)");
            }
            BigDecimal minNotional = info.minNotional();
            if (s.enforceMinNotional() && minNotional != null) {
                BigDecimal notional = l.quantity().multiply(l.price());
                if (notional.compareTo(minNotional) < 0) {
                    return new Violation("MIN_NOTIONAL", "minNotional", minNotional, l.level(), "TP" + l.level()
                            + " would be a notional of " + plain(notional) + " (" + plain(l.quantity()) + " x "
                            + plain(l.price()) + "), below MIN_NOTIONAL " + plain(minNotional));
                }
            }
        }
        return null;
    }

    private static IntelException refusal(Request r, Violation v, String single) {
        String message = "parameter [quantity] " + plain(r.quantity()) + " is too small for a take-profit ladder on "
                + r.symbol() + ":" + single + " " + v.message() + "; levels cannot be merged any further";
        return refuse("quantity", v.rule(), message, v.limitName(), v.limit(), r.quantity());
    }

    // ---------------------------------------------------------------- a ladder given whole

    /** One level of a ladder given whole to {@code place-orders}. */
    record GivenLevel(BigDecimal price, BigDecimal quantity, String reasoning) {
    }

    /**
     * Checks a ladder given whole (the answer of an earlier {@code calculate}): prices on the tick and strictly
     * beyond the entry in order, quantities whole steps summing exactly to the position, each level within the
     * filters (no merging: the caller fixed the levels).
     *
     * @param path how messages name the ladder parameter ({@code ladder})
     */
    static Ladder checkGiven(String path, String symbol, PositionSide side, BigDecimal entry, BigDecimal quantity,
                             int leverage, Strategy strategy, int numLevelsRequested, List<GivenLevel> given,
                             SymbolInfo info, double currentPrice, WorkingType priceType, LadderSettings s,
                             String source) {
        Lot lot = Lot.of(info);
        if (given.size() < MIN_LEVELS || given.size() > MAX_LEVELS) {
            throw IntelException.invalidParameter(path, "parameter [" + path + ".tp_levels] must hold 1 to 10 levels,"
                    + " has " + given.size());
        }
        if (entry.signum() <= 0) {
            throw IntelException.invalidParameter(path, "parameter [" + path + ".entry_price] must be positive, was "
                    + plain(entry));
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<Level> levels = new ArrayList<>();
        BigDecimal previous = entry;
        boolean longSide = side == PositionSide.LONG;
        for (int i = 0; i < given.size(); i++) {
            GivenLevel g = canonical(given.get(i), info.tickSize(), lot.step());
            String at = path + ".tp_levels[" + i + "]";
            if (g.price().signum() <= 0 || g.price().remainder(info.tickSize()).signum() != 0) {
                throw refuse(path, "PRICE_FILTER", "parameter [" + at + ".price] " + plain(g.price())
                        + " is not a positive multiple of the tick size " + plain(info.tickSize()) + " (PRICE_FILTER)",
                        "tickSize", info.tickSize(), g.price());
            }
            if (longSide ? g.price().compareTo(previous) <= 0 : g.price().compareTo(previous) >= 0) {
                throw IntelException.invalidParameter(path, "parameter [" + at + ".price] " + plain(g.price())
                        + " must be " + (longSide ? "above " : "below ") + (i == 0 ? "the entry " : "the previous level ")
                        + plain(previous) + ": take-profits of a " + side + " lie on the profit side, nearest first");
            }
            if (g.quantity().signum() <= 0 || g.quantity().remainder(lot.step()).signum() != 0) {
                throw refuse(path, "MARKET_LOT_SIZE", "parameter [" + at + ".quantity] " + plain(g.quantity())
                        + " is not a positive multiple of the step size " + plain(lot.step()) + " (MARKET_LOT_SIZE)",
                        "stepSize", lot.step(), g.quantity());
            }
            checkPriceFilter(new Request(symbol, side, entry, quantity, leverage, given.size(),
                    strategy == null ? Strategy.ADAPTIVE : strategy), info, i + 1, g.price());
            sum = sum.add(g.quantity());
            levels.add(new Level(i + 1, g.price(), g.quantity(), null, null,
                    g.reasoning() == null ? "TP" + (i + 1) + ": given" : g.reasoning()));
            previous = g.price();
        }
        if (sum.compareTo(quantity) != 0) {
            throw IntelException.invalidParameter(path, "parameter [" + path + ".tp_levels] quantities sum to "
                    + plain(sum) + ", not the position's quantity " + plain(quantity));
        }
        Violation v = check(levels, lot, info, s, false);
        if (v != null) {
            throw refuse(path, v.rule(), "parameter [" + path + "]: " + v.message(), v.limitName(), v.limit(),
                    levels.get(v.level() - 1).quantity());
        }
        return assemble(symbol, side, strategy, entry, quantity, leverage, numLevelsRequested, null, Double.NaN,
                currentPrice, priceType, levels, new ArrayList<>(), source);
    }

    /**
     * A given level with its price scaled like the tick and its quantity like the step, as built ladders have them
     * (JSON readers drop trailing zeros), so that its orders equal those of the ladder it came from. Values off the
     * grid keep their own scale, for the checks to name them.
     */
    private static GivenLevel canonical(GivenLevel g, BigDecimal tick, BigDecimal step) {
        return new GivenLevel(scaledLike(g.price(), tick), scaledLike(g.quantity(), step), g.reasoning());
    }

    private static BigDecimal scaledLike(BigDecimal value, BigDecimal increment) {
        int scale = Math.max(0, increment.stripTrailingZeros().scale());
        return value.scale() <= scale ? value.setScale(scale, RoundingMode.UNNECESSARY) : value;
    }

    // ---------------------------------------------------------------- assembly

    private static Ladder assemble(String symbol, PositionSide side, Strategy strategy, BigDecimal entry,
                                   BigDecimal quantity, int leverage, int numLevelsRequested, RegimeAnalysis analysis,
                                   double atr, double currentPrice, WorkingType priceType, List<Level> levels,
                                   List<String> notes, String source) {
        List<TpLevel> out = new ArrayList<>(levels.size());
        List<String> warnings = new ArrayList<>();
        BigDecimal totalProfit = BigDecimal.ZERO;
        for (Level l : levels) {
            BigDecimal gap = l.price().subtract(entry).abs();
            BigDecimal profit = l.quantity().multiply(gap);
            totalProfit = totalProfit.add(profit);
            boolean reached = !Double.isNaN(currentPrice) && (side == PositionSide.LONG
                    ? currentPrice >= l.price().doubleValue() : currentPrice <= l.price().doubleValue());
            if (reached) {
                warnings.add("TP" + l.level() + " (" + plain(l.price()) + ") is already reached: the "
                        + (priceType == WorkingType.MARK_PRICE ? "mark" : "last") + " price is "
                        + plain(BigDecimal.valueOf(currentPrice)) + "; a take-profit there would trigger at once"
                        + " (Binance -2021), so place-orders refuses this ladder");
            }
            out.add(new TpLevel(l.level(), l.price(), l.quantity(),
                    pct(l.quantity(), quantity, 2),
                    l.targetPct() == null ? pct(l.quantity(), quantity, 2)
                            : l.targetPct().setScale(2, RoundingMode.HALF_UP).doubleValue(),
                    l.atrMultiple() == null ? (Double.isNaN(atr) || atr == 0 ? Double.NaN
                            : gap.doubleValue() / atr) : l.atrMultiple().doubleValue(),
                    gap.multiply(HUNDRED).divide(entry, MC).setScale(4, RoundingMode.HALF_UP).doubleValue(),
                    l.quantity().multiply(l.price()),
                    profit,
                    reached,
                    l.reasoning()));
        }
        double movePct = totalProfit.multiply(HUNDRED).divide(quantity.multiply(entry), MC).doubleValue();
        if (analysis != null && analysis.regime() != MarketRegime.RANGING) {
            String direction = analysis.indicators().trendDirection();
            if (side == PositionSide.LONG && direction.equals("DOWN") || side == PositionSide.SHORT && direction.equals("UP")) {
                warnings.add("the trend runs against this " + side + " (+DI " + num(analysis.indicators().plusDi())
                        + " vs -DI " + num(analysis.indicators().minusDi()) + "): the " + analysis.regime()
                        + " targets assume the move carries on in the position's favour; CONSERVATIVE keeps them closer");
            }
        }
        return new Ladder(symbol, side, strategy, entry, quantity, leverage, levels.size(), numLevelsRequested,
                analysis == null ? null : analysis.regime(), atr,
                analysis == null ? null : analysis.indicators(),
                analysis == null ? List.of() : analysis.reasoning(),
                currentPrice, priceType, out,
                round(movePct * leverage, 4), round(movePct, 4), totalProfit, notes, warnings, source);
    }

    // ---------------------------------------------------------------- helpers

    private static double pct(BigDecimal part, BigDecimal whole, int decimals) {
        return part.multiply(HUNDRED).divide(whole, MC).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** A multiple or price in reasoning: two decimals at most, at least one ({@code 1.5}, {@code 3.0}, {@code 4.55}). */
    static String num(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (r.scale() < 1) {
            r = r.setScale(1, RoundingMode.UNNECESSARY);
        }
        return r.toPlainString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static IntelException refuse(String parameter, String rule, String message, String limitName,
                                         BigDecimal limit, BigDecimal value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parameter", parameter);
        details.put("rule", rule);
        details.put("value", plain(value));
        details.put(limitName, plain(limit));
        return new IntelException(ErrorCode.INVALID_PARAMETER, message, details);
    }
}
