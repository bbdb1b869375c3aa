package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.BTC;
import static io.marketintel.plugin.correlation.internal.Fixtures.ETH;
import static io.marketintel.plugin.correlation.internal.Fixtures.T0;
import static io.marketintel.plugin.correlation.internal.Fixtures.prices;
import static io.marketintel.plugin.correlation.internal.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.Interval;
import io.marketintel.plugin.correlation.internal.Alignment.Aligned;
import io.marketintel.plugin.correlation.internal.CorrelationAnalysis.Query;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The pairs signal: the decision at its boundaries (strict: z exactly at ±2 is no signal), the legs, the confidence
 * formula, and the whole computation on a hand-made pair checked against a naive computation.
 */
class PairsSignalTest {

    private static final CorrelationSettings DEFAULTS = CorrelationSettings.defaults();

    @ParameterizedTest(name = "rho {0}, z {1} -> {2}")
    @CsvSource({
            "0.9, 2.0, NONE",                        // exactly at the z threshold: no signal (strict >)
            "0.9, 2.0000000000000004, MEAN_REVERSION", // the next double above 2
            "0.9, -2.0, NONE",
            "0.9, -2.0000000000000004, MEAN_REVERSION",
            "0.9, 1.99, NONE",
            "0.9, 0, NONE",
            "0.7, 3.0, NONE",                        // exactly at the correlation threshold: not correlated enough
            "0.7000000000000001, 3.0, MEAN_REVERSION",
            "-0.9, 3.0, MEAN_REVERSION",             // |rho| counts
            "0.5, 10.0, NONE"})
    void signalIsStrictOnBothThresholds(double rho, double z, PairSignal expected) {
        assertThat(CorrelationAnalysis.signal(rho, z, DEFAULTS)).isEqualTo(expected);
    }

    @Test
    void theOutperformerIsShorted() {
        List<Leg> up = CorrelationAnalysis.legs(BTC, ETH, 2.5);
        assertThat(up).containsExactly(new Leg(BTC, Side.SHORT), new Leg(ETH, Side.LONG));
        assertThat(CorrelationAnalysis.action(up)).isEqualTo("SHORT BTCUSDT / LONG ETHUSDT");
        assertThat(CorrelationAnalysis.action(CorrelationAnalysis.legs(BTC, ETH, -2.5)))
                .isEqualTo("LONG BTCUSDT / SHORT ETHUSDT");
    }

    @ParameterizedTest(name = "rho {0}, z {1}, n {2} -> {3}")
    @CsvSource({
            "0.85, 2.5, 99, 69",      // 50 + 25 x 0.25 + 25 x 0.5 = 68.75
            "-0.85, -2.5, 99, 69",    // signs do not matter
            "1.0, 4.0, 99, 95",       // 100, capped at 95
            "0.99, 9.0, 60, 95",
            "0.85, 2.5, 30, 34",      // 68.75 x 30/60
            "0.7000001, 2.0000001, 200, 50"})
    void confidenceFormula(double rho, double z, int n, int expected) {
        assertThat(CorrelationAnalysis.confidence(PairSignal.MEAN_REVERSION, rho, z, n, DEFAULTS)).isEqualTo(expected);
    }

    @Test
    void noSignalNoConfidence() {
        assertThat(CorrelationAnalysis.confidence(PairSignal.NONE, 0.99, 1.5, 500, DEFAULTS)).isZero();
    }

    // ---------------------------------------------------------------- whole computation

    /** 39 daily returns: pair2 swings ±2 %, pair1 follows it with a small spread, then diverges by {@code last}. */
    private static Aligned pair(double last) {
        int n = 39;
        double[] r2 = new double[n];
        double[] r1 = new double[n];
        for (int i = 0; i < n; i++) {
            r2[i] = 0.02 * Math.sin(i * 1.3);
            double spread = i == n - 1 ? last : 0.001 * Math.cos(i * 0.7);
            r1[i] = r2[i] + spread;
        }
        return Alignment.align(List.of(series(T0, Interval.D1, prices(60_000, r1)),
                series(T0, Interval.D1, prices(3_000, r2))), Interval.D1, T0 + 1000 * Fixtures.DAY);
    }

    private static Query query() {
        return new Query(Interval.D1, 40, DEFAULTS, "fake");
    }

