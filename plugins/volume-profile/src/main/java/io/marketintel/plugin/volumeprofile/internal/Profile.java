package io.marketintel.plugin.volumeprofile.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One computed volume profile: bins on the tick grid, point of control, value area and volume nodes, all as bin
 * indices into {@link #volumes()}; prices come from {@link #lowEdge}, {@link #highEdge} and {@link #centre}, exact
 * decimals on the tick grid. Built by {@link #of}, which runs the {@link VolumeProfile} kernels.
 *
 * @param origin         lower edge of bin 0: the window's lowest low, floored to the tick
 * @param binSize        bin size, a whole number of ticks
 * @param tickScale      decimals of the tick size (edges are printed with this many, centres with one more)
 * @param volumes        base-asset volume per bin, bin 0 lowest; length = number of bins (≤ bin_count)
 * @param totalVolume    sum of {@code volumes}
 * @param candles        candles distributed (valid ones)
 * @param skipped        candles skipped as invalid (non-finite, negative volume, high below low)
 * @param high           the window's highest high
 * @param poc            bin of the point of control
 * @param vaLow          first bin of the value area
 * @param vaHigh         last bin of the value area
 * @param vaVolume       volume inside the value area
 * @param valueAreaPct   the value area's target share of the volume, %
 * @param hvnThreshold   volume strictly above which a bin belongs to a high volume node
 * @param lvnThreshold   volume strictly below which a bin belongs to a low volume node
 * @param hvns           high volume nodes, lowest price first
 * @param lvns           low volume nodes, lowest price first
 */
public record Profile(
        BigDecimal origin,
        BigDecimal binSize,
        int tickScale,
        double[] volumes,
        double totalVolume,
        int candles,
        int skipped,
        double high,
        int poc,
        int vaLow,
        int vaHigh,
        double vaVolume,
        double valueAreaPct,
        double hvnThreshold,
        double lvnThreshold,
        List<Node> hvns,
        List<Node> lvns) {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /**
     * A run of adjacent bins beyond a node threshold.
     *
     * @param peak  the fullest (HVN) or emptiest (LVN) bin of the run; the POC for the HVN that holds it
     * @param first first bin of the run
     * @param last  last bin of the run
     */
    public record Node(int peak, int first, int last) {
    }

    public Profile {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(binSize, "binSize");
        Objects.requireNonNull(volumes, "volumes");
        hvns = List.copyOf(hvns);
        lvns = List.copyOf(lvns);
    }

    /**
     * Builds the profile of candles {@code [from, to)}.
     *
     * @param high         highs
     * @param low          lows
     * @param volume       base-asset volumes
     * @param tick         the symbol's tick size
     * @param binCount     bins wanted across the range; the bin size is {@code range / binCount} rounded
     *                     <b>up</b> to a whole number of ticks, so there may be fewer bins
     * @param valueAreaPct share of the volume the value area must hold, %
     * @param hvnPct       HVN threshold, % of the mean bin volume
     * @param lvnPct       LVN threshold, % of the mean bin volume
     * @return empty when no candle is valid or the window traded no volume
     */
    public static Optional<Profile> of(double[] high, double[] low, double[] volume, int from, int to, BigDecimal tick,
                                       int binCount, double valueAreaPct, double hvnPct, double lvnPct) {
        if (tick.signum() <= 0) {
            throw new IllegalArgumentException("tick size must be positive, was " + tick);
        }
        if (binCount < 1) {
            throw new IllegalArgumentException("binCount must be at least 1, was " + binCount);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int valid = 0;
        for (int c = from; c < to; c++) {
            double h = high[c];
            double l = low[c];
            double v = volume[c];
            if (Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(v) && v >= 0 && h >= l) {
                lo = Math.min(lo, l);
                hi = Math.max(hi, h);
                valid++;
            }
        }
        if (valid == 0) {
            return Optional.empty();
        }
        double tickValue = tick.doubleValue();
        BigDecimal size = tick.multiply(BigDecimal.valueOf(VolumeProfile.binTicks(lo, hi, binCount, tickValue)));
        BigDecimal origin = BigDecimal.valueOf(lo).divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
        double originValue = origin.doubleValue();
        double sizeValue = size.doubleValue();
        int n = VolumeProfile.binsNeeded(originValue, hi, sizeValue);
        double[] bins = new double[n];
        int skipped = VolumeProfile.distribute(high, low, volume, from, to, originValue, sizeValue, bins, n);
        double total = VolumeProfile.sum(bins, n);
        if (!(total > 0)) {
            return Optional.empty();
        }
        double tol = total * VolumeProfile.EQUAL_TOLERANCE;
        int poc = VolumeProfile.poc(bins, n, tol);
        long va = VolumeProfile.valueArea(bins, n, poc, total * valueAreaPct / 100, tol);
        int vaLow = VolumeProfile.vaLow(va);
        int vaHigh = VolumeProfile.vaHigh(va);
        double vaVolume = 0;
        for (int i = vaLow; i <= vaHigh; i++) {
            vaVolume += bins[i];
        }
        double mean = total / n;
        double hvnThreshold = mean * hvnPct / 100;
        double lvnThreshold = mean * lvnPct / 100;
        int[] peak = new int[n];
        int[] first = new int[n];
        int[] last = new int[n];
        int h = VolumeProfile.nodes(bins, n, hvnThreshold, true, poc, tol, peak, first, last);
        List<Node> hvns = new ArrayList<>(h);
        for (int k = 0; k < h; k++) {
            hvns.add(new Node(peak[k], first[k], last[k]));
        }
        int l = VolumeProfile.nodes(bins, n, lvnThreshold, false, poc, tol, peak, first, last);
        List<Node> lvns = new ArrayList<>(l);
        for (int k = 0; k < l; k++) {
            lvns.add(new Node(peak[k], first[k], last[k]));
        }
        int scale = Math.max(0, tick.stripTrailingZeros().scale());
        return Optional.of(new Profile(origin, size, scale, bins, total, valid, skipped, hi, poc, vaLow,
                vaHigh, vaVolume, valueAreaPct, hvnThreshold, lvnThreshold, hvns, lvns));
    }

    /** Number of bins. */
    public int binCount() {
        return volumes.length;
    }

    /** Lower edge of bin {@code i}, exact on the tick grid. */
    public double lowEdge(int i) {
        return edge(i).doubleValue();
    }

    /** Upper edge of bin {@code i}, exact on the tick grid. */
    public double highEdge(int i) {
        return edge(i + 1).doubleValue();
    }

    /** Centre of bin {@code i}: on the tick grid or half a tick off it. */
    public double centre(int i) {
        return edge(i).add(binSize.divide(TWO)).doubleValue();
    }

    private BigDecimal edge(int i) {
        return origin.add(binSize.multiply(BigDecimal.valueOf(i)));
    }

    /** Bin {@code i}'s share of the total volume, %. */
    public double volumePct(int i) {
        return 100 * volumes[i] / totalVolume;
    }

    /** Value area low: the lower edge of its first bin. */
    public double val() {
        return lowEdge(vaLow);
    }

    /** Value area high: the upper edge of its last bin. */
    public double vah() {
        return highEdge(vaHigh);
    }

    /** Price of the point of control: the centre of its bin. */
    public double pocPrice() {
        return centre(poc);
    }

    /** Lowest price of the profile (lower edge of bin 0). */
    public double rangeLow() {
        return origin.doubleValue();
    }

    /** Upper edge of the last bin (at or above the window's highest high). */
    public double rangeHigh() {
        return highEdge(volumes.length - 1);
    }

    /** Mean volume per bin (empty bins included). */
    public double meanBinVolume() {
        return totalVolume / volumes.length;
    }
}
