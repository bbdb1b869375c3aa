package io.marketintel.runtime.market.replay;

import java.util.Arrays;

/**
 * Settled funding rates of one symbol sorted by settlement time, with each settlement's funding interval
 * (from the file's {@code funding_interval_hours}, or inferred from the spacing of freqtrade rows).
 */
final class FundingSeries {

    static final long HOUR = 3_600_000L;

    final int size;
    final long[] time;
    final double[] rate;
    final int[] intervalHours;
    final int duplicates;

    private FundingSeries(int size, long[] time, double[] rate, int[] intervalHours, int duplicates) {
        this.size = size;
        this.time = time;
        this.rate = rate;
        this.intervalHours = intervalHours;
        this.duplicates = duplicates;
    }

    /** Index of the latest settlement at or before {@code now}, or -1. */
    int latest(long now) {
        return MetricsSeries.upperBound(time, size, now) - 1;
    }

    /**
     * The first settlement after {@code now} by the schedule of settlement {@code i} (its time rounded to the
     * hour, since real funding times carry a few ms of jitter, plus whole intervals). Only the interval is
     * used: the recorded next settlement is not looked at.
     */
    long nextFundingTime(int i, long now) {
        long step = Math.max(1, intervalHours[i]) * HOUR;
        long t = Math.round((double) time[i] / HOUR) * HOUR + step;
        if (t <= now) {
            t += ((now - t) / step + 1) * step;
        }
        return t;
    }

    /** Growable rows; {@link #build()} sorts by time, keeps the first of equal times, infers missing intervals. */
    static final class Builder {
        private int size;
        private long[] time = new long[64];
        private double[] rate = new double[64];
        private int[] hours = new int[64];

        /** Adds a settlement; {@code intervalHours} ≤ 0 means "infer from the spacing". */
        void add(long t, double r, int intervalHours) {
            if (size == time.length) {
                time = Arrays.copyOf(time, size * 2);
                rate = Arrays.copyOf(rate, size * 2);
                hours = Arrays.copyOf(hours, size * 2);
            }
            time[size] = t;
            rate[size] = r;
            hours[size] = intervalHours;
            size++;
        }

        int size() {
            return size;
        }

        FundingSeries build() {
            int[] order = Sorting.ascending(time, size) ? null : Sorting.stableOrder(time, size);
            long[] t = new long[size];
            double[] r = new double[size];
            int[] h = new int[size];
            int n = 0;
            int dup = 0;
            for (int k = 0; k < size; k++) {
                int i = order == null ? k : order[k];
                if (n > 0 && t[n - 1] == time[i]) {
                    dup++;
                    continue;
                }
                t[n] = time[i];
                r[n] = rate[i];
                h[n] = hours[i];
                n++;
            }
            // freqtrade rows carry no interval: the rounded spacing to the previous settlement (to the next
            // one for the first row); 8 hours when there is a single row
            for (int i = 0; i < n; i++) {
                if (h[i] <= 0) {
                    long gap = i > 0 ? t[i] - t[i - 1] : n > 1 ? t[1] - t[0] : 8 * HOUR;
                    h[i] = (int) Math.max(1, Math.min(24, Math.round((double) gap / HOUR)));
                }
            }
            return new FundingSeries(n, Arrays.copyOf(t, n), Arrays.copyOf(r, n), Arrays.copyOf(h, n), dup);
        }
    }
}
