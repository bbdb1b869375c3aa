package io.marketintel.plugin.volumeprofile.internal;

/**
 * Volume-at-price arithmetic: static, allocation-free functions over {@code double[]}, no I/O, clock or state
 * (ready for JMH). {@link Profile#of} strings them together; the plugin only fetches and formats.
 *
 * <p>Conventions shared by every function:
 * <ul>
 *   <li>Bin {@code i} covers {@code [origin + i·size, origin + (i+1)·size)}; the last bin also holds its top
 *       edge, so the profile's high always falls in a bin.</li>
 *   <li>Volumes "equal" within {@code tol} (callers pass {@link #EQUAL_TOLERANCE} × total volume): splitting a
 *       candle's volume over bins leaves floating-point noise of the order of 1e-16 × volume, which must not decide
 *       a tie.</li>
 * </ul>
 */
public final class VolumeProfile {

    /** Relative tolerance (of the total volume) within which two volumes count as equal. */
    public static final double EQUAL_TOLERANCE = 1e-9;

    /** Slack for ceilings of ratios that should be whole numbers but carry floating-point noise. */
    private static final double CEIL_SLACK = 1e-9;

    private VolumeProfile() {
    }

    /**
     * Bin size in ticks: {@code ceil(range / binCount / tick)}, at least one tick. Rounding up keeps the number of
     * bins at or below {@code binCount}.
     *
     * @param low      lowest low of the window
     * @param high     highest high of the window
     * @param binCount bins wanted across the range (≥ 1)
     * @param tick     the symbol's tick size (> 0)
     */
    public static long binTicks(double low, double high, int binCount, double tick) {
        double range = high - low;
        if (!(range > 0)) {
            return 1;
        }
        double ticks = range / binCount / tick;
        return Math.max(1, (long) Math.ceil(ticks - CEIL_SLACK));
    }

    /**
     * Bins of {@code size} from {@code origin} needed to cover {@code [origin, high]}: {@code ceil((high −
     * origin) / size)}, at least 1 (a window whose high equals its low has one bin).
     */
    public static int binsNeeded(double origin, double high, double size) {
        double bins = (high - origin) / size;
        return Math.max(1, (int) Math.ceil(bins - CEIL_SLACK));
    }

    /** The bin holding {@code price} (lower edge inclusive), clamped to {@code [0, n − 1]}. */
    public static int binOf(double price, double origin, double size, int n) {
        double k = Math.floor((price - origin) / size);
        if (k < 0) {
            return 0;
        }
        return k >= n ? n - 1 : (int) k;
    }

    /**
     * Adds the volume of candles {@code [from, to)} to {@code bins[0..n)}. A candle's volume is spread uniformly over
     * its high–low range: each bin it overlaps receives {@code volume × overlap / (high − low)}. A candle whose high
     * equals its low (a single traded price) puts all its volume into the bin holding that price. Candles with a
     * non-finite field, a negative volume or a high below the low are skipped; zero-volume candles add nothing.
     *
     * @return the number of candles skipped as invalid
     */
    public static int distribute(double[] high, double[] low, double[] volume, int from, int to,
                                 double origin, double size, double[] bins, int n) {
        int skipped = 0;
        for (int c = from; c < to; c++) {
            double h = high[c];
            double l = low[c];
            double v = volume[c];
            if (!(Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(v)) || v < 0 || h < l) {
                skipped++;
                continue;
            }
            if (v == 0) {
                continue;
            }
            if (h == l) {
                bins[binOf(l, origin, size, n)] += v;
                continue;
            }
            int first = binOf(l, origin, size, n);
            int last = binOf(h, origin, size, n);
            double perPrice = v / (h - l);
            if (first == last) {
                bins[first] += v;
                continue;
            }
            for (int i = first; i <= last; i++) {
                double edge = origin + i * size;
                // The outer bins reach to the candle itself, so rounding noise at the profile's ends loses nothing.
                double bottom = i == 0 ? Math.min(l, edge) : edge;
                double top = i == n - 1 ? Math.max(h, edge + size) : edge + size;
                double overlap = Math.min(h, top) - Math.max(l, bottom);
                if (overlap > 0) {
                    bins[i] += overlap * perPrice;
                }
            }
        }
        return skipped;
    }

