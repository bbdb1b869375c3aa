package io.marketintel.benchmarks;

import io.marketintel.api.ta.Statistics;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The correlation matrix of 100 series × 1,000 returns against commons-math3's
 * {@link PearsonsCorrelation} on the same data (the values are checked equal to 1e-12 in
 * platform-api's CommonsMathCrossCheckTest, not here), and Pearson/beta of two 100,000-value series
 * against {@link PearsonsCorrelation#correlation} and {@link SimpleRegression}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CorrelationBenchmarks {

    static final int SERIES = 100;
    static final int RETURNS = 1_000;

    double[][] series;
    double[][] columns;
    double[][] matrix;
    double[] scratch;
    double[] x;
    double[] y;

    @Setup
    public void setUp() {
        series = MarketData.correlatedReturns(SERIES, RETURNS, 42);
        columns = new double[RETURNS][SERIES];
        for (int s = 0; s < SERIES; s++) {
            for (int t = 0; t < RETURNS; t++) {
                columns[t][s] = series[s][t];
            }
        }
        matrix = new double[SERIES][SERIES];
        scratch = new double[SERIES * RETURNS];
        double[][] pair = MarketData.correlatedReturns(2, 100_000, 7);
        x = pair[0];
        y = pair[1];
    }

    @Benchmark
    public double[][] matrix_ours() {
        Statistics.correlationMatrix(series, 0, RETURNS, matrix, scratch);
        return matrix;
    }

    @Benchmark
    public RealMatrix matrix_commonsmath() {
        return new PearsonsCorrelation(columns).getCorrelationMatrix();
    }

    @Benchmark
    public double pearson_ours() {
        return Statistics.pearson(x, y);
    }

    @Benchmark
    public double pearson_commonsmath() {
        return new PearsonsCorrelation().correlation(x, y);
    }

    @Benchmark
    public double beta_ours() {
        return Statistics.beta(y, x);
    }

    @Benchmark
    public double beta_commonsmath() {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            regression.addData(x[i], y[i]);
        }
        return regression.getSlope();
    }
}
