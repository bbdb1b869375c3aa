package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.DAY;
import static io.marketintel.plugin.correlation.internal.Fixtures.T0;
import static io.marketintel.plugin.correlation.internal.Fixtures.done;
import static io.marketintel.plugin.correlation.internal.Fixtures.kline;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The matrix at the scale the platform promises: 100 symbols × 1,000 returns through the whole operation (fetch,
 * alignment, returns, one-pass matrix, opportunities with their spread z-scores). The bound is deliberately loose
 * (shared CI machines); the measured time is printed.
 */
class PerformanceTest {

    @Test
    void hundredSymbolsByAThousandReturns() {
        int k = 100;
        int n = 1001;
        SplittableRandom rnd = new SplittableRandom(42);
        FakeMarketData market = new FakeMarketData();
        List<String> symbols = new ArrayList<>();
        double[] factor = new double[n];
        for (int i = 0; i < n; i++) {
            factor[i] = rnd.nextGaussian() * 0.02;
        }
        for (int s = 0; s < k; s++) {
            String symbol = "S" + s + "USDT";
            symbols.add(symbol);
            double beta = 0.3 + 1.4 * rnd.nextDouble();
            double p = 10 + s;
            List<Kline> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                p *= 1 + beta * factor[i] + rnd.nextGaussian() * 0.01;
                list.add(kline(T0 + i * DAY, p, Interval.D1));
            }
            market.klines(symbol, list);
        }
        CorrelationPlugin plugin = new CorrelationPlugin();
        FakePluginContext ctx = Fixtures.context(plugin.descriptor(), market);
        ctx.clock().advance(Duration.ofMillis(n * DAY + 1000));
        ctx.configure(Map.of("lookback", 1001L, "max_opportunities", 5000L));
        done(plugin.start(ctx));
        Map<String, Object> params = Map.of("symbols", symbols);

        // Warm up the JIT on distinct requests (different lookbacks bypass the cache).
        for (int w = 0; w < 3; w++) {
            done(plugin.operations().get(0).handler().handle(new OperationRequest(null,
                    Params.of(Map.of("symbols", symbols, "lookback", 990L - w)))));
        }
        long t0 = System.nanoTime();
        MatrixResult r = (MatrixResult) done(plugin.operations().get(0).handler().handle(
                new OperationRequest(null, Params.of(params))));
        long micros = (System.nanoTime() - t0) / 1000;
        System.out.printf("correlation matrix, %d symbols x %d returns, whole operation: %.1f ms (%d hedging, %d pairs"
                + " opportunities)%n", k, r.observations(), micros / 1000.0, r.opportunityCounts().hedging(),
                r.opportunityCounts().pairsTrading());

        // The parts: alignment (k-way walk), returns + one-pass matrix, the whole analysis (matrix + opportunities).
        List<List<Kline>> all = new ArrayList<>();
        for (String symbol : symbols) {
            all.add(market.scriptedKlines(symbol, Interval.D1));
        }
        long now = ctx.clock().millis();
        CorrelationAnalysis.Query q = new CorrelationAnalysis.Query(Interval.D1, n, CorrelationSettings.defaults(), "x");
        for (int w = 0; w < 10; w++) {
            CorrelationAnalysis.matrix(symbols, Alignment.align(all, Interval.D1, now), q);
        }
        long a0 = System.nanoTime();
        Alignment.Aligned aligned = Alignment.align(all, Interval.D1, now);
        long a1 = System.nanoTime();
        double[][] corr = CorrelationAnalysis.correlations(CorrelationAnalysis.returns(aligned, ReturnType.SIMPLE));
        long a2 = System.nanoTime();
        CorrelationAnalysis.matrix(symbols, aligned, q);
        long a3 = System.nanoTime();
        System.out.printf("  alignment %.1f ms, returns + matrix %.1f ms, analysis with opportunities %.1f ms%n",
                (a1 - a0) / 1e6, (a2 - a1) / 1e6, (a3 - a2) / 1e6);

        assertThat(corr).hasNumberOfRows(100);
        assertThat(r.observations()).isEqualTo(1000);
        assertThat(r.matrix()).hasSize(100);
        assertThat(r.opportunityCounts().pairsExamined()).isEqualTo(4950);
        assertThat(micros).as("microseconds for 100 x 1000").isLessThan(2_000_000);
    }
}
