package io.marketintel.api.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pearson correlation, the correlation matrix and OLS beta against commons-math3 3.6.1
 * ({@link PearsonsCorrelation}, {@link SimpleRegression}): equal to 1e-12 (absolute for r, which lives in
 * [−1, 1]; relative for beta).
 */
class CommonsMathCrossCheckTest {

    private static final double EPS = 1e-12;

    /** Deterministic correlated random walks: {@code m} series of {@code n} log-returns around a common factor. */
    static double[][] returns(int m, int n, long seed) {
        Random random = new Random(seed);
        double[] market = new double[n];
        for (int t = 0; t < n; t++) {
            market[t] = 0.01 * random.nextGaussian();
        }
        double[][] r = new double[m][n];
        for (int s = 0; s < m; s++) {
            double loading = 0.2 + 1.3 * random.nextDouble();
            for (int t = 0; t < n; t++) {
                r[s][t] = loading * market[t] + 0.008 * random.nextGaussian();
            }
        }
        return r;
    }

    @Test
    void correlationMatrixOfHundredSeriesOfThousandReturnsEqualsCommonsMath() {
        int m = 100;
        int n = 1000;
        double[][] series = returns(m, n, 42);
        double[][] ours = Statistics.correlationMatrix(series);

        double[][] columns = new double[n][m];
        for (int s = 0; s < m; s++) {
            for (int t = 0; t < n; t++) {
                columns[t][s] = series[s][t];
            }
        }
        RealMatrix reference = new PearsonsCorrelation(columns).getCorrelationMatrix();
        double worst = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                worst = Math.max(worst, Math.abs(ours[i][j] - reference.getEntry(i, j)));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(EPS);
        assertThat(ours[3][7]).isEqualTo(ours[7][3]);
    }

    @Test
    void correlationMatrixHonoursTheRangeAndReusesScratch() {
        double[][] series = returns(5, 300, 7);
        double[][] out = new double[5][5];
        double[] scratch = new double[5 * 300];
        Statistics.correlationMatrix(series, 1, 300, out, scratch);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = i == j ? 1.0 : new PearsonsCorrelation().correlation(
                        java.util.Arrays.copyOfRange(series[i], 1, 300), java.util.Arrays.copyOfRange(series[j], 1, 300));
                assertThat(out[i][j]).isCloseTo(expected, within(EPS));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void pearsonAndBetaEqualCommonsMath(long seed) {
        double[][] r = returns(2, 2000, seed);
        double[] x = r[0];
        double[] y = r[1];
        assertThat(Statistics.pearson(x, y)).isCloseTo(new PearsonsCorrelation().correlation(x, y), within(EPS));
        SimpleRegression regression = new SimpleRegression();
        for (int t = 0; t < x.length; t++) {
            regression.addData(x[t], y[t]);
        }
        double slope = regression.getSlope();
        assertThat(Statistics.beta(y, x)).isCloseTo(slope, within(EPS * Math.abs(slope)));
    }

    /**
     * Real prices: log-returns of the five shared symbols (the last common number of bars of each file;
     * the files are not time-aligned row by row, so the coefficients are no market statement — only the
     * agreement with commons-math is checked).
     */
    @Test
    void realReturnsOfTheSharedSymbols() {
        int m = SharedKlines.SYMBOLS.size();
        double[][] returns = new double[m][];
        int n = Integer.MAX_VALUE;
        for (int s = 0; s < m; s++) {
            returns[s] = Statistics.logReturns(SharedKlines.load(SharedKlines.SYMBOLS.get(s)).close());
            n = Math.min(n, returns[s].length);
        }
        for (int s = 0; s < m; s++) {
            returns[s] = java.util.Arrays.copyOfRange(returns[s], returns[s].length - n + 1, returns[s].length);
        }
        double[][] ours = Statistics.correlationMatrix(returns);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double expected = i == j ? 1.0 : new PearsonsCorrelation().correlation(returns[i], returns[j]);
                assertThat(ours[i][j]).isCloseTo(expected, within(EPS));
                assertThat(Statistics.pearson(returns[i], returns[j])).isCloseTo(expected, within(EPS));
                SimpleRegression regression = new SimpleRegression();
                for (int t = 0; t < returns[i].length; t++) {
                    regression.addData(returns[j][t], returns[i][t]);
                }
                double slope = regression.getSlope();
                assertThat(Statistics.beta(returns[i], returns[j])).isCloseTo(slope, within(EPS * Math.abs(slope)));
            }
        }
    }
}
