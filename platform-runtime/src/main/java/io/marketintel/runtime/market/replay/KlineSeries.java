package io.marketintel.runtime.market.replay;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Candles of one symbol and interval as primitive columns, sorted by open time without duplicates.
 * Immutable once built; lookups are binary searches.
 *
 * <p>Columns a file does not provide hold NaN (quote volume, taker-buy volumes) or 0 (trade count).
 */
final class KlineSeries {

    final Interval interval;
    /** The stored interval this one was aggregated from, or null when read from files. */
    final Interval source;
    final int size;
    final long[] openTime;
    final long[] closeTime;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final double[] quoteVolume;
    final long[] trades;
    final double[] takerBase;
    final double[] takerQuote;
    final List<ReplayGap> gaps;
    final long missing;

    private KlineSeries(Interval interval, Interval source, int size, long[] openTime, long[] closeTime, double[] open,
                        double[] high, double[] low, double[] close, double[] volume, double[] quoteVolume,
                        long[] trades, double[] takerBase, double[] takerQuote) {
        this.interval = interval;
        this.source = source;
        this.size = size;
        this.openTime = openTime;
        this.closeTime = closeTime;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.quoteVolume = quoteVolume;
        this.trades = trades;
        this.takerBase = takerBase;
        this.takerQuote = takerQuote;
        List<ReplayGap> found = new ArrayList<>();
        long missed = 0;
        long step = interval.millis();
        for (int i = 1; i < size; i++) {
            long diff = openTime[i] - openTime[i - 1];
            if (diff > step) {
                long n = diff / step - 1;
                found.add(new ReplayGap(openTime[i - 1] + step, openTime[i], n));
                missed += n;
            }
        }
        this.gaps = List.copyOf(found);
        this.missing = missed;
    }

    /** Open time of the first candle (size > 0). */
    long first() {
        return openTime[0];
    }

    /** Open time of the last candle (size > 0). */
    long last() {
        return openTime[size - 1];
    }

    /**
     * Number of leading candles whose whole interval has elapsed at {@code now} (open time + interval ≤ now,
     * i.e. close time &lt; now): the candles replay may show. A forming candle is never shown.
     */
    int closedCount(long now) {
        return upperBound(now - interval.millis());
    }

