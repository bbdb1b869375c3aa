package io.marketintel.plugin.orderbook.internal;

/**
 * The whale walls of one snapshot: per side the mean level quantity, the threshold {@code k × mean} and the
 * indices (into the snapshot's arrays, in book order) of the levels that reach it. See {@link BookMath} for the
 * rule.
 */
final class DetectedWalls {

    final double multiplier;
    final double bidMean;
    final double askMean;
    final int[] bidIdx;
    final int bidCount;
    final int[] askIdx;
    final int askCount;

    private DetectedWalls(double multiplier, double bidMean, double askMean, int[] bidIdx, int bidCount,
                          int[] askIdx, int askCount) {
        this.multiplier = multiplier;
        this.bidMean = bidMean;
        this.askMean = askMean;
        this.bidIdx = bidIdx;
        this.bidCount = bidCount;
        this.askIdx = askIdx;
        this.askCount = askCount;
    }

    /**
     * Finds the walls of {@code book}: levels with {@code quantity ≥ multiplier × mean}, the mean taken over all
     * analysed levels of the same side (the walls themselves included).
     */
    static DetectedWalls detect(BookSnapshot book, double multiplier) {
        double bidMean = BookMath.mean(book.bidQty, book.bidCount);
        double askMean = BookMath.mean(book.askQty, book.askCount);
        int[] bidIdx = new int[book.bidCount];
        int[] askIdx = new int[book.askCount];
        int nb = BookMath.wallIndices(book.bidQty, book.bidCount, multiplier * bidMean, bidIdx);
        int na = BookMath.wallIndices(book.askQty, book.askCount, multiplier * askMean, askIdx);
        return new DetectedWalls(multiplier, bidMean, askMean, bidIdx, nb, askIdx, na);
    }

    double mean(BookSide side) {
        return side == BookSide.BID ? bidMean : askMean;
    }

    /** The wall threshold of {@code side}: {@code multiplier × mean}. */
    double threshold(BookSide side) {
        return multiplier * mean(side);
    }

    int[] indices(BookSide side) {
        return side == BookSide.BID ? bidIdx : askIdx;
    }

    int count(BookSide side) {
        return side == BookSide.BID ? bidCount : askCount;
    }

    /** Whether a wall of {@code side} sits at exactly {@code price}. */
    boolean hasWallAt(BookSnapshot book, BookSide side, double price) {
        double[] prices = book.prices(side);
        int[] idx = indices(side);
        int n = count(side);
        for (int i = 0; i < n; i++) {
            if (prices[idx[i]] == price) {
                return true;
            }
        }
        return false;
    }
}
