package io.marketintel.runtime.market.sim;

/**
 * The sixty one-minute candles of one hour. A block in the cache is immutable once built (arrays are
 * never written after publication and never handed out); a scratch block is refilled hour after hour
 * while memoising hour aggregates.
 */
final class MinuteBlock {
    static final int MINUTES = 60;

    int hour;
    /** Log prices at the 61 minute boundaries (node 0 = hour open, node 60 = hour close). */
    final double[] node = new double[MINUTES + 1];
    /** Scratch for the bridge's raw steps. */
    final double[] step = new double[MINUTES];
    double sigmaMinute;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final double[] quoteVolume;
    final long[] trades;
    final double[] takerBuyBase;
    final double[] takerBuyQuote;

    MinuteBlock() {
        this.open = new double[MINUTES];
        this.high = new double[MINUTES];
        this.low = new double[MINUTES];
        this.close = new double[MINUTES];
        this.volume = new double[MINUTES];
        this.quoteVolume = new double[MINUTES];
        this.trades = new long[MINUTES];
        this.takerBuyBase = new double[MINUTES];
        this.takerBuyQuote = new double[MINUTES];
    }

    void addMinute(int m, Agg acc) {
        acc.add(open[m], high[m], low[m], close[m], volume[m], quoteVolume[m], trades[m], takerBuyBase[m],
                takerBuyQuote[m]);
    }

    void addAll(Agg acc) {
        for (int m = 0; m < MINUTES; m++) {
            addMinute(m, acc);
        }
    }
}
