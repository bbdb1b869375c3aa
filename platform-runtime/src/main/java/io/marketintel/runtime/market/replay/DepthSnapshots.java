package io.marketintel.runtime.market.replay;

import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import java.util.ArrayList;
import java.util.List;

/** Recorded {@code /fapi/v1/depth} snapshots of one symbol, sorted by time, levels as primitive arrays. */
final class DepthSnapshots {

    /** One snapshot: {@code time} is its {@code T} (else {@code E}, else the time in the file name). */
    record Snapshot(long time, long lastUpdateId, long eventTime, long transactionTime, double[] bidPrice,
                    double[] bidQty, double[] askPrice, double[] askQty, String file) {
    }

    final int size;
    final long[] time;
    final Snapshot[] snapshots;

    DepthSnapshots(List<Snapshot> list) {
        List<Snapshot> sorted = new ArrayList<>(list);
        sorted.sort((a, b) -> Long.compare(a.time(), b.time()));
        this.size = sorted.size();
        this.snapshots = sorted.toArray(new Snapshot[0]);
        this.time = new long[size];
        for (int i = 0; i < size; i++) {
            time[i] = snapshots[i].time();
        }
    }

    /** Index of the latest snapshot at or before {@code now}, or -1. */
    int latest(long now) {
        return MetricsSeries.upperBound(time, size, now) - 1;
    }

    /** Snapshot {@code i} as an order book of at most {@code limit} levels per side. */
    OrderBook book(String symbol, int i, int limit) {
        Snapshot s = snapshots[i];
        return new OrderBook(symbol, s.lastUpdateId(), s.eventTime(), s.transactionTime(),
                levels(s.bidPrice(), s.bidQty(), limit), levels(s.askPrice(), s.askQty(), limit));
    }

    private static List<PriceLevel> levels(double[] price, double[] qty, int limit) {
        int n = Math.min(limit, price.length);
        List<PriceLevel> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new PriceLevel(price[i], qty[i]));
        }
        return out;
    }
}
