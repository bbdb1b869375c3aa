package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.BNB;
import static io.marketintel.plugin.correlation.internal.Fixtures.BTC;
import static io.marketintel.plugin.correlation.internal.Fixtures.ETH;
import static io.marketintel.plugin.correlation.internal.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.plugin.correlation.internal.Alignment.Aligned;
import io.marketintel.plugin.correlation.internal.CorrelationAnalysis.Query;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matrix on the real BTC/ETH/BNB SPOT 1h series of the shared data (read at test time, skipped with the reason
 * when missing), checked against an independent computation written here: a map keyed by open time, simple returns
 * between consecutive common rows, and a naive two-pass Pearson over plain loops (BigDecimal for the 1,500-hour
 * window).
 *
 * <p>The files are not row-aligned: BNB starts an hour after BTC (2021-04-04 21:00), BTC ends an hour before ETH and
 * BNB (2023-12-30 19:00), and all three share five outages. Over the whole history exactly two open times are
 * therefore dropped (BTC misses one, BNB one, ETH none) and the five outages make five returns that span a gap.
 */
class RealDataMatrixTest {

    private static final List<String> SYMBOLS = List.of(BTC, ETH, BNB);
    private static List<List<Kline>> klines;

    @BeforeAll
    static void read() throws IOException {
        klines = new ArrayList<>();
        for (String s : SYMBOLS) {
            klines.add(SharedData.klines(s));
        }
    }

    /** Independent: close per symbol keyed by open time; keep the rows all three have. */
    private static double[][] commonReturns(List<List<Kline>> series) {
        TreeMap<Long, double[]> rows = new TreeMap<>();
        for (int s = 0; s < series.size(); s++) {
            for (Kline k : series.get(s)) {
                rows.computeIfAbsent(k.openTime(), t -> new double[] {Double.NaN, Double.NaN, Double.NaN})[s] = k.close();
            }
        }
        List<double[]> kept = new ArrayList<>();
        for (double[] row : rows.values()) {
            if (!Double.isNaN(row[0]) && !Double.isNaN(row[1]) && !Double.isNaN(row[2])) {
                kept.add(row);
            }
        }
        double[][] r = new double[3][kept.size() - 1];
        for (int i = 1; i < kept.size(); i++) {
            for (int s = 0; s < 3; s++) {
                r[s][i - 1] = kept.get(i)[s] / kept.get(i - 1)[s] - 1;
            }
        }
        return r;
    }

