package io.marketintel.plugin.orderbook.internal;

/**
 * The order-book kernels: static, pure functions over flat arrays ({@code prices[i]}, {@code qty[i]}, the first
 * {@code n} entries valid). No allocation except where a method says so, no boxing, no streams; each one pass.
 * {@link OrderBookAnalysis} composes them into results; benchmarks can call them directly.
 *
 * <h2>Formulas</h2>
 * <ul>
 *   <li><b>Wall</b>: {@code qty ≥ k × mean}, mean = arithmetic mean quantity of the analysed levels of the same
 *       side (walls included), inclusive up to floating-point rounding ({@link #REL_EPS}).</li>
 *   <li><b>Imbalance</b> (%): {@code (bid − ask) × 100 / (bid + ask)} of the base quantities in the band; 0 when
 *       the band holds nothing.</li>
 *   <li><b>Wall strength</b> (0–100): {@code round(100 × (0.6 × size + 0.4 × proximity))} with
 *       {@code size = clamp(log10(multiple) / log10(30), 0, 1)} (30× the mean or more saturates) and
 *       {@code proximity = 1 / (1 + |distance %| / band %)} (a wall at mid scores 1, one at the band's edge ½).</li>
 *   <li><b>Depth score</b> (0–100): {@code round(100 × (0.5 × volume + 0.3 × levels + 0.2 × spread))} with
 *       {@code volume = clamp(1 + log10(notional in band / reference) / 3, 0, 1)} (the reference earns 1, each
 *       tenfold less a third less), {@code levels = min(1, levels in band / (2 × depth limit))} and
 *       {@code spread = 1 / (1 + spread bps / 5)}. Non-decreasing in notional and level count, non-increasing
 *       in the spread.</li>
 *   <li><b>Net pressure</b> ({@code −100 … 100}): {@code 0.6 × imbalance + 0.4 × wall balance}, wall balance
 *       {@code = (B − A) × 100 / (B + A)} of the summed effective strengths of the near bid and ask walls.</li>
 * </ul>
 */
final class BookMath {

    /** Relative tolerance of inclusive comparisons against rounding of sums ({@code 3 × mean}). */
    static final double REL_EPS = 1e-12;
    /** Absolute tolerance of the percentage threshold comparisons. */
    static final double PCT_EPS = 1e-9;
    /** Multiple of the side mean at which the size part of a wall's strength saturates. */
    static final double STRENGTH_SATURATION_MULTIPLE = 30.0;
    static final double STRENGTH_SIZE_WEIGHT = 0.6;
    static final double STRENGTH_PROXIMITY_WEIGHT = 0.4;
    static final double DEPTH_VOLUME_WEIGHT = 0.5;
    static final double DEPTH_LEVEL_WEIGHT = 0.3;
    static final double DEPTH_SPREAD_WEIGHT = 0.2;
    /** Decades below the reference notional over which the volume part falls from 1 to 0. */
    static final double DEPTH_VOLUME_DECADES = 3.0;
    /** Spread, in basis points, at which the spread part of the depth score is ½. */
    static final double DEPTH_SPREAD_HALF_BPS = 5.0;
    static final double PRESSURE_IMBALANCE_WEIGHT = 0.6;
    static final double PRESSURE_WALL_WEIGHT = 0.4;

    private BookMath() {
    }

