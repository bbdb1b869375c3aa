package io.marketintel.plugin.orderbook.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import java.util.List;
import java.util.Map;

/**
 * One order book snapshot as flat arrays, the form every kernel in {@link BookMath} and
 * {@link OrderBookAnalysis} works on: at most {@code depthLimit} levels per side in the order the market sent
 * them (best first), levels with a non-finite or non-positive price or quantity left out.
 *
 * <p>The arrays are owned by the snapshot and never handed out to callers outside this package.
 */
final class BookSnapshot {

    final String symbol;
    final long lastUpdateId;
    /** Time of the book: the matching-engine time, else the message time, else the clock's. */
    final long time;
    final int depthLimit;
    final double[] bidPrices;
    final double[] bidQty;
    final int bidCount;
    final double[] askPrices;
    final double[] askQty;
    final int askCount;

    private BookSnapshot(String symbol, long lastUpdateId, long time, int depthLimit, double[] bidPrices,
                         double[] bidQty, int bidCount, double[] askPrices, double[] askQty, int askCount) {
        this.symbol = symbol;
        this.lastUpdateId = lastUpdateId;
        this.time = time;
        this.depthLimit = depthLimit;
        this.bidPrices = bidPrices;
        this.bidQty = bidQty;
        this.bidCount = bidCount;
        this.askPrices = askPrices;
        this.askQty = askQty;
        this.askCount = askCount;
    }

    /**
     * Flattens {@code book}.
     *
     * @param book       the market's snapshot, bids best (highest) first, asks best (lowest) first
     * @param depthLimit levels per side to keep at most
     * @param nowMillis  the time used when the book carries neither a transaction nor an event time
     * @throws IntelException {@code UPSTREAM_ERROR} when a side is empty or the book is crossed (best bid at or
     *                        above best ask): there is no price to analyse around
     */
    static BookSnapshot of(OrderBook book, int depthLimit, long nowMillis) {
        int nb = Math.min(book.bids().size(), depthLimit);
        int na = Math.min(book.asks().size(), depthLimit);
        double[] bp = new double[nb];
        double[] bq = new double[nb];
        double[] ap = new double[na];
        double[] aq = new double[na];
        int bidCount = copy(book.bids(), nb, bp, bq);
        int askCount = copy(book.asks(), na, ap, aq);
        if (bidCount == 0 || askCount == 0) {
            throw new IntelException(ErrorCode.UPSTREAM_ERROR, "order book of [" + book.symbol() + "] has no "
                    + (bidCount == 0 && askCount == 0 ? "bids and no asks" : bidCount == 0 ? "bids" : "asks")
                    + "; there is no price to analyse around", Map.of("symbol", book.symbol()));
        }
        if (bp[0] >= ap[0]) {
            throw new IntelException(ErrorCode.UPSTREAM_ERROR, "order book of [" + book.symbol()
                    + "] is crossed: best bid " + bp[0] + " is not below best ask " + ap[0],
                    Map.of("symbol", book.symbol()));
        }
        long time = book.transactionTime() > 0 ? book.transactionTime()
                : book.eventTime() > 0 ? book.eventTime() : nowMillis;
        return new BookSnapshot(book.symbol(), book.lastUpdateId(), time, depthLimit, bp, bq, bidCount, ap, aq,
                askCount);
    }

    /** Copies the valid levels among the first {@code n}; returns how many were valid. */
    private static int copy(List<PriceLevel> levels, int n, double[] prices, double[] qty) {
        int out = 0;
        for (int i = 0; i < n; i++) {
            PriceLevel l = levels.get(i);
            double p = l.price();
            double q = l.quantity();
            if (p > 0 && q > 0 && Double.isFinite(p) && Double.isFinite(q)) {
                prices[out] = p;
                qty[out] = q;
                out++;
            }
        }
        return out;
    }

    double bestBid() {
        return bidPrices[0];
    }

    double bestAsk() {
        return askPrices[0];
    }

    /** Mid price between best bid and best ask. */
    double mid() {
        return (bidPrices[0] + askPrices[0]) / 2.0;
    }

    /** The deepest bid analysed (the lowest price in view). */
    double lowestBid() {
        double min = bidPrices[0];
        for (int i = 1; i < bidCount; i++) {
            min = Math.min(min, bidPrices[i]);
        }
        return min;
    }

    /** The deepest ask analysed (the highest price in view). */
    double highestAsk() {
        double max = askPrices[0];
        for (int i = 1; i < askCount; i++) {
            max = Math.max(max, askPrices[i]);
        }
        return max;
    }

    double[] prices(BookSide side) {
        return side == BookSide.BID ? bidPrices : askPrices;
    }

    double[] quantities(BookSide side) {
        return side == BookSide.BID ? bidQty : askQty;
    }

    int count(BookSide side) {
        return side == BookSide.BID ? bidCount : askCount;
    }

    /** Total levels analysed, both sides. */
    int levels() {
        return bidCount + askCount;
    }

    /**
     * The quantity resting at exactly {@code price} on {@code side}, 0 when no level has that price.
     */
    double quantityAt(BookSide side, double price) {
        double[] p = prices(side);
        double[] q = quantities(side);
        int n = count(side);
        for (int i = 0; i < n; i++) {
            if (p[i] == price) {
                return q[i];
            }
        }
        return 0;
    }
}
