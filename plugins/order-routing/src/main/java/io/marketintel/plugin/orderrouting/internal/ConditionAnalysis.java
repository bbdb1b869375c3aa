package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The market-condition analysis behind adaptive routing and {@code recommend}: spread, depth within a band, available
 * liquidity, the estimated impact of the whole order by walking the book, and volatility from recent klines; then the
 * choice of an algorithm, with the reasons. Pure functions.
 *
 * <p>The choice, first rule that applies:
 * <ol>
 *   <li>the order is too small to cut into two sendable slices (minQty / MIN_NOTIONAL) → MARKET;</li>
 *   <li>the book read cannot fill the order → TWAP (let the book refill between slices);</li>
 *   <li>impact ≤ {@code adaptive_impact_bps} × urgency share (LOW ¼, NORMAL ½, HIGH 1) and spread ≤
 *   {@code adaptive_spread_bps} → MARKET (cheap enough to take at once);</li>
 *   <li>volatility &gt; {@code adaptive_volatility_bps} → TWAP (resting quotes would be run over or chased);</li>
 *   <li>spread &gt; {@code adaptive_spread_bps} and urgency not HIGH → ICEBERG (rest at the touch, earn the spread,
 *   hide the size);</li>
 *   <li>impact &gt; {@code adaptive_impact_bps} → TWAP (slice it so the book can refill);</li>
 *   <li>otherwise LOW urgency → ICEBERG, else TWAP.</li>
 * </ol>
 */
final class ConditionAnalysis {

    private ConditionAnalysis() {
    }

    /** The conditions an order of {@code quantity} on {@code side} meets in {@code book} (klines: closed 1m, oldest first). */
    static MarketConditions conditions(OrderBook book, List<Kline> closedKlines, Side side, BigDecimal quantity,
                                       RoutingSettings s) {
        double mid = book.mid();
        double band = s.depthBandPct();
        double bidDepth = BookMath.depthWithin(book.bids(), mid, band);
        double askDepth = BookMath.depthWithin(book.asks(), mid, band);
        double available = side == Side.BUY ? askDepth : bidDepth;
        BookMath.Walk walk = BookMath.walk(book, side, quantity, null);
        double vwap = walk.vwap();
        double vol = BookMath.volatilityBps(closedKlines);
        int levels = Math.max(book.bids().size(), book.asks().size());
        return new MarketConditions(
                book.bestBid(),
                book.bestAsk(),
                mid,
                BookMath.round(BookMath.spreadBps(book), 4),
                band,
                BookMath.round(bidDepth, 8),
                BookMath.round(askDepth, 8),
                BookMath.round(available, 8),
                available > 0 ? BookMath.round(quantity.doubleValue() / available * 100.0, 4) : Double.NaN,
                BookMath.round(quantity.doubleValue() * mid, 8),
                BookMath.round(vwap, 8),
                BookMath.round(BookMath.costBps(side, mid, vwap), 4),
                walk.worstPrice(),
                walk.levels(),
                walk.exhausted(),
                levels,
                Double.isNaN(vol) ? null : BookMath.round(vol, 4),
                Math.max(0, closedKlines.size()));
    }

    /** An algorithm and why. */
    record Choice(Algorithm algorithm, List<String> reasoning) {
    }

    /**
     * Chooses the algorithm for the conditions.
     *
     * @param quantity        the order's quantity
     * @param minimumQuantity the smallest sendable order (minQty and MIN_NOTIONAL at the mid)
     */
    static Choice choose(MarketConditions c, Urgency urgency, RoutingSettings s, BigDecimal quantity,
                         BigDecimal minimumQuantity) {
        List<String> why = new ArrayList<>();
        double marketImpact = s.adaptiveImpactBps() * urgency.marketImpactShare();
        why.add(String.format(Locale.ROOT, "spread %s bps (threshold %s), estimated impact of the whole order %s bps"
                        + " walking %d level%s to %s (threshold %s), %s%% of the liquidity within ±%s%% of the mid,"
                        + " 1m volatility %s",
                num(c.spreadBps()), num(s.adaptiveSpreadBps()), num(c.estimatedImpactBps()), c.levelsConsumed(),
                c.levelsConsumed() == 1 ? "" : "s", num(c.worstPrice()), num(s.adaptiveImpactBps()),
                num(c.liquidityUsedPct()), num(c.depthBandPct()),
                c.volatilityBps() == null ? "unknown (too few klines)" : num(c.volatilityBps()) + " bps (threshold "
                        + num(s.adaptiveVolatilityBps()) + ")"));
        if (quantity.compareTo(minimumQuantity.multiply(BigDecimal.valueOf(2))) < 0) {
            why.add("MARKET: " + SymbolRules.plain(quantity) + " is less than two sendable orders of "
                    + SymbolRules.plain(minimumQuantity) + " (minQty / MIN_NOTIONAL): too small to slice");
            return new Choice(Algorithm.MARKET, why);
        }
        if (c.bookExhausted()) {
            why.add("TWAP: the " + c.bookLevels() + " levels read cannot fill the order at once; slices let the book"
                    + " refill between them");
            return new Choice(Algorithm.TWAP, why);
        }
        if (c.estimatedImpactBps() <= marketImpact && c.spreadBps() <= s.adaptiveSpreadBps()) {
            why.add("MARKET: impact " + num(c.estimatedImpactBps()) + " bps is within " + num(marketImpact) + " bps ("
                    + urgency + " urgency allows " + share(urgency) + " of " + num(s.adaptiveImpactBps())
                    + ") and the spread is tight: cheaper to take it at once than to carry timing risk");
            return new Choice(Algorithm.MARKET, why);
        }
        if (c.volatilityBps() != null && c.volatilityBps() > s.adaptiveVolatilityBps()) {
            why.add("TWAP: volatility " + num(c.volatilityBps()) + " bps > " + num(s.adaptiveVolatilityBps())
                    + " bps: resting quotes would be run over or chased; time slices average the price");
            return new Choice(Algorithm.TWAP, why);
        }
        if (c.spreadBps() > s.adaptiveSpreadBps() && urgency != Urgency.HIGH) {
            why.add("ICEBERG: spread " + num(c.spreadBps()) + " bps > " + num(s.adaptiveSpreadBps())
                    + " bps: resting at the touch saves crossing it and hides the size");
            return new Choice(Algorithm.ICEBERG, why);
        }
        if (c.estimatedImpactBps() > s.adaptiveImpactBps()) {
            why.add("TWAP: impact " + num(c.estimatedImpactBps()) + " bps > " + num(s.adaptiveImpactBps())
                    + " bps: slicing over time lets the book refill");
            return new Choice(Algorithm.TWAP, why);
        }
        if (urgency == Urgency.LOW) {
            why.add("ICEBERG: moderate impact (" + num(c.estimatedImpactBps()) + " bps) and LOW urgency: work it"
                    + " passively at the touch");
            return new Choice(Algorithm.ICEBERG, why);
        }
        why.add("TWAP: moderate impact (" + num(c.estimatedImpactBps()) + " bps > " + num(marketImpact)
                + " bps allowed for one market order at " + urgency + " urgency): spread it over time");
        return new Choice(Algorithm.TWAP, why);
    }

    private static String share(Urgency u) {
        return switch (u) {
            case LOW -> "1/4";
            case NORMAL -> "1/2";
            case HIGH -> "all";
        };
    }

    /** A number for reasoning lines: at most four decimals, no trailing zeros. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