    /** Sum of the first {@code n} values. */
    static double sum(double[] values, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += values[i];
        }
        return s;
    }

    /** Arithmetic mean of the first {@code n} values, NaN for {@code n = 0}. */
    static double mean(double[] values, int n) {
        return n == 0 ? Double.NaN : sum(values, n) / n;
    }

    /** Signed distance of {@code price} from {@code mid}, percent of mid (bids negative, asks positive). */
    static double distancePct(double price, double mid) {
        return (price - mid) / mid * 100.0;
    }

    /** Whether {@code qty} reaches {@code threshold} (inclusive, up to rounding of the threshold). */
    static boolean reaches(double qty, double threshold) {
        return qty >= threshold * (1 - REL_EPS);
    }

    /**
     * Indices of the levels whose quantity reaches {@code threshold}, in book order.
     *
     * @param out receives the indices; at least {@code n} long
     * @return how many were written
     */
    static int wallIndices(double[] qty, int n, double threshold, int[] out) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (reaches(qty[i], threshold)) {
                out[count++] = i;
            }
        }
        return count;
    }

    /** Sum of the quantities of the levels priced within {@code [lo, hi]}. */
    static double sumWithin(double[] prices, double[] qty, int n, double lo, double hi) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double p = prices[i];
            if (p >= lo && p <= hi) {
                s += qty[i];
            }
        }
        return s;
    }

    /** Sum of {@code price × quantity} of the levels priced within {@code [lo, hi]}. */
    static double notionalWithin(double[] prices, double[] qty, int n, double lo, double hi) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double p = prices[i];
            if (p >= lo && p <= hi) {
                s += p * qty[i];
            }
        }
        return s;
    }

    /** Number of levels priced within {@code [lo, hi]}. */
    static int countWithin(double[] prices, int n, double lo, double hi) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            double p = prices[i];
            if (p >= lo && p <= hi) {
                c++;
            }
        }
        return c;
    }

    /** {@code (bid − ask) × 100 / (bid + ask)}, 0 when both are 0. */
    static double imbalancePct(double bidVolume, double askVolume) {
        double total = bidVolume + askVolume;
        return total > 0 ? (bidVolume - askVolume) * 100.0 / total : 0.0;
    }

    /**
     * BID when {@code imbalance ≥ threshold} (inclusive) and positive, ASK when {@code imbalance ≤ −threshold}
     * and negative, NEUTRAL otherwise; a zero imbalance is NEUTRAL even for a zero threshold.
     */
    static DominantSide dominantSide(double imbalancePct, double thresholdPct) {
        if (imbalancePct > 0 && imbalancePct >= thresholdPct - PCT_EPS) {
            return DominantSide.BID;
        }
        if (imbalancePct < 0 && imbalancePct <= -thresholdPct + PCT_EPS) {
            return DominantSide.ASK;
        }
        return DominantSide.NEUTRAL;
    }

    /** Size part of a wall's strength: {@code clamp(log10(multiple) / log10(30), 0, 1)}. */
    static double sizeScore(double multiple) {
        if (!(multiple > 1)) {
            return 0;
        }
        return Math.min(1.0, Math.log10(multiple) / Math.log10(STRENGTH_SATURATION_MULTIPLE));
    }

    /** Proximity part of a wall's strength: {@code 1 / (1 + |distance %| / halfPct)}. */
    static double proximityScore(double distancePct, double halfPct) {
        return 1.0 / (1.0 + Math.abs(distancePct) / halfPct);
    }

    /**
     * Strength of a wall or cluster, 0–100: {@code round(100 × (0.6 × sizeScore + 0.4 × proximityScore))}.
     *
     * @param multiple    quantity over the side's mean level quantity
     * @param distancePct distance from mid, percent (sign ignored)
     * @param halfPct     distance at which proximity is ½ (the imbalance band)
     */
    static int strength(double multiple, double distancePct, double halfPct) {
        double s = STRENGTH_SIZE_WEIGHT * sizeScore(multiple) + STRENGTH_PROXIMITY_WEIGHT * proximityScore(distancePct, halfPct);
        return clampScore(Math.round(100.0 * s));
    }

    /** Volume part of the depth score: {@code clamp(1 + log10(notional / reference) / 3, 0, 1)}. */
    static double volumeScore(double notional, double reference) {
        if (!(notional > 0)) {
            return 0;
        }
        return clamp01(1.0 + Math.log10(notional / reference) / DEPTH_VOLUME_DECADES);
    }

    /** Level part of the depth score: {@code min(1, levelsInBand / (2 × depthLimit))}. */
    static double levelScore(int levelsInBand, int depthLimit) {
        return clamp01(levelsInBand / (2.0 * depthLimit));
    }

    /** Spread part of the depth score: {@code 1 / (1 + spreadBps / 5)}. */
    static double spreadScore(double spreadBps) {
        return 1.0 / (1.0 + Math.max(0, spreadBps) / DEPTH_SPREAD_HALF_BPS);
    }

    /** Depth score 0–100 from its three parts (each 0–1). */
    static int depthScore(double volumeScore, double levelScore, double spreadScore) {
        double s = DEPTH_VOLUME_WEIGHT * volumeScore + DEPTH_LEVEL_WEIGHT * levelScore + DEPTH_SPREAD_WEIGHT * spreadScore;
        return clampScore(Math.round(100.0 * s));
    }

    /** Depth score 0–100 from its inputs, see the class comment. */
    static int depthScore(double notionalInBand, double referenceNotional, int levelsInBand, int depthLimit,
                          double spreadBps) {
        return depthScore(volumeScore(notionalInBand, referenceNotional), levelScore(levelsInBand, depthLimit),
                spreadScore(spreadBps));
    }

    /** {@code (bid − ask) × 100 / (bid + ask)} of summed wall strengths, 0 when there are none. */
    static double wallBalance(double bidStrength, double askStrength) {
        return imbalancePct(bidStrength, askStrength);
    }

    /** {@code 0.6 × imbalance + 0.4 × wallBalance}, −100 … 100. */
    static double netPressure(double imbalancePct, double wallBalance) {
        return PRESSURE_IMBALANCE_WEIGHT * imbalancePct + PRESSURE_WALL_WEIGHT * wallBalance;
    }

    /**
     * Sorts {@code idx[0..count)} by the distance of {@code prices[idx[i]]} from {@code mid}, nearest first, ties
     * in index order (insertion sort: the candidates are few and already nearly in order).
     */
    static void sortByDistance(double[] prices, int[] idx, int count, double mid) {
        for (int i = 1; i < count; i++) {
            int v = idx[i];
            double d = Math.abs(prices[v] - mid);
            int j = i - 1;
            while (j >= 0 && (Math.abs(prices[idx[j]] - mid) > d
                    || (Math.abs(prices[idx[j]] - mid) == d && idx[j] > v))) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }

    /**
     * Groups candidates, already ordered nearest to mid first, into clusters: a candidate joins the open cluster
     * when its price lies within {@code tolerancePct} % of mid of the cluster's anchor (its first, nearest
     * price), otherwise it opens the next cluster. Stops after {@code maxClusters} clusters.
     *
     * @param starts receives the position in {@code order} where each cluster begins, plus one final entry
     *               marking the end of the last cluster; at least {@code maxClusters + 1} long
     * @return the number of clusters
     */
    static int cluster(double[] prices, int[] order, int count, double mid, double tolerancePct, int maxClusters,
                       int[] starts) {
        double tolerance = tolerancePct / 100.0 * mid * (1 + REL_EPS);
        int clusters = 0;
        double anchor = Double.NaN;
        int i = 0;
        for (; i < count; i++) {
            double p = prices[order[i]];
            if (clusters == 0 || Math.abs(p - anchor) > tolerance) {
                if (clusters == maxClusters) {
                    break;
                }
                starts[clusters++] = i;
                anchor = p;
            }
        }
        starts[clusters] = i;
        return clusters;
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    static int clampScore(long v) {
        return (int) Math.max(0, Math.min(100, v));
    }
}
