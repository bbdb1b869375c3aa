package io.marketintel.api.market;

import java.util.List;

/**
 * One candle, as {@code /fapi/v1/klines} sends it.
 *
 * @param openTime            open time, ms
 * @param open                first trade price
 * @param high                highest trade price
 * @param low                 lowest trade price
 * @param close               last trade price (the latest price while the candle is forming)
 * @param volume              base-asset volume
 * @param closeTime           open time + interval − 1 ms
 * @param quoteVolume         quote-asset volume
 * @param trades              number of trades
 * @param takerBuyBaseVolume  base volume bought by takers
 * @param takerBuyQuoteVolume quote volume bought by takers
 */
public record Kline(
        long openTime,
        double open,
        double high,
        double low,
        double close,
        double volume,
        long closeTime,
        double quoteVolume,
        long trades,
        double takerBuyBaseVolume,
        double takerBuyQuoteVolume) {

    /** Whether the candle had closed at {@code now} (a forming candle has {@code closeTime >= now}). */
    public boolean isClosedAt(long now) {
        return closeTime < now;
    }

    /** Close prices of {@code klines} in order. */
    public static double[] closes(List<Kline> klines) {
        double[] out = new double[klines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = klines.get(i).close();
        }
        return out;
    }

    /** High prices of {@code klines} in order. */
    public static double[] highs(List<Kline> klines) {
        double[] out = new double[klines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = klines.get(i).high();
        }
        return out;
    }

    /** Low prices of {@code klines} in order. */
    public static double[] lows(List<Kline> klines) {
        double[] out = new double[klines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = klines.get(i).low();
        }
        return out;
    }

    /** Volumes of {@code klines} in order. */
    public static double[] volumes(List<Kline> klines) {
        double[] out = new double[klines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = klines.get(i).volume();
        }
        return out;
    }
}