    /** Also writes the answer to {@code target/correlation-pairs-signal-example.json} (quoted in the README). */
    @Test
    void divergedPairMatchesANaiveComputation() throws java.io.IOException {
        Aligned a = pair(0.012);
        PairsSignalResult r = CorrelationAnalysis.pairsSignal(BTC, ETH, a, query());
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "correlation-pairs-signal-example.json"),
                JacksonSupport.pretty(r));

        // Naive: returns from the closes, spreads over the last 30, population standard deviation.
        double[] p1 = a.closes[0];
        double[] p2 = a.closes[1];
        int n = p1.length - 1;
        double[] spread = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 1; i <= n; i++) {
            x[i - 1] = p1[i] / p1[i - 1] - 1;
            y[i - 1] = p2[i] / p2[i - 1] - 1;
            spread[i - 1] = x[i - 1] - y[i - 1];
        }
        double mean = 0;
        for (int i = n - 30; i < n; i++) {
            mean += spread[i];
        }
        mean /= 30;
        double var = 0;
        for (int i = n - 30; i < n; i++) {
            var += (spread[i] - mean) * (spread[i] - mean);
        }
        double std = Math.sqrt(var / 30);
        double z = (spread[n - 1] - mean) / std;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double rho = sxy / Math.sqrt(sxx * syy);

        assertThat(r.observations()).isEqualTo(39);
        assertThat(r.zscoreWindow()).isEqualTo(30);
        assertThat(r.spread()).isCloseTo(spread[n - 1], within(1e-8));
        assertThat(r.spread()).isCloseTo(0.012, within(1e-8));
        assertThat(r.spreadMean()).isCloseTo(mean, within(1e-8));
        assertThat(r.spreadStd()).isCloseTo(std, within(1e-8));
        assertThat(r.zscore()).isCloseTo(z, within(1e-4));
        assertThat(r.correlation()).isCloseTo(rho, within(1e-4));
        assertThat(z).isGreaterThan(4);
        assertThat(rho).isGreaterThan(0.95);

        assertThat(r.signal()).isEqualTo(PairSignal.MEAN_REVERSION);
        assertThat(r.action()).isEqualTo("SHORT BTCUSDT / LONG ETHUSDT");
        assertThat(r.legs()).containsExactly(new Leg(BTC, Side.SHORT), new Leg(ETH, Side.LONG));
        assertThat(r.confidence()).isEqualTo(CorrelationAnalysis.confidence(PairSignal.MEAN_REVERSION, rho, z, 39,
                DEFAULTS));
        assertThat(r.confidence()).isEqualTo(62);                       // capped 95 (z > 4, rho > 0.95) x 39/60 = 61.75
        assertThat(r.reasoning()).contains("Confidence 62: 50 + 25 for the divergence beyond the threshold + 24.1 for the"
                + " correlation above it, capped at 95, x 0.65 for only 39 returns");
        assertThat(r.reasoning()).anySatisfy(s -> assertThat(s).contains("BTCUSDT outperformed ETHUSDT")
                .contains("SHORT BTCUSDT / LONG ETHUSDT"));
        assertThat(r.reasoning().get(0)).startsWith("Spread BTCUSDT - ETHUSDT of 1d simple returns: now +1.2000%")
                .contains(" and standard deviation 0.").endsWith("over the last 30 spreads: z = " + "+"
                        + CorrelationAnalysis.fmt(Math.round(z * 100) / 100.0));
        assertThat(r.timeRange().from()).isEqualTo(T0);
        assertThat(r.dataTime()).isEqualTo(T0 + 40 * Fixtures.DAY - 1);
    }

    @Test
    void theOtherWayRound() {
        PairsSignalResult r = CorrelationAnalysis.pairsSignal(BTC, ETH, pair(-0.012), query());
        assertThat(r.zscore()).isLessThan(-4);
        assertThat(r.action()).isEqualTo("LONG BTCUSDT / SHORT ETHUSDT");
        assertThat(r.reasoning()).anySatisfy(s -> assertThat(s).contains("ETHUSDT outperformed BTCUSDT"));
    }

    @Test
    void noDivergenceNoSignal() {
        PairsSignalResult r = CorrelationAnalysis.pairsSignal(BTC, ETH, pair(0.001), query());
        assertThat(Math.abs(r.zscore())).isLessThan(2);
        assertThat(r.signal()).isEqualTo(PairSignal.NONE);
        assertThat(r.action()).isNull();
        assertThat(r.legs()).isEmpty();
        assertThat(r.confidence()).isZero();
        assertThat(r.reasoning()).anySatisfy(s -> assertThat(s).contains("is within +/-2").contains("no divergence"));
    }

    @Test
    void aDivergenceOfAnUncorrelatedPairIsNoSignal() {
        int n = 39;
        double[] r1 = new double[n];
        double[] r2 = new double[n];
        for (int i = 0; i < n; i++) {
            r1[i] = 0.01 * Math.sin(i * 2.1);
            r2[i] = 0.01 * Math.cos(i * 0.9);
        }
        r1[n - 1] = 0.08;
        Aligned a = Alignment.align(List.of(series(T0, Interval.D1, prices(100, r1)), series(T0, Interval.D1,
                prices(100, r2))), Interval.D1, Long.MAX_VALUE);
        PairsSignalResult r = CorrelationAnalysis.pairsSignal(BTC, ETH, a, query());
        assertThat(r.zscore()).isGreaterThan(2);
        assertThat(Math.abs(r.correlation())).isLessThan(0.7);
        assertThat(r.signal()).isEqualTo(PairSignal.NONE);
        assertThat(r.reasoning()).anySatisfy(s -> assertThat(s).contains("does not move together enough"));
    }
}
