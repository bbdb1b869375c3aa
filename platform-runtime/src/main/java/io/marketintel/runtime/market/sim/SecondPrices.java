package io.marketintel.runtime.market.sim;

/**
 * Prices of one symbol at consecutive one-second marks, as the paper exchange's trigger checks read them.
 *
 * @param firstTime time of element 0, ms; element {@code i} is at {@code firstTime + i} seconds
 * @param trade     last trade price at each mark
 * @param mark      mark price at each mark, or null when it was not asked for
 */
record SecondPrices(long firstTime, double[] trade, double[] mark) {

    /** Number of marks. */
    int size() {
        return trade.length;
    }

    /** Time of mark {@code i}, ms. */
    long time(int i) {
        return firstTime + i * Candles.SECOND;
    }
}
