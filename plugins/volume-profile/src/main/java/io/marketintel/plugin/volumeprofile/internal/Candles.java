package io.marketintel.plugin.volumeprofile.internal;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.MarketData;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetching the newest closed candles plus the forming one, in one request when Binance's limit allows and in
 * pages of {@value #MAX_LIMIT} by open time otherwise.
 */
final class Candles {

    /** Most klines Binance answers per request. */
    static final int MAX_LIMIT = 1500;

    private Candles() {
    }

    /**
     * The newest candles of a market split at {@code now}.
     *
     * @param closed  the newest closed candles (close time before {@code now}), oldest first, at most the number asked
     * @param forming the candle still forming at {@code now}, or null when the market returned none
     */
    record Split(List<Kline> closed, Kline forming) {

        Split {
            closed = List.copyOf(closed);
        }

        /** The last traded price: the forming candle's close, else the newest closed candle's close, else NaN. */
        double lastPrice() {
            if (forming != null) {
                return forming.close();
            }
            return closed.isEmpty() ? Double.NaN : closed.get(closed.size() - 1).close();
        }
    }

    /**
     * Asks for the newest {@code closed} closed candles and the forming one: {@code klines(symbol, interval,
     * closed + 1)} when that is within {@value #MAX_LIMIT}, else range requests covering the open times
     * {@code [open of the forming candle − closed · interval, open of the forming candle]}, in parallel.
     */
    static Future<List<Kline>> fetch(MarketData md, String symbol, Interval interval, int closed, long now) {
        int wanted = closed + 1;
        if (wanted <= MAX_LIMIT) {
            return md.klines(symbol, interval, wanted);
        }
        long step = interval.millis();
        long formingOpen = interval.openTimeOf(now);
        long firstOpen = formingOpen - closed * step;
        List<Future<List<Kline>>> pages = new ArrayList<>();
        for (long start = firstOpen; start <= formingOpen; start += MAX_LIMIT * step) {
            long end = Math.min(start + MAX_LIMIT * step - 1, formingOpen);
            pages.add(md.klines(symbol, interval, start, end, MAX_LIMIT));
        }
        return Future.all(pages).map(all -> {
            List<Kline> out = new ArrayList<>();
            long last = Long.MIN_VALUE;
            for (Future<List<Kline>> page : pages) {
                for (Kline k : page.result()) {
                    if (k.openTime() > last) {       // pages are disjoint; this also drops any repeat
                        out.add(k);
                        last = k.openTime();
                    }
                }
            }
            return out;
        });
    }

    /**
     * Splits {@code klines} (oldest first) at {@code now}: a candle whose close time is at or after {@code now} is
     * forming and never enters a profile; of the closed ones the newest {@code closed} are kept.
     */
    static Split split(List<Kline> klines, long now, int closed) {
        List<Kline> done = new ArrayList<>(klines.size());
        Kline forming = null;
        for (Kline k : klines) {
            if (k.isClosedAt(now)) {
                done.add(k);
            } else if (forming == null || k.openTime() > forming.openTime()) {
                forming = k;
            }
        }
        List<Kline> newest = done.subList(Math.max(0, done.size() - closed), done.size());
        return new Split(newest, forming);
    }
}
