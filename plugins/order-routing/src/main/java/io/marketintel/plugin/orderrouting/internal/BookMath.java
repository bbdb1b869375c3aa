package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Order book arithmetic: walking a side of the book for a quantity (what a market order would get), spread, depth
 * within a band around the mid, impact in basis points, and volatility from klines. Pure functions.
 */
final class BookMath {

    static final MathContext MC = MathContext.DECIMAL64;
    private static final double BPS = 10_000.0;

    private BookMath() {
    }

    /**
     * What walking one side of the book for a quantity gets.
     *
     * @param filled     base quantity the levels held (at most the quantity asked)
     * @param quote      quote amount paid or received for it
     * @param worstPrice the last level touched, NaN when nothing filled
     * @param levels     levels touched
     * @param exhausted  whether the levels (within the limit price) held less than the quantity
     */
    record Walk(BigDecimal filled, BigDecimal quote, double worstPrice, int levels, boolean exhausted) {

        /** Volume-weighted average price of the fill, NaN when nothing filled. */
        double vwap() {
            return filled.signum() == 0 ? Double.NaN : quote.divide(filled, MC).doubleValue();
        }
    }

    /**
     * Walks the side a {@code side} order takes (asks for a buy, bids for a sell), best level first.
     *
     * @param limit the worst price to take (a buy takes asks at or below it, a sell bids at or above), or null
     */
    static Walk walk(OrderBook book, Side side, BigDecimal quantity, BigDecimal limit) {
        List<PriceLevel> levels = side == Side.BUY ? book.asks() : book.bids();
        BigDecimal remaining = quantity;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        double worst = Double.NaN;
        int used = 0;
        for (PriceLevel level : levels) {
            if (remaining.signum() <= 0) {
                break;
            }
            if (limit != null) {
                int cmp = BigDecimal.valueOf(level.price()).compareTo(limit);
                if (side == Side.BUY ? cmp > 0 : cmp < 0) {
                    break;
                }
            }
            if (!(level.quantity() > 0)) {
                continue;
            }
            BigDecimal take = remaining.min(BigDecimal.valueOf(level.quantity()));
            filled = filled.add(take);
            quote = quote.add(take.multiply(BigDecimal.valueOf(level.price())));
            remaining = remaining.subtract(take);
            worst = level.price();
            used++;
        }
        return new Walk(filled, quote, worst, used, remaining.signum() > 0);
    }

    /** Spread in basis points of the mid, NaN for a one-sided book. */
    static double spreadBps(OrderBook book) {
        double mid = book.mid();
        return (book.bestAsk() - book.bestBid()) / mid * BPS;
    }

    /**
     * Signed cost of a fill at {@code price} against the {@code reference} price, in basis points: positive when a buy
     * pays more (a sell receives less) than the reference.
     */
    static double costBps(Side side, double reference, double price) {
        return side.sign() * (price - reference) / reference * BPS;
    }

    /** Base quantity resting on {@code levels} within ± {@code bandPct} % of {@code mid}. */
    static double depthWithin(List<PriceLevel> levels, double mid, double bandPct) {
        double lo = mid * (1 - bandPct / 100.0);
        double hi = mid * (1 + bandPct / 100.0);
        double sum = 0;
        for (PriceLevel level : levels) {
            if (level.price() >= lo && level.price() <= hi && level.quantity() > 0) {
                sum += level.quantity();
            }
        }
        return sum;
    }

    /**
     * Volatility of closes: the sample standard deviation of the log returns between consecutive klines, in basis
     * points; NaN with fewer than two returns.
     */
    static double volatilityBps(List<Kline> klines) {
        int n = klines.size() - 1;
        if (n < 2) {
            return Double.NaN;
        }
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = Math.log(klines.get(i + 1).close() / klines.get(i).close());
            mean += r[i];
        }
        mean /= n;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1)) * BPS;
    }

    /** {@code value} rounded to {@code decimals} places (for reports). */
    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