    /** Sum of {@code bins[0..n)}. */
    public static double sum(double[] bins, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += bins[i];
        }
        return s;
    }

    /**
     * The point of control: the bin with the most volume. Bins within {@code tol} of the maximum tie; the tie goes
     * to the bin closest to the middle of the profile (the Market Profile rule), then to the lower one.
     */
    public static int poc(double[] bins, int n, double tol) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (bins[i] > max) {
                max = bins[i];
            }
        }
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (bins[i] >= max - tol) {
                int distance = Math.abs(2 * i - (n - 1));   // twice the distance to the middle, exact
                if (distance < bestDistance) {
                    best = i;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /**
     * The value area, grown outward from the POC the CBOT / Market Profile way: while the area holds less than
     * {@code target}, compare the volume of the next two bins above it with the next two below it and add the
     * larger pair whole (a side with one bin left offers that one; an exhausted side offers nothing and the other
     * side is added). Pairs within {@code tol} of each other tie and <b>both</b> are added, so a tie never
     * favours a direction. Growth stops as soon as the area holds at least {@code target − tol}; adding whole
     * pairs can overshoot the target, as in the original method.
     *
     * @return {@code low << 32 | high}: the first and last bin of the area, see {@link #vaLow} / {@link #vaHigh}
     */
    public static long valueArea(double[] bins, int n, int poc, double target, double tol) {
        int lo = poc;
        int hi = poc;
        double area = bins[poc];
        while (area + tol < target && (lo > 0 || hi < n - 1)) {
            int upCount = Math.min(2, n - 1 - hi);
            int downCount = Math.min(2, lo);
            double up = 0;
            for (int k = 1; k <= upCount; k++) {
                up += bins[hi + k];
            }
            double down = 0;
            for (int k = 1; k <= downCount; k++) {
                down += bins[lo - k];
            }
            boolean takeUp;
            boolean takeDown;
            if (upCount == 0) {
                takeUp = false;
                takeDown = true;
            } else if (downCount == 0) {
                takeUp = true;
                takeDown = false;
            } else if (up > down + tol) {
                takeUp = true;
                takeDown = false;
            } else if (down > up + tol) {
                takeUp = false;
                takeDown = true;
            } else {
                takeUp = true;
                takeDown = true;
            }
            if (takeUp) {
                area += up;
                hi += upCount;
            }
            if (takeDown) {
                area += down;
                lo -= downCount;
            }
        }
        return ((long) lo << 32) | (hi & 0xFFFF_FFFFL);
    }

    /** First bin of a {@link #valueArea} result. */
    public static int vaLow(long packed) {
        return (int) (packed >>> 32);
    }

    /** Last bin of a {@link #valueArea} result. */
    public static int vaHigh(long packed) {
        return (int) packed;
    }

    /**
     * Volume nodes: runs of adjacent bins strictly beyond {@code threshold} — above it ({@code high = true}, HVN)
     * or below it (LVN). A bin within {@code tol} of the threshold is <em>not</em> a node. Each run is one node;
     * its peak is its fullest bin for HVNs (the POC when the run holds it) and its emptiest bin for LVNs, ties to
     * the lower bin.
     *
     * @param peak  receives each node's peak bin
     * @param first receives each node's first bin
     * @param last  receives each node's last bin
     * @return the number of nodes written (arrays of length ≥ (n + 1) / 2 always suffice)
     */
    public static int nodes(double[] bins, int n, double threshold, boolean high, int poc, double tol,
                            int[] peak, int[] first, int[] last) {
        int count = 0;
        int i = 0;
        while (i < n) {
            if (!qualifies(bins[i], threshold, high, tol)) {
                i++;
                continue;
            }
            int start = i;
            int best = i;
            while (i < n && qualifies(bins[i], threshold, high, tol)) {
                if (high ? bins[i] > bins[best] : bins[i] < bins[best]) {
                    best = i;
                }
                i++;
            }
            if (high && poc >= start && poc < i) {
                best = poc;
            }
            peak[count] = best;
            first[count] = start;
            last[count] = i - 1;
            count++;
        }
        return count;
    }

    private static boolean qualifies(double v, double threshold, boolean high, double tol) {
        return high ? v > threshold + tol : v < threshold - tol;
    }
}
