package io.marketintel.plugin.risk.internal;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.ta.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The correlation matrix of the held symbols' recent returns, as the diversification score needs it.
 *
 * <p>Per symbol, the closed candles ({@code closeTime < now}, positive finite close) of the newest
 * {@code lookback}; a symbol with fewer than {@code minObservations + 1} of them, or whose klines could not be read,
 * is left out (its pairs are unknown). The others are aligned on the open times they all have, their simple returns
 * ({@link Statistics#simpleReturns}) correlated with {@link Statistics#correlationMatrix} (Pearson); fewer than
 * {@code minObservations} aligned returns leaves every pair unknown. Unknown entries are {@code NaN}.
 *
 * @param symbols      the held symbols, in the order of the matrix
 * @param matrix       correlations, 1 on the diagonal, NaN where unknown
 * @param period       kline interval code
 * @param observations aligned returns the matrix was measured on (0 when it was not)
 * @param notes        why pairs are unknown, with the numbers
 */
record CorrelationEstimate(List<String> symbols, double[][] matrix, String period, int observations,
                           List<String> notes) {

    CorrelationEstimate {
        symbols = List.copyOf(symbols);
        notes = List.copyOf(notes);
    }

    /** The klines of one symbol, or why there are none. */
    record Fetched(String symbol, List<Kline> klines, String error) {
    }

    /** An estimate that measured nothing (one position or none: no pair to correlate). */
    static CorrelationEstimate none(List<String> symbols, Interval period) {
        return new CorrelationEstimate(symbols, unknown(symbols.size()), period.code(), 0, List.of());
    }

    /** The correlation of {@code a} and {@code b}, NaN when unknown or either is not in the estimate. */
    double correlation(String a, String b) {
        int i = symbols.indexOf(a);
        int j = symbols.indexOf(b);
        if (i < 0 || j < 0) {
            return Double.NaN;
        }
        return i == j ? 1.0 : matrix[i][j];
    }

    /**
     * Measures the matrix.
     *
     * @param fetched          one entry per held symbol, in order
     * @param now              the clock's time: candles closing at or after it are still forming
     * @param period           their interval
     * @param lookback         closed candles used per symbol (the newest)
     * @param minObservations  fewest aligned returns to trust a correlation
     */
    static CorrelationEstimate of(List<Fetched> fetched, long now, Interval period, int lookback,
                                  int minObservations) {
        List<String> symbols = fetched.stream().map(Fetched::symbol).toList();
        int m = symbols.size();
        double[][] matrix = unknown(m);
        List<String> notes = new ArrayList<>();
        List<Integer> usable = new ArrayList<>();
        List<TreeMap<Long, Double>> closes = new ArrayList<>();
        for (int s = 0; s < m; s++) {
            Fetched f = fetched.get(s);
            if (f.klines() == null) {
                notes.add("No " + period.code() + " klines for " + f.symbol() + " (" + f.error() + "); its pairs are"
                        + " assumed to move fully together.");
                continue;
            }
            TreeMap<Long, Double> byTime = new TreeMap<>();
            for (Kline k : f.klines()) {
                if (k.closeTime() < now && k.close() > 0 && Double.isFinite(k.close())) {
                    byTime.put(k.openTime(), k.close());
                }
            }
            while (byTime.size() > lookback) {
                byTime.pollFirstEntry();
            }
            if (byTime.size() - 1 < minObservations) {
                notes.add(f.symbol() + " has " + byTime.size() + " closed " + period.code() + " candles, "
                        + (minObservations + 1) + " needed; its pairs are assumed to move fully together.");
                continue;
            }
            usable.add(s);
            closes.add(byTime);
        }
        if (usable.size() < 2) {
            return new CorrelationEstimate(symbols, matrix, period.code(), 0, notes);
        }
        TreeSet<Long> common = new TreeSet<>(closes.get(0).keySet());
        for (int k = 1; k < closes.size(); k++) {
            common.retainAll(closes.get(k).keySet());
        }
        int len = common.size();
        if (len - 1 < minObservations) {
            notes.add("Only " + Math.max(0, len - 1) + " aligned " + period.code() + " returns for "
                    + String.join(", ", usable.stream().map(symbols::get).toList()) + ", " + minObservations
                    + " needed; every pair is assumed to move fully together.");
            return new CorrelationEstimate(symbols, matrix, period.code(), 0, notes);
        }
        double[][] returns = new double[usable.size()][];
        for (int k = 0; k < usable.size(); k++) {
            double[] c = new double[len];
            int i = 0;
            for (Long t : common) {
                c[i++] = closes.get(k).get(t);
            }
            returns[k] = Statistics.simpleReturns(c);
        }
        double[][] r = new double[usable.size()][usable.size()];
        Statistics.correlationMatrix(returns, 1, len, r, new double[usable.size() * (len - 1)]);
        for (int a = 0; a < usable.size(); a++) {
            for (int b = 0; b < usable.size(); b++) {
                matrix[usable.get(a)][usable.get(b)] = r[a][b];
            }
        }
        for (int a = 0; a < usable.size(); a++) {
            if (Double.isNaN(r[a][a])) {
                notes.add(symbols.get(usable.get(a)) + " did not move over the last " + (len - 1) + " "
                        + period.code() + " returns; its pairs are assumed to move fully together.");
            }
        }
        for (int i = 0; i < m; i++) {
            matrix[i][i] = 1.0;
        }
        return new CorrelationEstimate(symbols, matrix, period.code(), len - 1, notes);
    }

    private static double[][] unknown(int m) {
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            Arrays.fill(out[i], Double.NaN);
            out[i][i] = 1.0;
        }
        return out;
    }
}
