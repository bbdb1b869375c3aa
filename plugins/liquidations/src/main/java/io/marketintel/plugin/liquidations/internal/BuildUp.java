package io.marketintel.plugin.liquidations.internal;

import io.marketintel.api.market.Kline;
import java.util.Arrays;

/**
 * Where the open positions were entered: the open interest build-up of a window, located at the klines of
 * the periods in which it happened. Pure and array-based.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Open interest snapshots {@code oi[i]} at {@code times[i]}, oldest first. The change
 *       {@code Δ = oi[i] − oi[i−1]} happened during the period that opens at {@code times[i−1]} (aligned down to
 *       the period), so it is priced at that kline's {@link #entryPrice(Kline) entry price}.</li>
 *   <li>A positive change opens a <em>cohort</em> of {@code Δ} contracts at that price, observed at
 *       {@code times[i]}.</li>
 *   <li>A negative change closes positions proportionally across <em>all</em> open interest, including the
 *       positions opened before the window whose entries are unknown: every cohort keeps
 *       {@code 1 − |Δ| / oi[i−1]} of its size.</li>
 *   <li>A change whose kline is missing (an exchange outage, a short kline series) is counted in
 *       {@link #unlocated} and skipped.</li>
 * </ul>
 */
public final class BuildUp {

    /** Number of cohorts. */
    public final int count;
    /** Open size of each cohort after the later reductions, base asset. */
    public final double[] qty;
    /** Entry price of each cohort. */
    public final double[] entryPrice;
    /** When each cohort's growth was observed (the snapshot that recorded it), ms. */
    public final long[] entryTime;
    /** Index of each cohort's entry kline in the kline arrays. */
    public final int[] klineIndex;
    /** Sum of all positive changes, located or not, base asset. */
    public final double grown;
    /** Positive changes that could not be located at a kline. */
    public final int unlocated;

    private BuildUp(int count, double[] qty, double[] entryPrice, long[] entryTime, int[] klineIndex, double grown,
                    int unlocated) {
        this.count = count;
        this.qty = qty;
        this.entryPrice = entryPrice;
        this.entryTime = entryTime;
        this.klineIndex = klineIndex;
        this.grown = grown;
        this.unlocated = unlocated;
    }

    /**
     * Walks the open interest snapshots.
     *
     * @param times        snapshot times, ascending, ms
     * @param oi           open interest at each time, base asset (non-finite values are skipped)
     * @param klineOpen    open times of the klines, ascending
     * @param klinePrice   entry price of each kline ({@link #entryPrice(Kline)})
     * @param periodMillis period length; change {@code i−1 → i} is priced at the kline opening at
     *                     {@code floor(times[i−1] / period) × period}
     */
    public static BuildUp walk(long[] times, double[] oi, long[] klineOpen, double[] klinePrice, long periodMillis) {
        int n = times.length;
        double[] qty = new double[n];
        double[] price = new double[n];
        long[] time = new long[n];
        int[] kline = new int[n];
        int count = 0;
        double grown = 0;
        int unlocated = 0;
        for (int i = 1; i < n; i++) {
            double before = oi[i - 1];
            double after = oi[i];
            if (!Double.isFinite(before) || !Double.isFinite(after)) {
                continue;
            }
            double delta = after - before;
            if (delta > 0) {
                grown += delta;
                long open = Math.floorDiv(times[i - 1], periodMillis) * periodMillis;
                int k = Arrays.binarySearch(klineOpen, open);
                if (k < 0 || !(klinePrice[k] > 0)) {
                    unlocated++;
                    continue;
                }
                qty[count] = delta;
                price[count] = klinePrice[k];
                time[count] = times[i];
                kline[count] = k;
                count++;
            } else if (delta < 0 && before > 0) {
                double keep = Math.max(0.0, 1.0 + delta / before);
                for (int c = 0; c < count; c++) {
                    qty[c] *= keep;
                }
            }
        }
        return new BuildUp(count, qty, price, time, kline, grown, unlocated);
    }

    /**
     * Where a kline's new positions are assumed to have been entered: its volume-weighted average price
     * {@code quoteVolume / volume} when both are positive and the result lies within the candle's range,
     * otherwise its typical price {@code (high + low + close) / 3} (e.g. data without quote volume).
     */
    public static double entryPrice(Kline k) {
        if (k.volume() > 0 && k.quoteVolume() > 0) {
            double vwap = k.quoteVolume() / k.volume();
            if (vwap >= k.low() && vwap <= k.high()) {
                return vwap;
            }
        }
        return (k.high() + k.low() + k.close()) / 3.0;
    }

    /** Sum of the open cohort sizes, base asset. */
    public double openQty() {
        double s = 0;
        for (int c = 0; c < count; c++) {
            s += qty[c];
        }
        return s;
    }
}