    /** Naive two-pass Pearson over plain loops: means first, then the centred sums. */
    private static double naivePearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** The same in BigDecimal (exact inputs, 34 digits), for the 1,500-hour window. */
    private static double exactPearson(double[] x, double[] y) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal n = BigDecimal.valueOf(x.length);
        BigDecimal sx = BigDecimal.ZERO;
        BigDecimal sy = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            sx = sx.add(new BigDecimal(x[i]), mc);
            sy = sy.add(new BigDecimal(y[i]), mc);
        }
        BigDecimal mx = sx.divide(n, mc);
        BigDecimal my = sy.divide(n, mc);
        BigDecimal sxy = BigDecimal.ZERO;
        BigDecimal sxx = BigDecimal.ZERO;
        BigDecimal syy = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            BigDecimal dx = new BigDecimal(x[i]).subtract(mx, mc);
            BigDecimal dy = new BigDecimal(y[i]).subtract(my, mc);
            sxy = sxy.add(dx.multiply(dy, mc), mc);
            sxx = sxx.add(dx.multiply(dx, mc), mc);
            syy = syy.add(dy.multiply(dy, mc), mc);
        }
        return sxy.divide(sxx.multiply(syy, mc).sqrt(mc), mc).doubleValue();
    }

    @Test
    void wholeHistoryMatchesAnIndependentComputation() {
        Aligned a = Alignment.align(klines, Interval.H1, Long.MAX_VALUE);
        assertThat(a.timestampsSeen).isEqualTo(23_989);                // 2021-04-04 20:00 .. 2023-12-30 20:00, minus outages
        assertThat(a.droppedTimestamps).isEqualTo(2);
        assertThat(a.missing).containsExactly(1, 0, 1);                // BTC: the last hour, ETH: none, BNB: the first hour
        assertThat(a.length()).isEqualTo(23_987);
        assertThat(a.gapReturns).isEqualTo(5);                         // the five shared outages
        assertThat(Instant.ofEpochMilli(a.openTimes[0])).isEqualTo(Instant.parse("2021-04-04T21:00:00Z"));
        assertThat(Instant.ofEpochMilli(a.openTimes[a.length() - 1])).isEqualTo(Instant.parse("2023-12-30T19:00:00Z"));

        double[][] expectedReturns = commonReturns(klines);
        double[][] returns = CorrelationAnalysis.returns(a, ReturnType.SIMPLE);
        for (int s = 0; s < 3; s++) {
            assertThat(java.util.Arrays.copyOfRange(returns[s], 1, returns[s].length)).containsExactly(expectedReturns[s]);
        }
        double[][] corr = CorrelationAnalysis.correlations(returns);
        for (int i = 0; i < 3; i++) {
            assertThat(corr[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    double expected = naivePearson(expectedReturns[i], expectedReturns[j]);
                    assertThat(corr[i][j]).as("rho(%s, %s)", SYMBOLS.get(i), SYMBOLS.get(j)).isCloseTo(expected, within(1e-12));
                }
            }
        }
        // What these markets did: strongly but not perfectly correlated hourly returns.
        assertThat(corr[0][1]).isBetween(0.8, 0.9);                     // BTC-ETH
        assertThat(corr[0][2]).isBetween(0.6, 0.8);                     // BTC-BNB
        assertThat(corr[1][2]).isBetween(0.6, 0.8);                     // ETH-BNB

        MatrixResult r = CorrelationAnalysis.matrix(SYMBOLS, a, new Query(Interval.H1, 24_000,
                CorrelationSettings.defaults(), "replay"));
        assertThat(r.observations()).isEqualTo(23_986);
        assertThat(r.droppedTimestamps()).isEqualTo(2);
        assertThat(r.gapReturns()).isEqualTo(5);
        assertThat(r.coverage()).extracting(SymbolCoverage::symbol, SymbolCoverage::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BTC, 1), org.assertj.core.groups.Tuple.tuple(ETH, 0),
                        org.assertj.core.groups.Tuple.tuple(BNB, 1));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(r.matrix().get(i).get(j)).isCloseTo(corr[i][j], within(0.5e-4 + 1e-12));
            }
        }
    }

    @Test
    void logReturnsToo() {
        Aligned a = Alignment.align(klines, Interval.H1, Long.MAX_VALUE);
        double[][] corr = CorrelationAnalysis.correlations(CorrelationAnalysis.returns(a, ReturnType.LOG));
        double[][] simple = commonReturns(klines);
        double[][] log = new double[3][simple[0].length];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < log[s].length; i++) {
                log[s][i] = Math.log1p(simple[s][i]);
            }
        }
        assertThat(corr[0][1]).isCloseTo(naivePearson(log[0], log[1]), within(1e-9));
        assertThat(corr[1][2]).isCloseTo(naivePearson(log[1], log[2]), within(1e-9));
    }

    /**
     * The operation as the runtime calls it, on a market serving the real series: the last 1,500 closed hours before
     * 2023-12-30 21:30 UTC. BTC's file has no 20:00 candle, so that open time is dropped for all three. The answer is
     * written to {@code target/correlation-matrix-example.json} (the README's example comes from there).
     */
    @Test
    void operationOnTheRealSeries() throws IOException {
        FakeMarketData market = new FakeMarketData();
        for (int s = 0; s < 3; s++) {
            market.klines(SYMBOLS.get(s), klines.get(s));
        }
        CorrelationPlugin plugin = new CorrelationPlugin();
        FakePluginContext ctx = Fixtures.context(plugin.descriptor(), market);
        ctx.clock().advance(Duration.ofMillis(Instant.parse("2023-12-30T21:30:00Z").toEpochMilli() - Fixtures.T0));
        done(plugin.start(ctx));
        MatrixResult r = (MatrixResult) done(plugin.operations().get(0).handler().handle(new OperationRequest(null,
                Params.of(Map.of("symbols", SYMBOLS, "period", "1h", "lookback", 1500L)))));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "correlation-matrix-example.json"), JacksonSupport.pretty(r));

        assertThat(r.symbols()).containsExactly(BTC, ETH, BNB);
        assertThat(r.period()).isEqualTo("1h");
        assertThat(r.returnType()).isEqualTo("simple");
        assertThat(r.droppedTimestamps()).isEqualTo(1);
        assertThat(r.coverage()).extracting(SymbolCoverage::bars).containsExactly(1499, 1500, 1500);
        assertThat(r.coverage()).extracting(SymbolCoverage::missing).containsExactly(1, 0, 0);
        assertThat(r.observations()).isEqualTo(1498);
        assertThat(r.timeRange().fromUtc()).isEqualTo("2023-10-29T09:00:00Z");
        assertThat(r.timeRange().toUtc()).isEqualTo("2023-12-30T19:59:59.999Z");
        assertThat(r.dataTime()).isEqualTo(r.timeRange().to());

        // Same numbers as the independent computation on the same window.
        long from = Instant.parse("2023-10-29T09:00:00Z").toEpochMilli();
        List<List<Kline>> window = new ArrayList<>();
        for (List<Kline> k : klines) {
            window.add(k.stream().filter(x -> x.openTime() >= from).toList());
        }
        double[][] expected = commonReturns(window);
        assertThat(expected[0]).hasSize(1498);
        assertThat(r.matrix().get(0).get(1)).isCloseTo(exactPearson(expected[0], expected[1]), within(0.5e-4 + 1e-12));
        assertThat(r.matrix().get(0).get(2)).isCloseTo(exactPearson(expected[0], expected[2]), within(0.5e-4 + 1e-12));
        assertThat(r.matrix().get(1).get(2)).isCloseTo(exactPearson(expected[1], expected[2]), within(0.5e-4 + 1e-12));
        assertThat(r.hedgingOpportunities()).allSatisfy(p -> assertThat(p.correlation()).isGreaterThan(0.7));
        assertThat(ctx.published()).hasSize(1);
    }
}