    /** Index of the first candle with open time ≥ {@code time}. */
    int lowerBound(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (openTime[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of candles with open time ≤ {@code time}. */
    int upperBound(long time) {
        return time == Long.MAX_VALUE ? size : lowerBound(time + 1);
    }

    Kline kline(int i) {
        return new Kline(openTime[i], open[i], high[i], low[i], close[i], volume[i], closeTime[i], quoteVolume[i],
                trades[i], takerBase[i], takerQuote[i]);
    }

    /** Candles {@code [from, to)} as records. */
    List<Kline> klines(int from, int to) {
        List<Kline> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            out.add(kline(i));
        }
        return out;
    }

    /** Whether {@code target} can be aggregated from this interval exactly (whole candles per bucket). */
    static boolean divides(Interval smaller, Interval target) {
        if (smaller.millis() >= target.millis() || target.millis() % smaller.millis() != 0) {
            return false;
        }
        // weekly buckets open on Mondays: the smaller candles must not straddle a Monday 00:00 UTC
        return target != Interval.W1 || 86_400_000L % smaller.millis() == 0;
    }

    /**
     * The exact aggregate of {@code src} into {@code target} buckets ({@link Interval#openTimeOf(long)}, so
     * weekly candles open on Mondays): open of the first, close of the last, max high, min low, sums of
     * volumes and counts. A bucket is produced only when every constituent candle exists; an incomplete
     * bucket is left out (never fabricated) and shows as a gap of the aggregate when it lies between
     * produced buckets. Incomplete buckets at the very start or end of the data are outside the series.
     */
    static KlineSeries aggregate(KlineSeries src, Interval target) {
        if (!divides(src.interval, target)) {
            throw new IllegalArgumentException(target.code() + " cannot be aggregated from " + src.interval.code());
        }
        int need = (int) (target.millis() / src.interval.millis());
        int cap = src.size / need + 1;
        Builder b = new Builder(cap);
        int i = 0;
        while (i < src.size) {
            long bucket = target.openTimeOf(src.openTime[i]);
            int j = i;
            while (j < src.size && target.openTimeOf(src.openTime[j]) == bucket) {
                j++;
            }
            if (j - i == need) {
                double h = src.high[i];
                double l = src.low[i];
                double v = 0;
                double qv = 0;
                long n = 0;
                double tb = 0;
                double tq = 0;
                for (int k = i; k < j; k++) {
                    h = Math.max(h, src.high[k]);
                    l = Math.min(l, src.low[k]);
                    v += src.volume[k];
                    qv += src.quoteVolume[k];
                    n += src.trades[k];
                    tb += src.takerBase[k];
                    tq += src.takerQuote[k];
                }
                b.add(bucket, src.open[i], h, l, src.close[j - 1], v, bucket + target.millis() - 1, qv, n, tb, tq);
            }
            i = j;
        }
        return b.build(target, src.interval);
    }

    /** Growable columns; {@link #build} sorts by open time and drops duplicates (the first read wins). */
    static final class Builder {
        private int size;
        private long[] openTime;
        private long[] closeTime;
        private double[] open;
        private double[] high;
        private double[] low;
        private double[] close;
        private double[] volume;
        private double[] quoteVolume;
        private long[] trades;
        private double[] takerBase;
        private double[] takerQuote;
        /** Rows dropped because another row had the same open time. */
        int duplicates;

        Builder(int capacity) {
            int c = Math.max(16, capacity);
            openTime = new long[c];
            closeTime = new long[c];
            open = new double[c];
            high = new double[c];
            low = new double[c];
            close = new double[c];
            volume = new double[c];
            quoteVolume = new double[c];
            trades = new long[c];
            takerBase = new double[c];
            takerQuote = new double[c];
        }

        int size() {
            return size;
        }

        void add(long ot, double o, double h, double l, double c, double v, long ct, double qv, long n, double tb,
                 double tq) {
            if (size == openTime.length) {
                int cap = size + (size >> 1) + 16;
                openTime = Arrays.copyOf(openTime, cap);
                closeTime = Arrays.copyOf(closeTime, cap);
                open = Arrays.copyOf(open, cap);
                high = Arrays.copyOf(high, cap);
                low = Arrays.copyOf(low, cap);
                close = Arrays.copyOf(close, cap);
                volume = Arrays.copyOf(volume, cap);
                quoteVolume = Arrays.copyOf(quoteVolume, cap);
                trades = Arrays.copyOf(trades, cap);
                takerBase = Arrays.copyOf(takerBase, cap);
                takerQuote = Arrays.copyOf(takerQuote, cap);
            }
            openTime[size] = ot;
            closeTime[size] = ct;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            quoteVolume[size] = qv;
            trades[size] = n;
            takerBase[size] = tb;
            takerQuote[size] = tq;
            size++;
        }

        KlineSeries build(Interval interval, Interval source) {
            int[] order = sortedOrder();
            int n = 0;
            long[] ot = new long[size];
            long[] ct = new long[size];
            double[] o = new double[size];
            double[] h = new double[size];
            double[] l = new double[size];
            double[] c = new double[size];
            double[] v = new double[size];
            double[] qv = new double[size];
            long[] tr = new long[size];
            double[] tb = new double[size];
            double[] tq = new double[size];
            for (int k = 0; k < size; k++) {
                int i = order == null ? k : order[k];
                if (n > 0 && ot[n - 1] == openTime[i]) {
                    duplicates++;
                    continue;
                }
                ot[n] = openTime[i];
                ct[n] = closeTime[i];
                o[n] = open[i];
                h[n] = high[i];
                l[n] = low[i];
                c[n] = close[i];
                v[n] = volume[i];
                qv[n] = quoteVolume[i];
                tr[n] = trades[i];
                tb[n] = takerBase[i];
                tq[n] = takerQuote[i];
                n++;
            }
            if (n < size) {
                ot = Arrays.copyOf(ot, n);
                ct = Arrays.copyOf(ct, n);
                o = Arrays.copyOf(o, n);
                h = Arrays.copyOf(h, n);
                l = Arrays.copyOf(l, n);
                c = Arrays.copyOf(c, n);
                v = Arrays.copyOf(v, n);
                qv = Arrays.copyOf(qv, n);
                tr = Arrays.copyOf(tr, n);
                tb = Arrays.copyOf(tb, n);
                tq = Arrays.copyOf(tq, n);
            }
            return new KlineSeries(interval, source, n, ot, ct, o, h, l, c, v, qv, tr, tb, tq);
        }

        /** A stable ascending order of the rows by open time, or null when they are already in order. */
        private int[] sortedOrder() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = openTime[i - 1] <= openTime[i];
            }
            if (sorted) {
                return null;
            }
            return Sorting.stableOrder(openTime, size);
        }
    }
}
