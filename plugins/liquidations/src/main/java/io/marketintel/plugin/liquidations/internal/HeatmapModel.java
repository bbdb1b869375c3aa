package io.marketintel.plugin.liquidations.internal;

import io.marketintel.api.Bias;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.plugin.liquidations.internal.LiquidationPrice.Brackets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The liquidation heatmap estimate: pure, synchronous functions over arrays and the market records. Nothing
 * here does I/O, reads a clock or keeps state; {@link #compute} takes "now" as an argument.
 *
 * <h2>Model</h2>
 * <ol>
 *   <li><b>Long/short split</b> ({@link #split}): {@code long = w·top + (1 − w)·global}, the newest long shares
 *       of the top-trader <em>position</em> ratio and of the global <em>account</em> ratio, {@code w =
 *       top_position_weight}; with one series missing the other alone, with both missing 50/50.</li>
 *   <li><b>Entries</b> ({@link BuildUp#walk}): open interest growth per period, located at the period's VWAP;
 *       reductions close build-up proportionally.</li>
 *   <li><b>Decay</b> ({@link #decay}): a cohort observed {@code age} ago weighs {@code 0.5^(age / half_life)}.</li>
 *   <li><b>Zones</b>: each cohort × side × leverage tier is a zone of notional
 *       {@code qty·EP·decay·share_side·weight_tier} at the isolated liquidation price of a representative
 *       position ({@link LiquidationPrice#isolatedAtLeverage}); tiers above the symbol's maximum leverage for
 *       that position are modelled at the maximum.</li>
 *   <li><b>Crossed zones removed</b> ({@link #crossed}): a long zone is gone when a later kline's low reached it
 *       (or the mark price is at or below it), a short zone when a later high reached it.</li>
 *   <li><b>Buckets</b> ({@link #bucketSize}, {@link #bucketIndex}): {@code bucket_pct} % of the mark price,
 *       rounded to the tick; {@code density = round(100 · notional / largest bucket of either side)}.</li>
 *   <li><b>Clusters</b> ({@link #clusterRanges}): buckets of density ≥ {@code cluster_min_density} merge when
 *       the next one is at most one bucket plus {@code cluster_tolerance_pct} % of price away; a cluster has
 *       at least two buckets or two tiers (each with ≥ 5 % of its notional). Clusters with at least half the
 *       notional of the largest one are <em>big</em>: they get hunting zones just beyond their far edge and the
 *       nearest big cluster of each side is cited in the reasoning.</li>
 *   <li><b>Cascade risk</b> ({@link #pressure}, {@link #cascadeScore}):
 *       {@code P = Σ notional · (1 − d/W) · (1.5 if clustered else 1)} over buckets at distance {@code d < W =
 *       cascade_window_pct}; {@code score = round(100 · (1 − e^(−P / (0.02 · OI value))))}.</li>
 *   <li><b>Bias</b> ({@link #decide}): {@code imbalance = (P_long − P_short) / (P_long + P_short)}; above
 *       {@value #BIAS_THRESHOLD} → SHORT (long liquidations below attract a downward hunt), below its negative →
 *       LONG, else NEUTRAL; NEUTRAL too when the cascade score is below {@value #BIAS_MIN_CASCADE}. Confidence:
 *       {@code q · min(85, 25 + 60·|imbalance|·min(1, cascade/40))} directional, {@code q · 30} neutral, {@code q}
 *       the data quality (1 with both ratios, 0.85 with one, 0.6 with none; × 0.75 when the located build-up is
 *       under 1 % of the open interest).</li>
 * </ol>
 */
public final class HeatmapModel {

    /** Scale of the cascade score: proximity-weighted notional equal to 2 % of the OI value scores 63. */
    public static final double CASCADE_SCALE = 0.02;
    /** Extra weight of clustered buckets in the cascade pressure. */
    public static final double CLUSTER_BOOST = 0.5;
    /** |imbalance| beyond which the bias is directional. */
    public static final double BIAS_THRESHOLD = 0.2;
    /** Cascade score below which the bias stays NEUTRAL whatever the imbalance. */
    public static final int BIAS_MIN_CASCADE = 5;
    /** Cascade score from which the imbalance counts fully in the confidence. */
    public static final int FULL_CONFIDENCE_CASCADE = 40;
    /** Cap of a directional confidence: this is an estimate. */
    public static final int MAX_CONFIDENCE = 85;
    /** Smallest density reported as a level by {@code levels}. */
    public static final int MIN_LEVEL_DENSITY = 5;
    /** Share of a cluster's notional from which a tier is listed in it. */
    public static final double MIN_TIER_SHARE = 0.05;
    /** Share of the largest cluster's notional from which a cluster gets a hunting zone. */
    public static final double HUNT_MIN_SHARE = 0.5;
    /** Most hunting zones per side. */
    public static final int MAX_HUNTS_PER_SIDE = 3;
    /** Most clusters listed (the largest; all of them weigh in the cascade risk). */
    public static final int MAX_CLUSTERS = 10;
    /** Located build-up (% of OI) below which the data quality is lowered. */
    public static final double THIN_BUILD_UP_PCT = 1.0;

    private static final double HOUR = 3_600_000.0;

    private HeatmapModel() {
    }

    /** The heatmap answer plus every bucket of each side (nearest first), from which {@code levels} reads. */
    public record Heatmap(HeatmapResult result, List<LiquidationZone> allLong, List<LiquidationZone> allShort) {
    }

    // ---------------------------------------------------------------- split

    /**
     * The long share of the modelled exposure.
     *
     * @param longFraction long share, 0 … 1
     * @param source       {@code blend}, {@code top_position}, {@code global_account} or {@code assumed_even}
     * @param quality      1 with both ratios, 0.85 with one, 0.6 with none
     */
    public record Split(double longFraction, String source, double quality) {
    }

    /** The long share from the newest long shares (fractions, or null) of the two ratio series. */
    public static Split split(Double topPositionLong, Double globalAccountLong, double topWeight) {
        boolean top = topPositionLong != null && Double.isFinite(topPositionLong);
        boolean global = globalAccountLong != null && Double.isFinite(globalAccountLong);
        if (top && global) {
            return new Split(clamp01(topWeight * topPositionLong + (1 - topWeight) * globalAccountLong), "blend", 1.0);
        }
        if (top) {
            return new Split(clamp01(topPositionLong), "top_position", 0.85);
        }
        if (global) {
            return new Split(clamp01(globalAccountLong), "global_account", 0.85);
        }
        return new Split(0.5, "assumed_even", 0.6);
    }

    // ---------------------------------------------------------------- decay, crossing

    /** {@code 0.5^(age / halfLife)}; ages below zero count as zero. */
    public static double decay(long ageMillis, double halfLifeHours) {
        return Math.pow(0.5, Math.max(0, ageMillis) / HOUR / halfLifeHours);
    }

    /** {@code out[i] = min(values[i..])}, {@code out[n] = +∞}. */
    public static double[] suffixMin(double[] values) {
        double[] out = new double[values.length + 1];
        out[values.length] = Double.POSITIVE_INFINITY;
        for (int i = values.length - 1; i >= 0; i--) {
            out[i] = Math.min(values[i], out[i + 1]);
        }
        return out;
    }

    /** {@code out[i] = max(values[i..])}, {@code out[n] = −∞}. */
    public static double[] suffixMax(double[] values) {
        double[] out = new double[values.length + 1];
        out[values.length] = Double.NEGATIVE_INFINITY;
        for (int i = values.length - 1; i >= 0; i--) {
            out[i] = Math.max(values[i], out[i + 1]);
        }
        return out;
    }

    /**
     * Whether a zone was already traded through since its entry: the klines <em>after</em> the entry kline
     * reached its price (low ≤ LP for longs, high ≥ LP for shorts), or the mark price is already beyond it.
     *
     * @param side       +1 long, −1 short
     * @param lp         liquidation price
     * @param entryKline index of the entry kline
     * @param sufMinLow  {@link #suffixMin} of the lows
     * @param sufMaxHigh {@link #suffixMax} of the highs
     * @param mark       mark price
     */
    public static boolean crossed(int side, double lp, int entryKline, double[] sufMinLow, double[] sufMaxHigh,
                                  double mark) {
        int after = Math.min(entryKline + 1, sufMinLow.length - 1);
        if (side > 0) {
            return lp >= mark || sufMinLow[after] <= lp;
        }
        return lp <= mark || sufMaxHigh[after] >= lp;
    }

    // ---------------------------------------------------------------- tiers

    /** Leverage tiers after capping at the symbol's maximum, merged, ascending, with their weights. */
    public record Tiers(int[] leverage, double[] weight, List<Integer> capped) {
    }

    /**
     * Caps every tier at {@code maxLeverage} and merges tiers that become equal (their weights add up).
     *
     * @param tiers       ascending leverage tiers
     * @param weights     their weights
     * @param maxLeverage the symbol's maximum leverage for the representative position
     */
    public static Tiers effectiveTiers(List<Integer> tiers, List<Double> weights, int maxLeverage) {
        int[] lev = new int[tiers.size()];
        double[] w = new double[tiers.size()];
        List<Integer> capped = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < tiers.size(); i++) {
            int t = tiers.get(i);
            int eff = Math.min(t, Math.max(1, maxLeverage));
            if (eff != t) {
                capped.add(t);
            }
            if (n > 0 && lev[n - 1] == eff) {
                w[n - 1] += weights.get(i);
            } else {
                lev[n] = eff;
                w[n] = weights.get(i);
                n++;
            }
        }
        return new Tiers(java.util.Arrays.copyOf(lev, n), java.util.Arrays.copyOf(w, n), capped);
    }

    // ---------------------------------------------------------------- zones

    /** Raw zones (cohort × side × tier) that survived the crossing check, as parallel arrays. */
    public static final class Zones {
        /** Number of surviving zones. */
        public int count;
        /** +1 long, −1 short. */
        public final int[] side;
        /** Liquidation price. */
        public final double[] price;
        /** Estimated notional, quote asset. */
        public final double[] notional;
        /** Index into the effective tiers. */
        public final int[] tier;
        /** Zones computed (cohort × side × tier with a liquidation price). */
        public int modelled;
        /** Zones removed because price traded through them. */
        public int removed;

        Zones(int capacity) {
            side = new int[capacity];
            price = new double[capacity];
            notional = new double[capacity];
            tier = new int[capacity];
        }
    }

    /**
     * Every cohort × side × tier zone with its liquidation price and notional, minus the crossed ones.
     *
     * @param b                the located build-up
     * @param cohortWeight     decay weight per cohort
     * @param longShare        long fraction of the exposure
     * @param tiers            effective tiers
     * @param brackets         the symbol's maintenance brackets
     * @param positionNotional notional of the representative position (picks the bracket)
     * @param sufMinLow        {@link #suffixMin} of the kline lows
     * @param sufMaxHigh       {@link #suffixMax} of the kline highs
     * @param mark             mark price
     */
    public static Zones zones(BuildUp b, double[] cohortWeight, double longShare, Tiers tiers, Brackets brackets,
                              double positionNotional, double[] sufMinLow, double[] sufMaxHigh, double mark) {
        int nt = tiers.leverage().length;
        Zones z = new Zones(b.count * 2 * nt);
        for (int c = 0; c < b.count; c++) {
            double ep = b.entryPrice[c];
            double cohortNotional = b.qty[c] * ep * cohortWeight[c];
            if (!(cohortNotional > 0)) {
                continue;
            }
            double q = positionNotional / ep;
            for (int s = 0; s < 2; s++) {
                int side = s == 0 ? 1 : -1;
                double share = side > 0 ? longShare : 1 - longShare;
                if (!(share > 0)) {
                    continue;
                }
                for (int t = 0; t < nt; t++) {
                    double lp = LiquidationPrice.isolatedAtLeverage(side, q, ep, tiers.leverage()[t], brackets);
                    if (Double.isNaN(lp)) {
                        continue;
                    }
                    z.modelled++;
                    if (crossed(side, lp, b.klineIndex[c], sufMinLow, sufMaxHigh, mark)) {
                        z.removed++;
                        continue;
                    }
                    int i = z.count++;
                    z.side[i] = side;
                    z.price[i] = lp;
                    z.notional[i] = cohortNotional * share * tiers.weight()[t];
                    z.tier[i] = t;
                }
            }
        }
        return z;
    }

    // ---------------------------------------------------------------- buckets

    /** {@code pct} % of {@code price} rounded to the tick (half up), at least one tick. */
    public static BigDecimal bucketSize(double price, double pct, BigDecimal tick) {
        BigDecimal raw = BigDecimal.valueOf(price * pct / 100.0);
        if (tick == null || tick.signum() <= 0) {
            return raw.signum() > 0 ? raw : BigDecimal.ONE;
        }
        BigDecimal rounded = SymbolInfo.roundTo(raw, tick, RoundingMode.HALF_UP);
        return rounded.signum() > 0 ? rounded : tick;
    }

    /**
     * The bucket of a liquidation price. Long buckets are labelled by their lower edge ({@code floor}), short
     * buckets by their upper edge ({@code ceil}): the far edge from the price, so a long bucket's label is below
     * the mark price whenever its liquidations are, and a short bucket's label above.
     */
    public static long bucketIndex(int side, double price, double bucketSize) {
        double units = price / bucketSize;
        // guard against 41500 / 0.1 = 414999.99999999994
        double nearest = Math.rint(units);
        if (Math.abs(units - nearest) < 1e-9 * Math.max(1, Math.abs(units))) {
            return (long) nearest;
        }
        return side > 0 ? (long) Math.floor(units) : (long) Math.ceil(units);
    }

    /** Buckets of one side, ascending by price. */
    public static final class Buckets {
        /** Bucket labels (prices), ascending. */
        public final double[] price;
        /** Notional per bucket. */
        public final double[] notional;
        /** Notional per bucket per effective tier. */
        public final double[][] tierNotional;
        /** Density per bucket, set by {@link #densities}. */
        public final int[] density;

        Buckets(double[] price, double[] notional, double[][] tierNotional) {
            this.price = price;
            this.notional = notional;
            this.tierNotional = tierNotional;
            this.density = new int[price.length];
        }

        /** Number of buckets. */
        public int size() {
            return price.length;
        }

        /** Largest notional, 0 when empty. */
        public double max() {
            double m = 0;
            for (double v : notional) {
                m = Math.max(m, v);
            }
            return m;
        }

        /** Index of the dominant tier of bucket {@code i}. */
        public int dominantTier(int i) {
            int best = 0;
            for (int t = 1; t < tierNotional[i].length; t++) {
                if (tierNotional[i][t] > tierNotional[i][best]) {
                    best = t;
                }
            }
            return best;
        }

        /** Sets every density relative to {@code max}. */
        public void densities(double max) {
            for (int i = 0; i < price.length; i++) {
                density[i] = density(notional[i], max);
            }
        }
    }

    /** {@code round(100 · notional / max)}, 0 when {@code max} is not positive. */
    public static int density(double notional, double max) {
        return max > 0 ? (int) Math.min(100, Math.round(100.0 * notional / max)) : 0;
    }

    /** Bins the zones of one side. */
    public static Buckets bucket(Zones z, int side, BigDecimal bucketSize, int tierCount) {
        double size = bucketSize.doubleValue();
        Map<Long, double[]> byIndex = new HashMap<>();
        for (int i = 0; i < z.count; i++) {
            if (z.side[i] != side) {
                continue;
            }
            long k = bucketIndex(side, z.price[i], size);
            double[] acc = byIndex.computeIfAbsent(k, x -> new double[tierCount + 1]);
            acc[0] += z.notional[i];
            acc[1 + z.tier[i]] += z.notional[i];
        }
        long[] keys = new long[byIndex.size()];
        int n = 0;
        for (Long k : byIndex.keySet()) {
            keys[n++] = k;
        }
        java.util.Arrays.sort(keys);
        double[] price = new double[n];
        double[] notional = new double[n];
        double[][] tiers = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] acc = byIndex.get(keys[i]);
            price[i] = BigDecimal.valueOf(keys[i]).multiply(bucketSize).doubleValue();
            notional[i] = acc[0];
            tiers[i] = java.util.Arrays.copyOfRange(acc, 1, acc.length);
        }
        return new Buckets(price, notional, tiers);
    }

    // ---------------------------------------------------------------- clusters

    /**
     * Index ranges {@code {from, to}} (inclusive, into ascending bucket arrays) of candidate clusters: runs of
     * buckets with notional and density ≥ {@code minDensity} where each is at most {@code bucketSize +
     * tolerance} above the previous one; the range spans everything between its first and last member.
     */
    public static List<int[]> clusterRanges(double[] price, double[] notional, int[] density, double bucketSize,
                                            double tolerance, int minDensity) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        int last = -1;
        double reach = bucketSize + tolerance + 1e-9 * bucketSize;
        for (int i = 0; i < price.length; i++) {
            if (!(notional[i] > 0) || density[i] < minDensity) {
                continue;
            }
            if (start < 0) {
                start = i;
            } else if (price[i] - price[last] > reach) {
                out.add(new int[] {start, last});
                start = i;
            }
            last = i;
        }
        if (start >= 0) {
            out.add(new int[] {start, last});
        }
        return out;
    }

    // ---------------------------------------------------------------- cascade, bias

    /**
     * Proximity-weighted notional within the window: {@code Σ notional·boost·(1 − d/W)} over entries at
     * distance {@code d = |price − mark| / mark × 100 < W}. Monotone: more notional or a nearer price never
     * lowers it.
     */
    public static double pressure(double[] price, double[] notional, double[] boost, double mark, double windowPct) {
        double p = 0;
        for (int i = 0; i < price.length; i++) {
            double d = Math.abs(price[i] - mark) / mark * 100.0;
            if (d < windowPct) {
                p += notional[i] * (boost == null ? 1.0 : boost[i]) * (1.0 - d / windowPct);
            }
        }
        return p;
    }

    /** {@code round(100 · (1 − e^(−pressure / (0.02 · oiValue))))}, 0 without a positive OI value. */
    public static int cascadeScore(double pressure, double oiValue) {
        if (!(oiValue > 0) || !(pressure > 0)) {
            return 0;
        }
        return (int) Math.round(100.0 * (1.0 - Math.exp(-pressure / (CASCADE_SCALE * oiValue))));
    }

    /** Bias and confidence. */
    public record Decision(Bias bias, int confidence, double imbalance) {
    }

    /**
     * Bias from the long vs short pressure: more long liquidations close below → SHORT (the hunt goes down);
     * more short liquidations above → LONG. NEUTRAL when {@code |imbalance| ≤ }{@value #BIAS_THRESHOLD} or when the
     * cascade score is below {@value #BIAS_MIN_CASCADE} (too little nearby to attract a hunt). Confidence:
     * {@code q · min(85, 25 + 60·|imbalance|·min(1, cascade/40))} directional, {@code q · 30} neutral: it needs
     * both a lopsided book and enough notional nearby.
     *
     * @param quality data quality, 0 … 1
     */
    public static Decision decide(double longPressure, double shortPressure, int cascade, double quality) {
        double total = longPressure + shortPressure;
        if (!(total > 0)) {
            return new Decision(Bias.NEUTRAL, (int) Math.round(30 * quality), 0);
        }
        double imbalance = (longPressure - shortPressure) / total;
        if (Math.abs(imbalance) <= BIAS_THRESHOLD || cascade < BIAS_MIN_CASCADE) {
            return new Decision(Bias.NEUTRAL, (int) Math.round(30 * quality), imbalance);
        }
        double magnitude = Math.min(1.0, cascade / (double) FULL_CONFIDENCE_CASCADE);
        double raw = Math.min(MAX_CONFIDENCE, 25 + 60 * Math.abs(imbalance) * magnitude);
        return new Decision(imbalance > 0 ? Bias.SHORT : Bias.LONG, (int) Math.round(quality * raw), imbalance);
    }

    // ---------------------------------------------------------------- the whole estimate

    /**
     * The heatmap of one symbol.
     *
     * @param in     the fetched market records
     * @param s      the configuration in force
     * @param now    the current time, ms (ages for the decay)
     * @param source the market data source name, echoed
     * @throws IntelException {@code UPSTREAM_ERROR} when the market gave no usable mark price or brackets
     */
    public static Heatmap compute(MarketInputs in, LiquidationSettings s, long now, String source) {
        double mark = in.premiumIndex().markPrice();
        if (!(mark > 0) || !Double.isFinite(mark)) {
            throw new IntelException(ErrorCode.UPSTREAM_ERROR, "market gave no usable mark price for symbol ["
                    + in.symbol() + "]", Map.of("symbol", in.symbol()));
        }
        Brackets brackets;
        try {
            brackets = Brackets.of(in.brackets());
        } catch (IllegalArgumentException e) {
            throw new IntelException(ErrorCode.UPSTREAM_ERROR, "market gave no usable leverage brackets for symbol ["
                    + in.symbol() + "]: " + e.getMessage(), Map.of("symbol", in.symbol()), e);
        }
        BigDecimal tick = in.symbolInfo().tickSize();
        String base = orDefault(in.symbolInfo().baseAsset(), "contracts");
        String quote = orDefault(in.symbolInfo().quoteAsset(), "quote");
        long period = s.oiPeriod().millis();
        List<String> notes = new ArrayList<>();

        // 1. long/short split
        Double topLong = newestLong(in.topPosition());
        Double globalLong = newestLong(in.globalAccount());
        Split split = split(topLong, globalLong, s.topPositionWeight());

        // 2. open interest snapshots (+ the current open interest as the last one) and klines
        List<OpenInterestPoint> hist = new ArrayList<>(in.oiHistory());
        hist.sort(Comparator.comparingLong(OpenInterestPoint::timestamp));
        Double currentOi = in.openInterest() != null && Double.isFinite(in.openInterest().openInterest())
                ? in.openInterest().openInterest() : null;
        boolean appendCurrent = currentOi != null && !hist.isEmpty()
                && in.openInterest().time() > hist.get(hist.size() - 1).timestamp();
        int np = hist.size() + (appendCurrent ? 1 : 0);
        long[] times = new long[np];
        double[] oi = new double[np];
        for (int i = 0; i < hist.size(); i++) {
            times[i] = hist.get(i).timestamp();
            oi[i] = hist.get(i).sumOpenInterest();
        }
        if (appendCurrent) {
            times[np - 1] = in.openInterest().time();
            oi[np - 1] = currentOi;
        }
        List<Kline> klines = new ArrayList<>(in.klines());
        klines.sort(Comparator.comparingLong(Kline::openTime));
        int nk = klines.size();
        long[] kOpen = new long[nk];
        double[] kPrice = new double[nk];
        double[] kLow = new double[nk];
        double[] kHigh = new double[nk];
        for (int i = 0; i < nk; i++) {
            Kline k = klines.get(i);
            kOpen[i] = k.openTime();
            kPrice[i] = BuildUp.entryPrice(k);
            kLow[i] = k.low();
            kHigh[i] = k.high();
        }
        BuildUp buildUp = BuildUp.walk(times, oi, kOpen, kPrice, period);
        if (hist.size() < 2 && buildUp.count == 0) {
            notes.add("Open interest history has " + hist.size() + " point" + (hist.size() == 1 ? "" : "s")
                    + " - no build-up to locate");
        }
        if (buildUp.unlocated > 0) {
            notes.add(buildUp.unlocated + " period" + (buildUp.unlocated == 1 ? "" : "s")
                    + " of open interest growth had no kline to price them - skipped");
        }

        // 3. decay
        double[] weight = new double[buildUp.count];
        double locatedNotional = 0;
        for (int c = 0; c < buildUp.count; c++) {
            weight[c] = decay(now - buildUp.entryTime[c], s.decayHalfLifeHours());
            locatedNotional += buildUp.qty[c] * buildUp.entryPrice[c] * weight[c];
        }

        // 4. tiers, 5. zones minus the crossed ones
        int maxLeverage = brackets.maxLeverage(s.positionNotional());
        Tiers tiers = effectiveTiers(s.leverageTiers(), s.tierWeights(), maxLeverage);
        for (Integer t : tiers.capped()) {
            notes.add("Leverage " + t + "x exceeds the " + maxLeverage + "x Binance allows for a "
                    + plain(s.positionNotional()) + " " + quote + " position - modelled at " + maxLeverage + "x");
        }
        Zones zones = zones(buildUp, weight, split.longFraction(), tiers, brackets, s.positionNotional(),
                suffixMin(kLow), suffixMax(kHigh), mark);

        // 6. buckets and densities
        BigDecimal size = bucketSize(mark, s.bucketPct(), tick);
        double sizeD = size.doubleValue();
        int nt = tiers.leverage().length;
        Buckets longs = bucket(zones, 1, size, nt);
        Buckets shorts = bucket(zones, -1, size, nt);
        double maxBucket = Math.max(longs.max(), shorts.max());
        longs.densities(maxBucket);
        shorts.densities(maxBucket);

        // 7. clusters
        double tolerance = mark * s.clusterTolerancePct() / 100.0;
        double oiValue = currentOi == null ? Double.NaN : currentOi * mark;
        List<LiquidationCluster> clusters = new ArrayList<>();
        double[] longBoost = new double[longs.size()];
        double[] shortBoost = new double[shorts.size()];
        java.util.Arrays.fill(longBoost, 1.0);
        java.util.Arrays.fill(shortBoost, 1.0);
        clusters(PositionSide.LONG, longs, tiers, sizeD, tolerance, s.clusterMinDensity(), mark, tick, oiValue,
                clusters, longBoost);
        clusters(PositionSide.SHORT, shorts, tiers, sizeD, tolerance, s.clusterMinDensity(), mark, tick, oiValue,
                clusters, shortBoost);
        clusters.sort(Comparator.comparingDouble(LiquidationCluster::totalNotional).reversed()
                .thenComparingDouble(c -> Math.abs(c.distancePct())));

        // 8. cascade risk and bias
        double window = s.cascadeWindowPct();
        double pLong = pressure(longs.price, longs.notional, longBoost, mark, window);
        double pShort = pressure(shorts.price, shorts.notional, shortBoost, mark, window);
        int cascade = cascadeScore(pLong + pShort, oiValue);
        double nearLong = withinWindow(longs, mark, window);
        double nearShort = withinWindow(shorts, mark, window);
        Double locatedOiPct = currentOi == null || !(currentOi > 0) ? null
                : round(buildUp.openQty() / currentOi * 100.0, 2);
        double quality = split.quality() * (locatedOiPct == null || locatedOiPct < THIN_BUILD_UP_PCT ? 0.75 : 1.0);
        Decision decision = decide(pLong, pShort, cascade, quality);

        // 9. hunting zones
        List<HuntingZone> hunts = huntingZones(clusters, sizeD, tolerance, mark, tick, quote);

        // 10. zones out
        List<LiquidationZone> allLong = zoneList(longs, tiers, mark, true);
        List<LiquidationZone> allShort = zoneList(shorts, tiers, mark, false);

        // 11. reasoning
        List<String> reasoning = new ArrayList<>();
        LiquidationCluster bigLong = nearestBig(clusters, PositionSide.LONG);
        LiquidationCluster bigShort = nearestBig(clusters, PositionSide.SHORT);
        if (bigLong != null) {
            reasoning.add("Large long liquidation cluster at " + plain(bigLong.price()) + " ("
                    + signedPct(bigLong.distancePct()) + ", est. " + compact(bigLong.totalNotional()) + " " + quote
                    + ", " + tierText(bigLong.tiers()) + ") - price may hunt stops below");
        }
        if (bigShort != null) {
            reasoning.add("Large short liquidation cluster at " + plain(bigShort.price()) + " ("
                    + signedPct(bigShort.distancePct()) + ", est. " + compact(bigShort.totalNotional()) + " " + quote
                    + ", " + tierText(bigShort.tiers()) + ") - a squeeze may hunt stops above");
        }
        if (clusters.isEmpty()) {
            reasoning.add("No liquidation clusters (buckets of density >= " + s.clusterMinDensity()
                    + " merging within " + num(s.clusterTolerancePct(), 2) + "%)");
        }
        reasoning.add("Cascade risk " + cascade + "/100 (" + riskLabel(cascade) + "): est. "
                + compact(nearLong + nearShort) + " " + quote + " of liquidations within " + num(window, 2)
                + "% of price" + (oiValue > 0 ? " (" + num((nearLong + nearShort) / oiValue * 100, 2) + "% of OI)" : "")
                + ", " + compact(pLong + pShort) + " proximity-weighted");
        reasoning.add(biasSentence(decision, pLong, pShort, window, cascade));
        reasoning.add("Long/short split " + num(split.longFraction() * 100, 1) + "% / "
                + num((1 - split.longFraction()) * 100, 1) + "% " + splitText(split, topLong, globalLong,
                s.topPositionWeight()));
        String windowText = hist.size() >= 2 ? duration(hist.get(hist.size() - 1).timestamp() - hist.get(0).timestamp())
                : null;
        Double oiChange = null;
        if (hist.size() >= 1 && hist.get(0).sumOpenInterest() > 0) {
            double last = currentOi != null ? currentOi : hist.get(hist.size() - 1).sumOpenInterest();
            oiChange = round((last - hist.get(0).sumOpenInterest()) / hist.get(0).sumOpenInterest() * 100.0, 2);
        }
        if (buildUp.count > 0) {
            reasoning.add("Open interest " + plain(round(currentOi == null ? Double.NaN : currentOi, 3)) + " " + base
                    + (oiChange == null || windowText == null ? "" : " (" + signedPct(oiChange) + " over " + windowText + ")")
                    + "; build-up still open " + plain(round(buildUp.openQty(), 3)) + " " + base
                    + (locatedOiPct == null ? "" : " (" + num(locatedOiPct, 2) + "% of OI)") + " located at "
                    + buildUp.count + " period VWAPs - positions opened earlier are not located");
        } else if (hist.size() >= 2) {
            reasoning.add("No open interest growth to locate over " + windowText
                    + (oiChange == null ? "" : " (OI " + signedPct(oiChange) + ")") + " - the heatmap is empty");
        }
        if (zones.removed > 0) {
            reasoning.add("Removed " + zones.removed + " of " + zones.modelled
                    + " modelled liquidation prices already traded through since entry");
        }
        reasoning.addAll(notes);
        reasoning.add("Estimate only: real positions, leverage, margin modes and stops are not public - read zones"
                + " as likely areas, not exact levels");

        // 12. inputs and method
        List<Integer> effTiers = new ArrayList<>();
        List<Double> effWeights = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            effTiers.add(tiers.leverage()[t]);
            effWeights.add(round(tiers.weight()[t], 4));
        }
        ModelInputs inputs = new ModelInputs(
                currentOi,
                oiValue > 0 ? round(oiValue, 2) : null,
                round(split.longFraction() * 100, 2),
                round((1 - split.longFraction()) * 100, 2),
                topLong == null ? null : round(topLong * 100, 2),
                globalLong == null ? null : round(globalLong * 100, 2),
                s.topPositionWeight(),
                split.source(),
                s.oiPeriod().code(),
                s.oiPoints(),
                windowText,
                oiChange,
                round(buildUp.grown, 6),
                round(buildUp.openQty(), 6),
                locatedOiPct,
                round(locatedNotional, 2),
                buildUp.count,
                buildUp.unlocated,
                effTiers,
                effWeights,
                s.positionNotional(),
                maxLeverage,
                s.decayHalfLifeHours(),
                s.bucketPct(),
                sizeD,
                s.clusterTolerancePct(),
                window,
                zones.modelled,
                zones.removed);
        String method = "Estimate, not observed liquidations: open interest growth over the last "
                + (windowText == null ? "(no history)" : windowText) + " (" + s.oiPeriod().code()
                + " periods, plus the current one) is placed at each period's VWAP; open interest reductions close"
                + " build-up proportionally and older build-up is halved every " + num(s.decayHalfLifeHours(), 2)
                + "h. It is split " + num(split.longFraction() * 100, 1) + "% long / "
                + num((1 - split.longFraction()) * 100, 1) + "% short from the long/short ratios and spread over"
                + " leverage " + tierText(effTiers) + " (weights " + weightText(effWeights) + "). Each part is"
                + " liquidated at Binance's isolated one-way liquidation price with the symbol's maintenance margin"
                + " brackets for a " + plain(s.positionNotional()) + " " + quote + " position; prices already traded"
                + " through since entry are removed and the rest is binned into " + num(s.bucketPct(), 4) + "% buckets ("
                + size.stripTrailingZeros().toPlainString() + " " + quote + ").";

        long dataTime = in.premiumIndex().time();
        if (in.openInterest() != null) {
            dataTime = Math.max(dataTime, in.openInterest().time());
        }
        if (!hist.isEmpty()) {
            dataTime = Math.max(dataTime, hist.get(hist.size() - 1).timestamp());
        }
        for (LongShortRatio r : in.topPosition()) {
            dataTime = Math.max(dataTime, r.timestamp());
        }
        for (LongShortRatio r : in.globalAccount()) {
            dataTime = Math.max(dataTime, r.timestamp());
        }

        HeatmapResult result = new HeatmapResult(
                in.symbol(),
                true,
                method,
                mark,
                largestNearestFirst(allLong, s.maxZonesPerSide(), true),
                largestNearestFirst(allShort, s.maxZonesPerSide(), false),
                clusters.subList(0, Math.min(MAX_CLUSTERS, clusters.size())),
                cascade,
                hunts,
                decision.bias(),
                decision.confidence(),
                reasoning,
                inputs,
                dataTime,
                source);
        return new Heatmap(result, allLong, allShort);
    }

    /**
     * The nearest {@code n} levels of each side with a density of at least {@value #MIN_LEVEL_DENSITY}, nearest
     * first.
     */
    public static LevelsResult levels(Heatmap h, int n) {
        HeatmapResult r = h.result();
        return new LevelsResult(r.symbol(), true, r.currentPrice(), n, nearest(h.allLong(), n), nearest(h.allShort(), n),
                r.dataTime(), r.source());
    }

    static List<LiquidationZone> nearest(List<LiquidationZone> nearestFirst, int n) {
        List<LiquidationZone> out = new ArrayList<>();
        for (LiquidationZone z : nearestFirst) {
            if (out.size() >= n) {
                break;
            }
            if (z.density() >= MIN_LEVEL_DENSITY) {
                out.add(z);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers of compute

    private static void clusters(PositionSide side, Buckets b, Tiers tiers, double bucketSize, double tolerance,
                                 int minDensity, double mark, BigDecimal tick, double oiValue,
                                 List<LiquidationCluster> out, double[] boost) {
        for (int[] r : clusterRanges(b.price, b.notional, b.density, bucketSize, tolerance, minDensity)) {
            double total = 0;
            double weighted = 0;
            int peak = 0;
            double[] perTier = new double[tiers.leverage().length];
            for (int i = r[0]; i <= r[1]; i++) {
                total += b.notional[i];
                weighted += b.notional[i] * b.price[i];
                peak = Math.max(peak, b.density[i]);
                for (int t = 0; t < perTier.length; t++) {
                    perTier[t] += b.tierNotional[i][t];
                }
            }
            List<Integer> involved = new ArrayList<>();
            for (int t = 0; t < perTier.length; t++) {
                if (perTier[t] >= MIN_TIER_SHARE * total) {
                    involved.add(tiers.leverage()[t]);
                }
            }
            int zones = r[1] - r[0] + 1;
            if (zones < 2 && involved.size() < 2) {
                continue;
            }
            for (int i = r[0]; i <= r[1]; i++) {
                boost[i] = 1.0 + CLUSTER_BOOST;
            }
            double centre = onTick(weighted / total, tick);
            out.add(new LiquidationCluster(side, b.price[r[0]], b.price[r[1]], centre, round(total, 2), involved,
                    zones, peak, distancePct(centre, mark),
                    oiValue > 0 ? round(total / oiValue * 100.0, 3) : 0.0));
        }
    }

    private static List<HuntingZone> huntingZones(List<LiquidationCluster> clusters, double bucketSize,
                                                  double tolerance, double mark, BigDecimal tick, String quote) {
        double max = 0;
        for (LiquidationCluster c : clusters) {
            max = Math.max(max, c.totalNotional());
        }
        double width = onTick(Math.max(bucketSize, tolerance), tick);
        List<HuntingZone> longs = new ArrayList<>();
        List<HuntingZone> shorts = new ArrayList<>();
        for (LiquidationCluster c : clusters) {
            if (c.totalNotional() < HUNT_MIN_SHARE * max) {
                continue;
            }
            String range = plain(c.priceLow()) + "-" + plain(c.priceHigh());
            String what = " liquidation cluster " + range + " (est. " + compact(c.totalNotional()) + " " + quote + ", "
                    + tierText(c.tiers()) + ", " + signedPct(c.distancePct()) + ")";
            if (c.side() == PositionSide.LONG) {
                double high = c.priceLow();
                double low = onTick(high - width, tick);
                longs.add(new HuntingZone(PositionSide.LONG, low, high, distancePct(high, mark), c.price(),
                        c.totalNotional(), "Just below the long" + what + ": a sweep to " + plain(low)
                        + " would liquidate all of it"));
            } else {
                double low = c.priceHigh();
                double high = onTick(low + width, tick);
                shorts.add(new HuntingZone(PositionSide.SHORT, low, high, distancePct(low, mark), c.price(),
                        c.totalNotional(), "Just above the short" + what + ": a squeeze to " + plain(high)
                        + " would liquidate all of it"));
            }
        }
        Comparator<HuntingZone> nearestFirst = Comparator.comparingDouble(z -> Math.abs(z.distancePct()));
        longs.sort(nearestFirst);
        shorts.sort(nearestFirst);
        List<HuntingZone> out = new ArrayList<>(longs.subList(0, Math.min(MAX_HUNTS_PER_SIDE, longs.size())));
        out.addAll(shorts.subList(0, Math.min(MAX_HUNTS_PER_SIDE, shorts.size())));
        out.sort(nearestFirst);
        return out;
    }

    /** Every bucket of a side as a zone, nearest first (longs: descending price; shorts: ascending). */
    private static List<LiquidationZone> zoneList(Buckets b, Tiers tiers, double mark, boolean descending) {
        List<LiquidationZone> out = new ArrayList<>(b.size());
        for (int j = 0; j < b.size(); j++) {
            int i = descending ? b.size() - 1 - j : j;
            out.add(new LiquidationZone(b.price[i], tiers.leverage()[b.dominantTier(i)], round(b.notional[i], 2),
                    b.density[i], distancePct(b.price[i], mark)));
        }
        return out;
    }

    /** The {@code n} largest zones by notional, then nearest first. */
    static List<LiquidationZone> largestNearestFirst(List<LiquidationZone> nearestFirst, int n, boolean descending) {
        if (nearestFirst.size() <= n) {
            return nearestFirst;
        }
        List<LiquidationZone> largest = new ArrayList<>(nearestFirst);
        largest.sort(Comparator.comparingDouble(LiquidationZone::estimatedNotional).reversed());
        List<LiquidationZone> out = new ArrayList<>(largest.subList(0, n));
        Comparator<LiquidationZone> byPrice = Comparator.comparingDouble(LiquidationZone::price);
        out.sort(descending ? byPrice.reversed() : byPrice);
        return out;
    }

    private static double withinWindow(Buckets b, double mark, double windowPct) {
        double sum = 0;
        for (int i = 0; i < b.size(); i++) {
            if (Math.abs(b.price[i] - mark) / mark * 100.0 < windowPct) {
                sum += b.notional[i];
            }
        }
        return sum;
    }

    /**
     * The nearest cluster of {@code side} among the big ones (at least {@value #HUNT_MIN_SHARE} of the largest
     * cluster of either side, the same that get hunting zones), or null.
     */
    private static LiquidationCluster nearestBig(List<LiquidationCluster> clusters, PositionSide side) {
        double max = 0;
        for (LiquidationCluster c : clusters) {
            max = Math.max(max, c.totalNotional());
        }
        LiquidationCluster best = null;
        for (LiquidationCluster c : clusters) {
            if (c.side() == side && c.totalNotional() >= HUNT_MIN_SHARE * max
                    && (best == null || Math.abs(c.distancePct()) < Math.abs(best.distancePct()))) {
                best = c;
            }
        }
        return best;
    }

    private static String biasSentence(Decision d, double pLong, double pShort, double window, int cascade) {
        double total = pLong + pShort;
        if (!(total > 0)) {
            return "No estimated liquidations within " + num(window, 2) + "% of price - no hunting edge: NEUTRAL";
        }
        String shares = " (" + num(pLong / total * 100, 0) + "% vs " + num(pShort / total * 100, 0)
                + "% of proximity-weighted notional)";
        if (d.bias() == Bias.NEUTRAL && Math.abs(d.imbalance()) > BIAS_THRESHOLD) {
            return "Liquidations within " + num(window, 2) + "% of price lean " + (d.imbalance() > 0 ? "long" : "short")
                    + shares + " but are too thin to attract a hunt (cascade risk " + cascade + "/100) - NEUTRAL";
        }
        return switch (d.bias()) {
            case SHORT -> "Long liquidations outweigh short ones within " + num(window, 2) + "% of price" + shares
                    + " - a downward stop hunt is likelier: SHORT";
            case LONG -> "Short liquidations outweigh long ones within " + num(window, 2) + "% of price"
                    + " (" + num(pShort / total * 100, 0) + "% vs " + num(pLong / total * 100, 0)
                    + "% of proximity-weighted notional) - an upward squeeze is likelier: LONG";
            case NEUTRAL -> "Long and short liquidations within " + num(window, 2) + "% of price are balanced"
                    + shares + " - no hunting edge: NEUTRAL";
        };
    }

    private static String splitText(Split split, Double top, Double global, double w) {
        return switch (split.source()) {
            case "blend" -> "(top traders' positions " + num(top * 100, 1) + "% long x" + num(w, 2) + ", all accounts "
                    + num(global * 100, 1) + "% long x" + num(1 - w, 2) + ")";
            case "top_position" -> "(top traders' positions " + num(top * 100, 1)
                    + "% long; global account ratio unavailable)";
            case "global_account" -> "(all accounts " + num(global * 100, 1)
                    + "% long; top-trader position ratio unavailable)";
            default -> "(assumed: no long/short ratio available)";
        };
    }

    private static Double newestLong(List<LongShortRatio> series) {
        LongShortRatio newest = null;
        for (LongShortRatio r : series) {
            if (Double.isFinite(r.longAccount()) && (newest == null || r.timestamp() > newest.timestamp())) {
                newest = r;
            }
        }
        return newest == null ? null : newest.longAccount();
    }

    // ---------------------------------------------------------------- formatting

    static double distancePct(double price, double mark) {
        return round((price - mark) / mark * 100.0, 2);
    }

    static double onTick(double price, BigDecimal tick) {
        if (tick == null || tick.signum() <= 0 || !Double.isFinite(price)) {
            return price;
        }
        return SymbolInfo.roundTo(BigDecimal.valueOf(price), tick, RoundingMode.HALF_UP).doubleValue();
    }

    static double round(double v, int scale) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String orDefault(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }

    /** {@code 41500.0 → "41500"}, {@code 0.5123 → "0.5123"}. */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** At most {@code maxDecimals} decimals, trailing zeros dropped. */
    static String num(double v, int maxDecimals) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** {@code -4.1%} / {@code +4.5%}. */
    static String signedPct(double pct) {
        return String.format(Locale.ROOT, "%+.1f%%", pct);
    }

    /** {@code 12_400_000 → "12.4M"}, {@code 950_000 → "950K"}, {@code 512 → "512"}. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return num(v / 1e9, 2) + "B";
        }
        if (a >= 1e6) {
            return num(v / 1e6, 2) + "M";
        }
        if (a >= 1e3) {
            return num(v / 1e3, 1) + "K";
        }
        return num(v, 0);
    }

    static String tierText(List<Integer> tiers) {
        StringBuilder b = new StringBuilder();
        for (Integer t : tiers) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(t).append('x');
        }
        return b.toString();
    }

    private static String weightText(List<Double> weights) {
        StringBuilder b = new StringBuilder();
        for (Double w : weights) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(num(w * 100, 1));
        }
        return b.append(" %").toString();
    }

    private static String riskLabel(int score) {
        return score < 25 ? "low" : score < 50 ? "moderate" : score < 75 ? "high" : "extreme";
    }

    /** A span as whole hours ({@code 48h}) when it is one, minutes ({@code 45m}) otherwise. */
    static String duration(long millis) {
        long minutes = Math.round(millis / 60_000.0);
        return minutes % 60 == 0 ? (minutes / 60) + "h" : minutes + "m";
    }
}
