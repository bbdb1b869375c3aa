package io.marketintel.runtime.market.replay;

import io.marketintel.api.market.Period;
import java.util.Arrays;

/**
 * The 5-minute rows of data.binance.vision {@code metrics} files of one symbol, as columns sorted by
 * time without duplicates, with an index per {@link Period}.
 *
 * <p>Column meaning (Binance's {@code /futures/data/*} statistics):
 * {@code sum_open_interest} (base asset) and {@code sum_open_interest_value} (quote asset) of
 * {@code openInterestHist}; {@code count_toptrader_long_short_ratio} = {@code topLongShortAccountRatio};
 * {@code sum_toptrader_long_short_ratio} = {@code topLongShortPositionRatio};
 * {@code count_long_short_ratio} = {@code globalLongShortAccountRatio};
 * {@code sum_taker_long_short_vol_ratio} = {@code takerlongshortRatio}'s {@code buySellRatio}. Empty cells
 * are NaN.
 */
final class MetricsSeries {

    final int size;
    final long[] time;
    final double[] openInterest;
    final double[] openInterestValue;
    final double[] topAccountRatio;
    final double[] topPositionRatio;
    final double[] globalAccountRatio;
    final double[] takerRatio;
    final int duplicates;
    /** Per period ordinal: indices of the first row of each period bucket (within its first 5 minutes). */
    private final int[][] byPeriod;

    private MetricsSeries(int size, long[] time, double[] oi, double[] oiv, double[] topAcc, double[] topPos,
                          double[] global, double[] taker, int duplicates) {
        this.size = size;
        this.time = time;
        this.openInterest = oi;
        this.openInterestValue = oiv;
        this.topAccountRatio = topAcc;
        this.topPositionRatio = topPos;
        this.globalAccountRatio = global;
        this.takerRatio = taker;
        this.duplicates = duplicates;
        this.byPeriod = new int[Period.values().length][];
        for (Period p : Period.values()) {
            int[] idx = new int[size];
            int n = 0;
            long lastBucket = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                long bucket = Math.floorDiv(time[i], p.millis());
                long offset = time[i] - bucket * p.millis();
                if (bucket != lastBucket && offset < Period.M5.millis()) {
                    idx[n++] = i;
                    lastBucket = bucket;
                }
            }
            byPeriod[p.ordinal()] = Arrays.copyOf(idx, n);
        }
    }

    /** Index of the latest row at or before {@code now}, or -1. */
    int latest(long now) {
        return upperBound(time, size, now) - 1;
    }

    /**
     * Row indices of {@code period}'s points at or before {@code now}, the latest {@code limit}, oldest first.
     * A period's point is the first 5-minute row of each period bucket (the row at the bucket's start).
     */
    int[] points(Period period, long now, int limit) {
        int[] idx = byPeriod[period.ordinal()];
        int lo = 0;
        int hi = idx.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[idx[mid]] <= now) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int from = Math.max(0, lo - limit);
        return Arrays.copyOfRange(idx, from, lo);
    }

    /** Number of entries of {@code keys[0 … n-1]} (ascending) that are ≤ {@code t}. */
    static int upperBound(long[] keys, int n, long t) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Growable rows; {@link #build()} sorts by time and keeps the first row of equal times. */
    static final class Builder {
        private int size;
        private long[] time = new long[64];
        private double[][] cols = new double[6][64];

        void add(long t, double oi, double oiv, double topAcc, double topPos, double global, double taker) {
            if (size == time.length) {
                int cap = size * 2;
                time = Arrays.copyOf(time, cap);
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = Arrays.copyOf(cols[c], cap);
                }
            }
            time[size] = t;
            cols[0][size] = oi;
            cols[1][size] = oiv;
            cols[2][size] = topAcc;
            cols[3][size] = topPos;
            cols[4][size] = global;
            cols[5][size] = taker;
            size++;
        }

        int size() {
            return size;
        }

        MetricsSeries build() {
            int[] order = Sorting.ascending(time, size) ? null : Sorting.stableOrder(time, size);
            long[] t = new long[size];
            double[][] out = new double[6][size];
            int n = 0;
            int dup = 0;
            for (int k = 0; k < size; k++) {
                int i = order == null ? k : order[k];
                if (n > 0 && t[n - 1] == time[i]) {
                    dup++;
                    continue;
                }
                t[n] = time[i];
                for (int c = 0; c < 6; c++) {
                    out[c][n] = cols[c][i];
                }
                n++;
            }
            t = Arrays.copyOf(t, n);
            for (int c = 0; c < 6; c++) {
                out[c] = Arrays.copyOf(out[c], n);
            }
            return new MetricsSeries(n, t, out[0], out[1], out[2], out[3], out[4], out[5], dup);
        }
    }
}
