package io.marketintel.plugin.correlation.internal;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import java.util.Arrays;
import java.util.List;

/**
 * Aligns the closes of several symbols on their common candle open times.
 *
 * <p>Only closed candles ({@link Kline#isClosedAt(long)}) with a finite, positive close take part. The open times
 * of all symbols are merged in one k-way walk over sorted {@code long[]} arrays — O(k × distinct open times), i.e.
 * O(total bars) when the symbols mostly agree, with no boxing. An open time that every symbol has is kept; an open
 * time that at least one symbol lacks is <em>dropped</em> for all and counted ({@link Aligned#droppedTimestamps}),
 * and each symbol that lacks it gets one {@link Aligned#missing} count. Open times no symbol has (an exchange-wide
 * outage) are not seen at all: the return across them spans more than one interval and is counted in
 * {@link Aligned#gapReturns}.
 */
final class Alignment {

    private Alignment() {
    }

    /**
     * @param klines one list per symbol, oldest first as Binance answers (an unsorted list is sorted; for a
     *               repeated open time the later element wins)
     * @param interval the klines' interval (to recognise returns that span a gap)
     * @param now    the current time, ms: candles whose close time is not before it are still forming and left out
     * @return the aligned closes
     */
    static Aligned align(List<List<Kline>> klines, Interval interval, long now) {
        int k = klines.size();
        long[][] times = new long[k][];
        double[][] closes = new double[k][];
        int[] bars = new int[k];
        int cap = Integer.MAX_VALUE;
        for (int s = 0; s < k; s++) {
            List<Kline> list = klines.get(s);
            long[] t = new long[list.size()];
            double[] c = new double[list.size()];
            int n = 0;
            boolean sorted = true;
            for (Kline kl : list) {
                double close = kl.close();
                if (!kl.isClosedAt(now) || !(close > 0) || Double.isInfinite(close)) {
                    continue;
                }
                long open = kl.openTime();
                if (n > 0 && open <= t[n - 1]) {
                    if (open == t[n - 1]) {
                        c[n - 1] = close;           // a repeated candle: the later answer wins
                        continue;
                    }
                    sorted = false;
                }
                t[n] = open;
                c[n] = close;
                n++;
            }
            if (!sorted) {
                n = sortAndDedupe(t, c, n);
            }
            times[s] = t;
            closes[s] = c;
            bars[s] = n;
            cap = Math.min(cap, n);
        }
        if (k == 0) {
            cap = 0;
        }

        long[] commonTimes = new long[cap];
        double[][] aligned = new double[k][cap];
        int[] missing = new int[k];
        int[] p = new int[k];
        boolean[] has = new boolean[k];
        int m = 0;
        int seen = 0;
        int dropped = 0;
        while (true) {
            long t = Long.MAX_VALUE;
            boolean any = false;
            for (int s = 0; s < k; s++) {
                if (p[s] < bars[s]) {
                    long ts = times[s][p[s]];
                    if (!any || ts < t) {
                        t = ts;
                        any = true;
                    }
                }
            }
            if (!any) {
                break;
            }
            seen++;
            int present = 0;
            for (int s = 0; s < k; s++) {
                boolean h = p[s] < bars[s] && times[s][p[s]] == t;
                has[s] = h;
                if (h) {
                    present++;
                }
            }
            if (present == k) {
                for (int s = 0; s < k; s++) {
                    aligned[s][m] = closes[s][p[s]];
                    p[s]++;
                }
                commonTimes[m++] = t;
            } else {
                dropped++;
                for (int s = 0; s < k; s++) {
                    if (has[s]) {
                        p[s]++;
                    } else {
                        missing[s]++;
                    }
                }
            }
        }

        long step = interval.millis();
        int gapReturns = 0;
        for (int i = 1; i < m; i++) {
            if (commonTimes[i] - commonTimes[i - 1] != step) {
                gapReturns++;
            }
        }
        long[] first = new long[k];
        long[] last = new long[k];
        for (int s = 0; s < k; s++) {
            first[s] = bars[s] == 0 ? Long.MIN_VALUE : times[s][0];
            last[s] = bars[s] == 0 ? Long.MIN_VALUE : times[s][bars[s] - 1];
            if (m < cap) {
                aligned[s] = Arrays.copyOf(aligned[s], m);
            }
        }
        return new Aligned(m < cap ? Arrays.copyOf(commonTimes, m) : commonTimes, aligned, interval, seen, dropped,
                gapReturns, bars, missing, first, last);
    }

    /** The slow path for an unsorted answer: sort by open time, keep the last of equal open times. */
    private static int sortAndDedupe(long[] t, double[] c, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Stable sort: among equal open times the element received later stays later.
        Arrays.sort(order, (a, b) -> Long.compare(t[a], t[b]));
        long[] st = new long[n];
        double[] sc = new double[n];
        int out = 0;
        for (Integer i : order) {
            if (out > 0 && st[out - 1] == t[i]) {
                sc[out - 1] = c[i];
            } else {
                st[out] = t[i];
                sc[out] = c[i];
                out++;
            }
        }
        System.arraycopy(st, 0, t, 0, out);
        System.arraycopy(sc, 0, c, 0, out);
        return out;
    }

    /**
     * Closes of k symbols on their common open times.
     *
     * <p>Arrays are exposed for the kernels; nothing modifies them after construction.
     */
    static final class Aligned {
        /** Common open times, ascending, length {@code m}. */
        final long[] openTimes;
        /** {@code closes[s][i]}: close of symbol {@code s} at {@code openTimes[i]}. */
        final double[][] closes;
        /** The candles' interval. */
        final Interval interval;
        /** Distinct open times seen across all symbols (the union). */
        final int timestampsSeen;
        /** Open times dropped because at least one symbol lacked them. */
        final int droppedTimestamps;
        /** Returns between consecutive common open times more than one interval apart. */
        final int gapReturns;
        /** Usable (closed, positive) candles received per symbol. */
        final int[] bars;
        /** Per symbol: open times other symbols have and this one lacks. */
        final int[] missing;
        /** Per symbol: first and last usable open time, {@link Long#MIN_VALUE} without bars. */
        final long[] firstOpenTime;
        final long[] lastOpenTime;

        Aligned(long[] openTimes, double[][] closes, Interval interval, int timestampsSeen, int droppedTimestamps,
                int gapReturns, int[] bars, int[] missing, long[] firstOpenTime, long[] lastOpenTime) {
            this.openTimes = openTimes;
            this.closes = closes;
            this.interval = interval;
            this.timestampsSeen = timestampsSeen;
            this.droppedTimestamps = droppedTimestamps;
            this.gapReturns = gapReturns;
            this.bars = bars;
            this.missing = missing;
            this.firstOpenTime = firstOpenTime;
            this.lastOpenTime = lastOpenTime;
        }

        /** Number of common open times. */
        int length() {
            return openTimes.length;
        }

        /** Number of returns the common closes give ({@code length − 1}, at least 0). */
        int observations() {
            return Math.max(0, openTimes.length - 1);
        }

        /** Number of symbols. */
        int symbols() {
            return closes.length;
        }

        /** Close time of the last common candle (open + interval − 1 ms), or {@link Long#MIN_VALUE}. */
        long lastCloseTime() {
            return openTimes.length == 0 ? Long.MIN_VALUE : openTimes[openTimes.length - 1] + interval.millis() - 1;
        }
    }
}
