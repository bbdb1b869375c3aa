package io.marketintel.plugin.mtf.internal;

/**
 * The combination of the per-timeframe scores into one call. Pure arithmetic over arrays (one entry per configured
 * timeframe), no state.
 *
 * <h2>Formulas</h2>
 * Over the <em>analysed</em> timeframes {@code A} (those with enough closed candles), with configured weights
 * {@code r_i > 0}, signed scores {@code S_i ∈ [−1, 1]}, strengths {@code s_i = |S_i|} and directions {@code d_i}:
 * <ul>
 *   <li>normalised weights {@code w_i = r_i / Σ_A r_j} (0 for timeframes without enough data: their weight is
 *       shared among the others);</li>
 *   <li>weighted score {@code W = Σ_A w_i·S_i}; overall direction {@code D} from {@code W} with the same rule as
 *       a timeframe ({@link Scoring#direction}): BULLISH / BEARISH when {@code round(100·|W|) ≥
 *       direction_threshold}, else NEUTRAL;</li>
 *   <li>confluence score {@code = round(100 · max(0, Σ_A w_i·a_i·s_i))} with agreement {@code a_i = +1} when
 *       {@code d_i = D}, {@code −1} when {@code d_i} is the opposite direction, {@code 0} when {@code d_i} is
 *       NEUTRAL: the weighted strength of the timeframes that agree, minus that of those that oppose. 0 when
 *       {@code D} is NEUTRAL (nothing to agree with). All six timeframes agreeing at strength 80 score 80.</li>
 *   <li>aligned timeframes: analysed timeframes with {@code d_i = D}; total: analysed timeframes;</li>
 *   <li>anchors: the two analysed timeframes with the largest configured weight (ties: the longer interval); with
 *       the default weights 1h and 4h;</li>
 *   <li>recommendation: ENTER when {@code D} is not NEUTRAL, {@code score ≥ enter_threshold} and every anchor has
 *       direction {@code D}; AVOID when an anchor has the opposite direction (a higher-timeframe conflict) or
 *       {@code score < avoid_threshold} (also when nothing could be analysed); otherwise WAIT;</li>
 *   <li>coverage {@code = Σ_A r_i / Σ_all r_i} (the share of the configured weight that had data); confidence
 *       {@code = round(coverage · C)} with {@code C} the confluence score for BULLISH / BEARISH and, for NEUTRAL,
 *       {@code 100 · Σ_A w_i·[d_i = NEUTRAL]} (how much weight agrees that there is no direction).</li>
 * </ul>
 * Thresholds compare the rounded numbers the caller sees, so a score shown as 70 meets a threshold of 70.
 */
public final class Confluence {

    private Confluence() {
    }

    /**
     * The combined call.
     *
     * @param weights         normalised weight of every configured timeframe (0 when not analysed)
     * @param coverage        share of the configured weight that was analysed, 0 … 1
     * @param weightedScore   {@code W}, −1 … +1 (0 when nothing was analysed)
     * @param direction       overall direction
     * @param score           confluence score 0 … 100
     * @param aligned         analysed timeframes whose direction is the overall direction
     * @param total           analysed timeframes
     * @param anchors         indices of the anchor timeframes, highest weight first (0, 1 or 2 entries)
     * @param recommendation  ENTER / WAIT / AVOID
     * @param confidence      0 … 100
     * @param anchorConflict  whether an anchor has the direction opposite to the overall one
     */
    public record Outcome(double[] weights, double coverage, double weightedScore, Direction direction, int score,
                          int aligned, int total, int[] anchors, EntryRecommendation recommendation, int confidence,
                          boolean anchorConflict) {
    }

