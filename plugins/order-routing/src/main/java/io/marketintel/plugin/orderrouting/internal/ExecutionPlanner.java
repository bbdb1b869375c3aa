package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request and what the market looks like at arrival into an {@link ExecutionSpec}: adaptive routing's choice,
 * the duration, the quantity rounded to the step and checked against the symbol's filters (400 naming the rule when
 * even the whole order cannot be valid), and the plan (TWAP schedule, market slices or passive order). Pure.
 */
final class ExecutionPlanner {

    private ExecutionPlanner() {
    }

    /**
     * The market at arrival.
     *
     * @param info   the symbol's filters
     * @param book   an order book snapshot
     * @param closed closed 1-minute klines, oldest first (volatility); may be empty when no analysis is needed
     */
    record Inputs(SymbolInfo info, OrderBook book, List<Kline> closed) {
    }

    /** The spec, notes for the execution's log (rounding, merging) and the analysis at arrival. */
    record Planned(ExecutionSpec spec, List<String> notes, MarketConditions conditions) {
    }

    static Planned plan(ExecuteRequest r, Inputs in, RoutingSettings s, String id, long now, String venue) {
        OrderBook book = in.book();
        double mid = book.mid();
        if (!(mid > 0)) {
            throw new IntelException(ErrorCode.UPSTREAM_ERROR, "the order book of " + r.symbol()
                    + " has an empty side: the order cannot be priced", Map.of("symbol", r.symbol()));
        }
        SymbolRules rules = new SymbolRules(in.info());
        List<String> notes = new ArrayList<>();
        MarketConditions conditions = ConditionAnalysis.conditions(book, in.closed(), r.side(), r.quantity(), s);
        Algorithm algorithm = r.algorithm();
        SelectionSummary selection = null;
        if (algorithm == Algorithm.ADAPTIVE) {
            if (r.limitPrice() != null) {
                throw IntelException.invalidParameter("limit_price", "parameter [limit_price] applies to LIMIT and"
                        + " ICEBERG only; ADAPTIVE chooses its own prices");
            }
            ConditionAnalysis.Choice choice = ConditionAnalysis.choose(conditions, r.urgency(), s, r.quantity(),
                    rules.minimumQuantity(mid, rules.lot(true)));
            algorithm = choice.algorithm();
            selection = new SelectionSummary(choice.reasoning(), conditions.spreadBps(), conditions.estimatedImpactBps(),
                    conditions.volatilityBps(), conditions.availableLiquidity(), conditions.liquidityUsedPct());
            if (r.numSlices() != null && algorithm != Algorithm.TWAP) {
                notes.add("num_slices " + r.numSlices() + " ignored: adaptive routing chose " + algorithm);
            }
        } else {
            if (r.limitPrice() != null && !algorithm.passive()) {
                throw IntelException.invalidParameter("limit_price", "parameter [limit_price] applies to LIMIT and"
                        + " ICEBERG only, not " + algorithm);
            }
            if (r.numSlices() != null && algorithm != Algorithm.TWAP) {
                throw IntelException.invalidParameter("num_slices", "parameter [num_slices] applies to TWAP only, not "
                        + algorithm);
            }
        }
        long durationMs = durationMs(r, s);
        SymbolRules.Lot lot = rules.lot(algorithm.scheduled());
        BigDecimal limit = r.limitPrice() == null ? null : limitPrice(rules, r.side(), r.limitPrice());
        double reference = algorithm == Algorithm.LIMIT && limit != null ? limit.doubleValue() : mid;
        BigDecimal total = rules.checkTotal(r.quantity(), lot, reference, algorithm == Algorithm.LIMIT);
        if (total.compareTo(r.quantity()) != 0) {
            notes.add("quantity " + SymbolRules.plain(r.quantity()) + " rounded down to the " + lot.rule() + " stepSize "
                    + SymbolRules.plain(lot.step()) + ": " + SymbolRules.plain(total));
        }
        long seed = r.seed() != null ? r.seed() : seedOf(id);
        Plan plan = switch (algorithm) {
            case TWAP -> TwapPlanner.plan(total, r.numSlices() != null ? r.numSlices()
                            : s.slicesFor(java.time.Duration.ofMillis(durationMs)), durationMs, s.twapRandomisationPct(), seed,
                    lot, rules.minNotional(), mid);
            case MARKET -> TwapPlanner.immediate(total, lot);
            case ICEBERG -> new Passive(visible(rules, lot, total, s.icebergVisibleFraction(),
                    limit != null ? limit.doubleValue() : touch(book, r.side())), limit, true, s.pollInterval().toMillis());
            case LIMIT -> new Passive(total, limit, false, s.pollInterval().toMillis());
            case ADAPTIVE -> throw new IllegalStateException("adaptive routing chose no algorithm");
        };
        if (plan instanceof Schedule sc && sc.note() != null) {
            notes.add(sc.note());
        }
        ExecutionSpec spec = new ExecutionSpec(id, r.symbol(), r.side(), algorithm, r.algorithm(), r.urgency(), r.dryRun(),
                venue, r.quantity(), total, durationMs, now, seed, mid, book.bestBid(), book.bestAsk(), plan, selection);
        return new Planned(spec, notes, conditions);
    }

