package io.marketintel.runtime.market.sim;

import io.marketintel.api.market.Kline;

/** A mutable candle accumulator: open of the first part, close of the last, extremes and sums. */
final class Agg {
    private boolean empty = true;
    double open;
    double high;
    double low;
    double close;
    double volume;
    double quoteVolume;
    long trades;
    double takerBuyBase;
    double takerBuyQuote;

    boolean isEmpty() {
        return empty;
    }

    void add(double o, double h, double l, double c, double v, double q, long n, double tb, double tq) {
        if (empty) {
            open = o;
            high = h;
            low = l;
            empty = false;
        } else {
            if (h > high) {
                high = h;
            }
            if (l < low) {
                low = l;
            }
        }
        close = c;
        volume += v;
        quoteVolume += q;
        trades += n;
        takerBuyBase += tb;
        takerBuyQuote += tq;
    }

    Kline toKline(long openTime, long closeTime) {
        return new Kline(openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBuyBase,
                takerBuyQuote);
    }
}
