package io.marketintel.plugin.correlation.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Interval;
import io.marketintel.api.ta.MovingAverages;
import io.marketintel.api.ta.Statistics;
import io.marketintel.api.ta.Volatility;
import io.marketintel.plugin.correlation.internal.Alignment.Aligned;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arithmetic of the three operations: pure, synchronous functions over aligned closes, no I/O, clock or state.
 *
 * <p>All statistics come from the {@code io.marketintel.api.ta} kernels: returns from
 * {@link Statistics#simpleReturns}/{@link Statistics#logReturns}, the matrix from
 * {@link Statistics#correlationMatrix(double[][], int, int, double[][], double[])} (each return series centred and
 * scaled to unit norm once, then one dot product per pair), pair correlations from {@link Statistics#pearson},
 * hedge ratios from {@link Statistics#beta}, spread z-scores from {@link Statistics#zScore} with the window's mean and
 * population σ from {@link MovingAverages#sma} and {@link Volatility#stdDev}.
 */
final class CorrelationAnalysis {

    /** Returns from which the pairs-signal confidence is not scaled down for a short sample. */
    static final int CONFIDENT_OBSERVATIONS = 60;
    /** Highest confidence ever given: this is a statistical bet, not a certainty. */
    static final int MAX_CONFIDENCE = 95;
    static final String HEDGE_RATIO_METHOD = "ols_beta_of_returns";
    static final String EFFECTIVENESS_METHOD = "variance_reduction_pct: correlation^2 x 100, the share of the target's"
            + " return variance removed by the OLS-beta hedge (Var(target - beta x candidate) = (1 - correlation^2)"
            + " Var(target))";

    private CorrelationAnalysis() {
    }

    /**
     * What an answer is computed for besides the symbols.
     *
     * @param period   kline interval
     * @param lookback closed candles asked for per symbol
     * @param settings configuration
     * @param source   market data source
     */
    record Query(Interval period, int lookback, CorrelationSettings settings, String source) {
    }

    // ---------------------------------------------------------------- shared steps

    /** Returns of every aligned series ({@code [s][0]} is NaN). */
    static double[][] returns(Aligned a, ReturnType type) {
        int m = a.length();
        double[][] out = new double[a.symbols()][m];
        for (int s = 0; s < out.length; s++) {
            type.compute(a.closes[s], out[s]);
        }
        return out;
    }

    /** The full-precision Pearson matrix of return series {@code [s][1, m)}; needs at least 2 returns. */
    static double[][] correlations(double[][] returns) {
        int k = returns.length;
        int m = returns[0].length;
        double[][] out = new double[k][k];
        Statistics.correlationMatrix(returns, 1, m, out, new double[k * (m - 1)]);
        return out;
    }

    /**
     * The z-score of the latest spread {@code r1[t] − r2[t]} against the last {@code window} spreads (the latest
     * included), population σ; 0 when the window is constant.
     *
     * @param scratch at least {@code window} doubles, overwritten
     */
    static double spreadZ(double[] r1, double[] r2, int window, double[] scratch) {
        int m = r1.length;
        double[] w = scratch.length == window ? scratch : new double[window];
        for (int i = 0, t = m - window; i < window; i++, t++) {
            w[i] = r1[t] - r2[t];
        }
        return Statistics.zScore(w, window);
    }

    /** The spread window actually used: the configured one, or all returns when there are fewer. */
    static int effectiveWindow(CorrelationSettings s, int observations) {
        return Math.min(s.zscoreWindow(), observations);
    }

    /** MEAN_REVERSION when |ρ| and |z| both strictly exceed their thresholds. */
    static PairSignal signal(double correlation, double z, CorrelationSettings s) {
        return Math.abs(correlation) > s.pairsCorrelationThreshold() && Math.abs(z) > s.zscoreThreshold()
                ? PairSignal.MEAN_REVERSION : PairSignal.NONE;
    }

    /** The legs of a mean-reversion trade: short the outperformer (z above 0 means pair1 outperformed). */
    static List<Leg> legs(String pair1, String pair2, double z) {
        return z > 0 ? List.of(new Leg(pair1, Side.SHORT), new Leg(pair2, Side.LONG))
                : List.of(new Leg(pair1, Side.LONG), new Leg(pair2, Side.SHORT));
    }

    /** {@code "SHORT BTCUSDT / LONG ETHUSDT"}. */
    static String action(List<Leg> legs) {
        return legs.get(0).side() + " " + legs.get(0).symbol() + " / " + legs.get(1).side() + " " + legs.get(1).symbol();
    }

    /**
     * Confidence of a mean-reversion signal, 0 … {@value #MAX_CONFIDENCE}:
     * {@code min(95, 50 + 25·min(1, (|z| − zt)/zt) + 25·(|ρ| − ρt)/(1 − ρt)) × min(1, n/60)}, 0 without a signal.
     * 50 for a pair just past both thresholds; the divergence part is full at twice the z threshold, the
     * correlation part at |ρ| = 1; fewer than 60 returns scale it down.
     */
    static int confidence(PairSignal signal, double correlation, double z, int observations, CorrelationSettings s) {
        if (signal != PairSignal.MEAN_REVERSION) {
            return 0;
        }
        double zt = s.zscoreThreshold();
        double rt = s.pairsCorrelationThreshold();
        double zPart = Math.min(1.0, (Math.abs(z) - zt) / zt);
        double rPart = Math.min(1.0, (Math.abs(correlation) - rt) / (1.0 - rt));
        double sample = Math.min(1.0, observations / (double) CONFIDENT_OBSERVATIONS);
        return (int) Math.round(Math.min(MAX_CONFIDENCE, 50 + 25 * zPart + 25 * rPart) * sample);
    }

    /**
     * Fails with a 400 naming {@code parameter} when the aligned data give fewer returns than
     * {@code min_observations}.
     */
    static void requireObservations(Aligned a, List<String> symbols, String parameter, Query q) {
        int min = q.settings().minObservations();
        if (a.observations() >= min) {
            return;
        }
        StringBuilder bars = new StringBuilder();
        Map<String, Object> perSymbol = new LinkedHashMap<>();
        for (int s = 0; s < symbols.size(); s++) {
            bars.append(s == 0 ? "" : ", ").append(symbols.get(s)).append(' ').append(a.bars[s]);
            perSymbol.put(symbols.get(s), a.bars[s]);
        }
        throw new IntelException(ErrorCode.INVALID_PARAMETER, "parameter [" + parameter + "]: only " + a.observations()
                + " aligned returns over the last " + q.lookback() + " closed " + q.period().code() + " candles (candles: "
                + bars + "; " + a.droppedTimestamps + " open times dropped as missing for a symbol); at least " + min
                + " are needed (plugins.correlation.min_observations)",
                Map.of("parameter", parameter, "observations", a.observations(), "min_observations", min,
                        "bars", perSymbol, "dropped_timestamps", a.droppedTimestamps));
    }

    // ---------------------------------------------------------------- matrix

    /** Computes the z-score of pair (i, j) on demand. */
    @FunctionalInterface
    interface SpreadZScores {
        double of(int i, int j);
    }

    /**
     * The opportunities of a matrix.
     *
     * @param pairsTrading    largest |z| first
     * @param hedging         highest ρ first
     * @param diversification lowest ρ first
     * @param counts          totals before cutting to {@code max_opportunities}
     */
    record Opportunities(List<PairsOpportunity> pairsTrading, List<CorrelatedPair> hedging,
                         List<CorrelatedPair> diversification, OpportunityCounts counts) {
    }

    /**
     * Classifies every pair {@code i < j} (pair1 is the earlier symbol). All comparisons are strict: pairs trading
     * needs {@code |ρ| > pairs_correlation_threshold} and {@code |z| > zscore_threshold} (z only computed for the
     * pairs passing the first test), hedging {@code ρ > hedge_correlation_threshold}, diversification
     * {@code ρ < diversification_correlation_threshold}. Pairs with an undefined ρ (a constant price) are skipped.
     * Values are rounded for output only, after the decisions.
     */
    static Opportunities opportunities(List<String> symbols, double[][] corr, SpreadZScores z, CorrelationSettings s) {
        int k = symbols.size();
        List<PairsOpportunity> pairs = new ArrayList<>();
        List<double[]> pairsZ = new ArrayList<>();
        List<CorrelatedPair> hedging = new ArrayList<>();
        List<CorrelatedPair> diversification = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double r = corr[i][j];
                if (Double.isNaN(r)) {
                    continue;
                }
                String p1 = symbols.get(i);
                String p2 = symbols.get(j);
                if (Math.abs(r) > s.pairsCorrelationThreshold()) {
                    double zij = z.of(i, j);
                    if (signal(r, zij, s) == PairSignal.MEAN_REVERSION) {
                        pairs.add(new PairsOpportunity(p1, p2, Round.to(r, 4), Round.to(zij, 4),
                                PairSignal.MEAN_REVERSION, action(legs(p1, p2, zij))));
                        pairsZ.add(new double[] {Math.abs(zij), pairs.size() - 1});
                    }
                }
                if (r > s.hedgeCorrelationThreshold()) {
                    hedging.add(new CorrelatedPair(p1, p2, Round.to(r, 4)));
                }
                if (r < s.diversificationThreshold()) {
                    diversification.add(new CorrelatedPair(p1, p2, Round.to(r, 4)));
                }
            }
        }
        // Sort pairs on the unrounded |z| (stable: request order among equals).
        pairsZ.sort((a, b) -> Double.compare(b[0], a[0]));
        List<PairsOpportunity> pairsSorted = new ArrayList<>(pairs.size());
        for (double[] e : pairsZ) {
            pairsSorted.add(pairs.get((int) e[1]));
        }
        hedging.sort(Comparator.comparingDouble(CorrelatedPair::correlation).reversed());
        diversification.sort(Comparator.comparingDouble(CorrelatedPair::correlation));
        int max = s.maxOpportunities();
        OpportunityCounts counts = new OpportunityCounts(pairs.size(), hedging.size(), diversification.size(),
                k * (k - 1) / 2);
        return new Opportunities(first(pairsSorted, max), first(hedging, max), first(diversification, max), counts);
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }

    /**
     * The correlation matrix answer.
     *
     * @param symbols the symbols, in the order of {@code a}'s series
     * @param a       their aligned closes, at least {@code min_observations} returns
     */
    static MatrixResult matrix(List<String> symbols, Aligned a, Query q) {
        CorrelationSettings s = q.settings();
        requireObservations(a, symbols, "symbols", q);
        double[][] returns = returns(a, s.returnType());
        double[][] corr = correlations(returns);
        int observations = a.observations();
        int window = effectiveWindow(s, observations);
        double[] scratch = new double[window];
        Opportunities found = opportunities(symbols, corr, (i, j) -> spreadZ(returns[i], returns[j], window, scratch),
                s);

        int k = symbols.size();
        List<List<Double>> rows = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            List<Double> row = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                double r = corr[i][j];
                row.add(Double.isNaN(r) ? null : Round.to(r, 4));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        List<SymbolCoverage> coverage = coverage(symbols, a);
        String method = "Pearson correlation of " + s.returnType().code() + " returns (" + s.returnType().formula()
                + ") of closed " + q.period().code() + " candles aligned by open time (an open time missing for any"
                + " symbol is dropped for all); pairs trading: |correlation| > " + fmt(s.pairsCorrelationThreshold())
                + " and the latest spread returns(pair1) - returns(pair2) beyond +/-" + fmt(s.zscoreThreshold())
                + " population standard deviations of the last " + window + " spreads";
        return new MatrixResult(symbols, q.period().code(), s.returnType().code(), method, q.lookback(), observations,
                TimeRange.of(a.openTimes[0], a.lastCloseTime()), rows, found.pairsTrading(), found.hedging(),
                found.diversification(), found.counts(), thresholds(s, window), a.droppedTimestamps, a.gapReturns,
                coverage, a.lastCloseTime(), q.source());
    }

    static List<SymbolCoverage> coverage(List<String> symbols, Aligned a) {
        List<SymbolCoverage> out = new ArrayList<>(symbols.size());
        for (int s = 0; s < symbols.size(); s++) {
            boolean none = a.bars[s] == 0;
            out.add(new SymbolCoverage(symbols.get(s), a.bars[s], a.missing[s], none ? null : a.firstOpenTime[s],
                    none ? null : a.lastOpenTime[s]));
        }
        return out;
    }

    static Thresholds thresholds(CorrelationSettings s, int window) {
        return new Thresholds(s.pairsCorrelationThreshold(), s.zscoreThreshold(), window, s.hedgeCorrelationThreshold(),
                s.diversificationThreshold());
    }

    // ---------------------------------------------------------------- hedge

    /**
     * Ranks hedge candidates for {@code target}.
     *
     * @param pairs one alignment per candidate, series 0 the target and series 1 the candidate
     */
    static HedgeResult hedge(String target, List<String> candidates, List<Aligned> pairs, Query q) {
        CorrelationSettings s = q.settings();
        List<HedgeCandidate> ranked = new ArrayList<>();
        List<double[]> order = new ArrayList<>();          // {rho², index in ranked}: rank on unrounded values
        List<SkippedCandidate> skipped = new ArrayList<>();
        long dataTime = Long.MIN_VALUE;
        for (int c = 0; c < candidates.size(); c++) {
            String candidate = candidates.get(c);
            Aligned a = pairs.get(c);
            int n = a.observations();
            if (n < s.minObservations()) {
                skipped.add(new SkippedCandidate(candidate, "only " + n + " aligned returns with " + target + " (candles: "
                        + target + " " + a.bars[0] + ", " + candidate + " " + a.bars[1] + "); at least "
                        + s.minObservations() + " are needed", n));
                continue;
            }
            double[][] r = returns(a, s.returnType());
            int m = a.length();
            double rho = Statistics.pearson(r[0], r[1], 1, m);
            if (Double.isNaN(rho)) {
                skipped.add(new SkippedCandidate(candidate, "correlation undefined: " + (isConstant(r[1], m)
                        ? candidate : target) + "'s price did not move over the window", n));
                continue;
            }
            double beta = Statistics.beta(r[0], r[1], 1, m);
            ranked.add(new HedgeCandidate(candidate, Round.to(rho, 4), Round.to(rho * rho * 100, 2), Round.to(beta, 4),
                    beta >= 0 ? Side.SHORT : Side.LONG, Math.abs(rho) > s.hedgeCorrelationThreshold(), n,
                    a.droppedTimestamps));
            order.add(new double[] {rho * rho, ranked.size() - 1});
            dataTime = Math.max(dataTime, a.lastCloseTime());
        }
        List<HedgeCandidate> unsorted = ranked;
        order.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0])
                : unsorted.get((int) x[1]).symbol().compareTo(unsorted.get((int) y[1]).symbol()));
        ranked = new ArrayList<>(order.size());
        for (double[] o : order) {
            ranked.add(unsorted.get((int) o[1]));
        }
        BestHedge best = null;
        if (!ranked.isEmpty() && ranked.get(0).qualifies()) {
            HedgeCandidate h = ranked.get(0);
            best = new BestHedge(h.symbol(), h.hedgeRatio(), h.correlation(), h.effectiveness(), h.hedgeSide());
        }
        List<String> reasoning = hedgeReasoning(target, ranked, best, skipped, q);
        if (dataTime == Long.MIN_VALUE) {
            for (Aligned a : pairs) {
                dataTime = Math.max(dataTime, a.lastCloseTime());
            }
        }
        return new HedgeResult(target, q.period().code(), s.returnType().code(), q.lookback(), ranked, best,
                EFFECTIVENESS_METHOD, HEDGE_RATIO_METHOD, s.hedgeCorrelationThreshold(), skipped, reasoning,
                dataTime == Long.MIN_VALUE ? 0 : dataTime, q.source());
    }

    private static boolean isConstant(double[] r, int m) {
        for (int i = 2; i < m; i++) {
            if (r[i] != r[1]) {
                return false;
            }
        }
        return true;
    }

    private static List<String> hedgeReasoning(String target, List<HedgeCandidate> ranked, BestHedge best,
                                               List<SkippedCandidate> skipped, Query q) {
        CorrelationSettings s = q.settings();
        List<String> out = new ArrayList<>();
        String returns = q.period().code() + " " + s.returnType().code() + " returns";
        if (best != null) {
            HedgeCandidate h = ranked.get(0);
            out.add("Best hedge: " + best.symbol() + " - correlation " + fmt(best.correlation()) + " over "
                    + h.observations() + " " + returns + "; " + best.hedgeSide() + " " + fmt(Math.abs(best.hedgeRatio()))
                    + " " + best.symbol() + " notional per 1 of " + target + " (OLS beta) removes "
                    + fmt(best.effectiveness()) + "% of " + target + "'s return variance");
        } else if (!ranked.isEmpty()) {
            HedgeCandidate h = ranked.get(0);
            out.add("No candidate's |correlation| exceeds " + fmt(s.hedgeCorrelationThreshold()) + " (best: "
                    + h.symbol() + " " + fmt(h.correlation()) + ", removing " + fmt(h.effectiveness())
                    + "% of the variance): no reliable hedge among the candidates");
        } else {
            out.add("No candidate could be ranked: see skipped");
        }
        for (int i = best == null ? 0 : 1; i < ranked.size(); i++) {
            HedgeCandidate h = ranked.get(i);
            out.add(h.symbol() + ": correlation " + fmt(h.correlation()) + ", hedge ratio " + fmt(h.hedgeRatio())
                    + ", removes " + fmt(h.effectiveness()) + "% of the variance"
                    + (h.qualifies() ? "" : " (|correlation| not above " + fmt(s.hedgeCorrelationThreshold()) + ")"));
        }
        for (SkippedCandidate k : skipped) {
            out.add("Skipped " + k.symbol() + ": " + k.reason());
        }
        return out;
    }

    // ---------------------------------------------------------------- pairs signal

    /** The pairs-trading signal of two symbols; {@code a} holds pair1 as series 0 and pair2 as series 1. */
    static PairsSignalResult pairsSignal(String pair1, String pair2, Aligned a, Query q) {
        CorrelationSettings s = q.settings();
        // Name the pair with fewer candles: that is the one to replace.
        requireObservations(a, List.of(pair1, pair2), a.bars[0] <= a.bars[1] ? "pair1" : "pair2", q);
        double[][] r = returns(a, s.returnType());
        int m = a.length();
        int n = a.observations();
        double rho = Statistics.pearson(r[0], r[1], 1, m);
        int window = effectiveWindow(s, n);
        double[] w = new double[window];
        for (int i = 0, t = m - window; i < window; i++, t++) {
            w[i] = r[0][t] - r[1][t];
        }
        double mean = MovingAverages.sma(w, window)[window - 1];
        double std = Volatility.stdDev(w, window)[window - 1];
        double z = Statistics.zScore(w, window);
        double current = w[window - 1];
        PairSignal signal = Double.isNaN(rho) ? PairSignal.NONE : signal(rho, z, s);
        List<Leg> legs = signal == PairSignal.MEAN_REVERSION ? legs(pair1, pair2, z) : List.of();
        String action = legs.isEmpty() ? null : action(legs);
        int confidence = confidence(signal, rho, z, n, s);
        List<String> reasoning = pairsReasoning(pair1, pair2, a, rho, current, mean, std, z, window, signal, legs,
                confidence, q);
        return new PairsSignalResult(pair1, pair2, q.period().code(), s.returnType().code(), q.lookback(), n,
                Double.isNaN(rho) ? null : Round.to(rho, 4), Round.to(current, 8), Round.to(mean, 8),
                Round.to(std, 8), Round.to(z, 4), window, signal, action, legs, confidence, reasoning,
                thresholds(s, window), a.droppedTimestamps, a.gapReturns, TimeRange.of(a.openTimes[0],
                a.lastCloseTime()), a.lastCloseTime(), q.source());
    }

    private static List<String> pairsReasoning(String p1, String p2, Aligned a, double rho, double current, double mean,
                                               double std, double z, int window, PairSignal signal, List<Leg> legs,
                                               int confidence, Query q) {
        CorrelationSettings s = q.settings();
        double zt = s.zscoreThreshold();
        double rt = s.pairsCorrelationThreshold();
        List<String> out = new ArrayList<>();
        out.add("Spread " + p1 + " - " + p2 + " of " + q.period().code() + " " + s.returnType().code() + " returns: now "
                + pct(current) + ", mean " + pct(mean) + " and standard deviation " + String.format(Locale.ROOT, "%.4f%%",
                std * 100) + " over the last "
                + window + " spreads: z = " + signed(z));
        if (Double.isNaN(rho)) {
            out.add("Correlation undefined: one of the prices did not move over the window - no pairs trade");
        } else if (Math.abs(rho) > rt) {
            out.add("Correlation " + fmt(Round.to(rho, 4)) + " over " + a.observations() + " returns: |correlation| > "
                    + fmt(rt) + ", the pair moves together" + (rho < 0
                    ? " (negatively: the return spread of a negatively correlated pair widens in normal moves, read"
                    + " the signal with care)" : ""));
        } else {
            out.add("Correlation " + fmt(Round.to(rho, 4)) + " over " + a.observations() + " returns is not above "
                    + fmt(rt) + ": the pair does not move together enough to expect the spread to revert");
        }
        if (z > zt) {
            out.add("z " + signed(z) + " > +" + fmt(zt) + ": " + p1 + " outperformed " + p2 + (signal == PairSignal.NONE
                    ? "" : " - " + action(legs) + ", expecting the spread to revert toward its mean"));
        } else if (z < -zt) {
            out.add("z " + signed(z) + " < -" + fmt(zt) + ": " + p2 + " outperformed " + p1 + (signal == PairSignal.NONE
                    ? "" : " - " + action(legs) + ", expecting the spread to revert toward its mean"));
        } else {
            out.add("|z| " + fmt(Round.to(Math.abs(z), 4)) + " is within +/-" + fmt(zt)
                    + " (the threshold itself does not trigger): no divergence to trade");
        }
        if (signal == PairSignal.MEAN_REVERSION) {
            double zPart = 25 * Math.min(1, (Math.abs(z) - zt) / zt);
            double rPart = 25 * Math.min(1, (Math.abs(rho) - rt) / (1 - rt));
            out.add("Confidence " + confidence + ": 50 + " + fmt(Round.to(zPart, 1))
                    + " for the divergence beyond the threshold + " + fmt(Round.to(rPart, 1))
                    + " for the correlation above it" + (50 + zPart + rPart > MAX_CONFIDENCE ? ", capped at "
                    + MAX_CONFIDENCE : "") + (a.observations() < CONFIDENT_OBSERVATIONS ? ", x "
                    + fmt(Round.to(a.observations() / (double) CONFIDENT_OBSERVATIONS, 2)) + " for only "
                    + a.observations() + " returns" : ""));
        } else {
            out.add("Signal NONE: confidence 0");
        }
        if (a.droppedTimestamps > 0) {
            out.add("Dropped " + a.droppedTimestamps + " open times missing for " + p1 + " or " + p2 + " ("
                    + p1 + " " + a.missing[0] + ", " + p2 + " " + a.missing[1] + ")");
        }
        return out;
    }

    // ---------------------------------------------------------------- formatting

    /** A number as people read it: {@code 0.87}, {@code 2}, never {@code 8.7E-1}. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String signed(double z) {
        double r = Round.to(z, 2);
        return (r > 0 ? "+" : "") + fmt(r);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%+.4f%%", fraction * 100);
    }
}