    /** The recommendation: adaptive routing's choice and its parameters for a dry run of the order now. */
    static Recommendation recommend(String symbol, Side side, BigDecimal quantity, Urgency urgency, Inputs in,
                                    RoutingSettings s, long now) {
        ExecuteRequest r = new ExecuteRequest(symbol, side, quantity, Algorithm.ADAPTIVE, null, urgency, true, null, null,
                0L);
        Planned p = plan(r, in, s, "recommend", now, "dry-run");
        ExecutionSpec spec = p.spec();
        Recommendation.RecommendedParameters params;
        if (spec.plan() instanceof Schedule sc) {
            BigDecimal smallest = sc.slices().stream().map(PlannedSlice::quantity).min(BigDecimal::compareTo)
                    .orElse(spec.totalQuantity());
            params = new Recommendation.RecommendedParameters(spec.durationMs() / 1000.0, sc.size(),
                    spec.algorithm() == Algorithm.TWAP ? sc.intervalMs() / 1000.0 : null, smallest.doubleValue(), null,
                    null, sc.note());
        } else {
            Passive pa = (Passive) spec.plan();
            SymbolRules rules = new SymbolRules(in.info());
            params = new Recommendation.RecommendedParameters(spec.durationMs() / 1000.0, null, null, null,
                    pa.visibleQuantity().doubleValue(), rules.passivePrice(side, touch(in.book(), side)).doubleValue(),
                    null);
        }
        List<String> reasoning = new ArrayList<>(spec.selection().reasoning());
        reasoning.addAll(p.notes());
        return new Recommendation(symbol, side.name(), spec.totalQuantity().doubleValue(), urgency.name(),
                spec.algorithm().name(), params, p.conditions(), reasoning, now);
    }

    /** The request's duration, or the configured default (scaled by urgency for adaptive routing), within 1 s … 1 day. */
    static long durationMs(ExecuteRequest r, RoutingSettings s) {
        if (r.durationSeconds() != null) {
            return r.durationSeconds() * 1000L;
        }
        long base = s.defaultDuration().toMillis();
        if (r.algorithm() == Algorithm.ADAPTIVE) {
            base = Math.round(base * r.urgency().durationFactor());
        }
        return Math.max(1000L, Math.min(base, RoutingSettings.MAX_DURATION_SECONDS * 1000L));
    }

    /** The iceberg's visible quantity: the fraction of the total, at least one sendable order, at most the total. */
    static BigDecimal visible(SymbolRules rules, SymbolRules.Lot lot, BigDecimal total, double fraction, double price) {
        BigDecimal v = SymbolRules.roundDown(total.multiply(BigDecimal.valueOf(fraction)), lot);
        v = v.max(rules.minimumQuantity(price, lot));
        if (lot.maxQty() != null) {
            v = v.min(lot.maxQty());
        }
        return SymbolRules.strip(v.min(total));
    }

    /** The price a passive order on {@code side} rests at: the best bid for a buy, the best ask for a sell. */
    static double touch(OrderBook book, Side side) {
        return side == Side.BUY ? book.bestBid() : book.bestAsk();
    }

    private static BigDecimal limitPrice(SymbolRules rules, Side side, BigDecimal price) {
        SymbolInfo info = rules.info();
        BigDecimal p = rules.passivePrice(side, price.doubleValue());
        if (p.signum() <= 0 || (info.minPrice() != null && info.minPrice().signum() > 0 && p.compareTo(info.minPrice()) < 0)) {
            throw priceRefusal(rules, "limit price " + SymbolRules.plain(price) + " is below PRICE_FILTER minPrice "
                    + SymbolRules.plain(info.minPrice()) + " for " + info.symbol(), price);
        }
        if (info.maxPrice() != null && info.maxPrice().signum() > 0 && p.compareTo(info.maxPrice()) > 0) {
            throw priceRefusal(rules, "limit price " + SymbolRules.plain(price) + " is above PRICE_FILTER maxPrice "
                    + SymbolRules.plain(info.maxPrice()) + " for " + info.symbol(), price);
        }
        return p;
    }

    private static IntelException priceRefusal(SymbolRules rules, String message, BigDecimal price) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parameter", "limit_price");
        details.put("rule", "PRICE_FILTER");
        details.put("symbol", rules.symbol());
        details.put("value", SymbolRules.plain(price));
        return new IntelException(ErrorCode.INVALID_PARAMETER, message, details);
    }

    /** A stable seed from the execution id. */
    static long seedOf(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        return h;
    }
}
