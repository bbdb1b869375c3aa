package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.BNB;
import static io.marketintel.plugin.correlation.internal.Fixtures.BTC;
import static io.marketintel.plugin.correlation.internal.Fixtures.ETH;
import static io.marketintel.plugin.correlation.internal.Fixtures.SOL;
import static io.marketintel.plugin.correlation.internal.Fixtures.T0;
import static io.marketintel.plugin.correlation.internal.Fixtures.prices;
import static io.marketintel.plugin.correlation.internal.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.plugin.correlation.internal.Alignment.Aligned;
import io.marketintel.plugin.correlation.internal.CorrelationAnalysis.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hedge ranking and OLS hedge ratios on a tiny series computed by hand (five returns, exact fractions).
 *
 * <pre>
 * target  y = BTC: +2 %, -3 %, +5 %, +1 %, -2 %     mean 0.6 %   Σ(y-ȳ)² = 103/25000
 * ETH     x:       +1 %, -2 %, +3 %,  0 %, -1 %     mean 0.2 %   Σ(x-x̄)² = 37/25000   Σ(x-x̄)(y-ȳ) = 61/25000
 * SOL     z:       -1 %, +2 %, -3 %, +1 %, +1 %     mean 0       Σ(z-z̄)² = 1/625      Σ(z-z̄)(y-ȳ) = -3/1250
 * BNB     w:       +1 %, +1 %, -1 %, +2 %, -2 %     mean 0.2 %   Σ(w-w̄)² = 27/25000   Σ(w-w̄)(y-ȳ) = -3/50000
 *
 * ETH: beta = 61/37 = 1.6486…   rho = 61/sqrt(37·103) = 0.98812…   rho² = 3721/3811 = 97.638… %
 * SOL: beta = -3/2 = -1.5        rho = -0.93477…                    rho² = 87.379… %
 * BNB: beta = -1/18 = -0.0556    rho = -0.02844…                    rho² = 1/1236 = 0.0809… %
 * </pre>
 */
class HedgeTest {

    private static final double[] Y = {0.02, -0.03, 0.05, 0.01, -0.02};
    private static final double[] X = {0.01, -0.02, 0.03, 0.00, -0.01};
    private static final double[] Z = {-0.01, 0.02, -0.03, 0.01, 0.01};
    private static final double[] W = {0.01, 0.01, -0.01, 0.02, -0.02};

    private static final CorrelationSettings SMALL = Fixtures.settings(Map.of("min_observations", 3L));

    private static List<Kline> daily(double p0, double[] returns) {
        return series(T0, Interval.D1, prices(p0, returns));
    }

    private static Aligned with(List<Kline> candidate) {
        return Alignment.align(List.of(daily(60_000, Y), candidate), Interval.D1, Long.MAX_VALUE);
    }

    private static HedgeResult hedge(List<String> symbols, List<Aligned> pairs, CorrelationSettings s) {
        return CorrelationAnalysis.hedge(BTC, symbols, pairs, new Query(Interval.D1, 6, s, "fake"));
    }

    @Test
    void rankedByVarianceRemovedWithOlsBetaHedgeRatios() {
        HedgeResult r = hedge(List.of(BNB, SOL, ETH),
                List.of(with(daily(500, W)), with(daily(150, Z)), with(daily(3_000, X))), SMALL);

        assertThat(r.targetSymbol()).isEqualTo(BTC);
        assertThat(r.recommendations()).extracting(HedgeCandidate::symbol, HedgeCandidate::correlation,
                HedgeCandidate::effectiveness, HedgeCandidate::hedgeRatio, HedgeCandidate::hedgeSide,
                HedgeCandidate::qualifies, HedgeCandidate::observations)
                .containsExactly(
                        tuple(ETH, 0.9881, 97.64, 1.6486, Side.SHORT, true, 5),
                        tuple(SOL, -0.9348, 87.38, -1.5, Side.LONG, true, 5),
                        tuple(BNB, -0.0284, 0.08, -0.0556, Side.LONG, false, 5));
        assertThat(r.bestHedge()).isEqualTo(new BestHedge(ETH, 1.6486, 0.9881, 97.64, Side.SHORT));
        assertThat(r.hedgeRatioMethod()).isEqualTo("ols_beta_of_returns");
        assertThat(r.effectivenessMethod()).startsWith("variance_reduction_pct: correlation^2 x 100");
        assertThat(r.skipped()).isEmpty();
        assertThat(r.reasoning().get(0)).isEqualTo("Best hedge: ETHUSDT - correlation 0.9881 over 5 1d simple returns;"
                + " SHORT 1.6486 ETHUSDT notional per 1 of BTCUSDT (OLS beta) removes 97.64% of BTCUSDT's return variance");
        assertThat(r.dataTime()).isEqualTo(T0 + 6 * Fixtures.DAY - 1);
    }

    @Test
    void noCandidateAboveTheThresholdMeansNoBestHedge() {
        HedgeResult r = hedge(List.of(BNB), List.of(with(daily(500, W))), SMALL);
        assertThat(r.recommendations()).hasSize(1);
        assertThat(r.bestHedge()).isNull();
        assertThat(r.reasoning().get(0)).startsWith("No candidate's |correlation| exceeds 0.7 (best: BNBUSDT -0.0284");

        // The threshold is strict and configurable: |rho| 0.9348 qualifies SOL at 0.93, not at 0.95.
        assertThat(hedge(List.of(SOL), List.of(with(daily(150, Z))),
                Fixtures.settings(Map.of("min_observations", 3L, "hedge_correlation_threshold", 0.93))).bestHedge())
                .isNotNull();
        assertThat(hedge(List.of(SOL), List.of(with(daily(150, Z))),
                Fixtures.settings(Map.of("min_observations", 3L, "hedge_correlation_threshold", 0.95))).bestHedge())
                .isNull();
    }

    @Test
    void candidatesWithoutEnoughDataOrMovementAreSkippedWithTheReason() {
        List<Kline> shortHistory = new ArrayList<>(daily(10, X).subList(3, 6));     // 3 candles, 2 returns
        List<Kline> flat = daily(1.0, new double[] {0, 0, 0, 0, 0});
        HedgeResult r = hedge(List.of("NEWUSDT", "USDCUSDT", ETH),
                List.of(with(shortHistory), with(flat), with(daily(3_000, X))), SMALL);
        assertThat(r.recommendations()).extracting(HedgeCandidate::symbol).containsExactly(ETH);
        assertThat(r.skipped()).extracting(SkippedCandidate::symbol, SkippedCandidate::observations)
                .containsExactly(tuple("NEWUSDT", 2), tuple("USDCUSDT", 5));
        assertThat(r.skipped().get(0).reason()).isEqualTo("only 2 aligned returns with BTCUSDT (candles: BTCUSDT 6,"
                + " NEWUSDT 3); at least 3 are needed");
        assertThat(r.skipped().get(1).reason()).contains("USDCUSDT's price did not move");
        assertThat(r.reasoning()).contains("Skipped NEWUSDT: " + r.skipped().get(0).reason());
    }
}