    /**
     * Combines the timeframes.
     *
     * @param rawWeight          configured weight of each timeframe, positive
     * @param intervalMillis     length of each timeframe (ties between anchors go to the longer one)
     * @param analysed           whether each timeframe had enough data
     * @param score              signed score of each timeframe, −1 … +1 (ignored when not analysed)
     * @param directionThreshold strength from which a direction is called
     * @param enterThreshold     confluence score from which ENTER is possible
     * @param avoidThreshold     confluence score below which AVOID is recommended
     */
    public static Outcome combine(double[] rawWeight, long[] intervalMillis, boolean[] analysed, double[] score,
                                  double directionThreshold, double enterThreshold, double avoidThreshold) {
        int n = rawWeight.length;
        if (intervalMillis.length != n || analysed.length != n || score.length != n) {
            throw new IllegalArgumentException("arguments [rawWeight], [intervalMillis], [analysed] and [score] must"
                    + " have the same length");
        }
        double all = 0;
        double present = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
            all += rawWeight[i];
            if (analysed[i]) {
                present += rawWeight[i];
                total++;
            }
        }
        double[] w = new double[n];
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            if (analysed[i] && present > 0) {
                w[i] = rawWeight[i] / present;
                weighted += w[i] * score[i];
            }
        }
        double coverage = all > 0 ? present / all : 0;
        Direction overall = total == 0 ? Direction.NEUTRAL : Scoring.direction(weighted, directionThreshold);

        double agreement = 0;
        double neutralWeight = 0;
        int aligned = 0;
        for (int i = 0; i < n; i++) {
            if (!analysed[i]) {
                continue;
            }
            Direction d = Scoring.direction(score[i], directionThreshold);
            if (d == overall) {
                aligned++;
            }
            if (d == Direction.NEUTRAL) {
                neutralWeight += w[i];
            } else if (overall != Direction.NEUTRAL) {
                agreement += (d == overall ? 1 : -1) * w[i] * Math.abs(score[i]);
            }
        }
        int confluence = overall == Direction.NEUTRAL ? 0 : (int) Math.round(100.0 * Math.max(0, agreement));

        int[] anchors = anchors(rawWeight, intervalMillis, analysed);
        boolean allAnchorsAgree = anchors.length > 0;
        boolean conflict = false;
        for (int a : anchors) {
            Direction d = Scoring.direction(score[a], directionThreshold);
            allAnchorsAgree &= d == overall;
            conflict |= overall != Direction.NEUTRAL && d == overall.opposite();
        }
        EntryRecommendation rec;
        if (overall != Direction.NEUTRAL && confluence >= enterThreshold && allAnchorsAgree) {
            rec = EntryRecommendation.ENTER;
        } else if (conflict || confluence < avoidThreshold || total == 0) {
            rec = EntryRecommendation.AVOID;
        } else {
            rec = EntryRecommendation.WAIT;
        }
        double c = overall == Direction.NEUTRAL ? 100.0 * neutralWeight : confluence;
        int confidence = (int) Math.round(Math.max(0, Math.min(100, coverage * c)));
        return new Outcome(w, coverage, weighted, overall, confluence, aligned, total, anchors, rec, confidence,
                conflict);
    }

    /** The (up to) two analysed timeframes with the largest weight, ties to the longer interval, largest first. */
    static int[] anchors(double[] rawWeight, long[] intervalMillis, boolean[] analysed) {
        int first = -1;
        int second = -1;
        for (int i = 0; i < rawWeight.length; i++) {
            if (!analysed[i]) {
                continue;
            }
            if (first < 0 || heavier(i, first, rawWeight, intervalMillis)) {
                second = first;
                first = i;
            } else if (second < 0 || heavier(i, second, rawWeight, intervalMillis)) {
                second = i;
            }
        }
        if (first < 0) {
            return new int[0];
        }
        return second < 0 ? new int[] {first} : new int[] {first, second};
    }

    private static boolean heavier(int a, int b, double[] rawWeight, long[] intervalMillis) {
        return rawWeight[a] > rawWeight[b] || (rawWeight[a] == rawWeight[b] && intervalMillis[a] > intervalMillis[b]);
    }
}
