package io.marketintel.plugin.risk.internal;

import static io.marketintel.plugin.risk.internal.Fixtures.BTC;
import static io.marketintel.plugin.risk.internal.Fixtures.ETH;
import static io.marketintel.plugin.risk.internal.Fixtures.SOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Effective number of bets {@code 1 / wᵀRw} and the diversification score {@code 100 × (1 − wᵀRw)}, with
 * {@code w} the signed notional weights (Σ|w| = 1), hand-computed; then measured from klines through the plugin.
 */
class DiversificationTest {

    private static final double NAN = Double.NaN;

    @Test
    void twoEqualLongsPerfectlyCorrelatedAreOneBet() {
        // w = (½, ½), ρ = 1: q = ¼ + ¼ + 2·¼·1 = 1
        double q = Diversification.varianceRatio(new double[] {5_000, 5_000}, new double[][] {{1, 1}, {1, 1}});
        assertThat(q).isEqualTo(1.0);
        assertThat(Diversification.effectiveBets(q)).isEqualTo(1.0);
        assertThat(Diversification.score(q)).isZero();
    }

    @Test
    void twoEqualLongsUncorrelatedAreTwoBets() {
        // ρ = 0: q = ¼ + ¼ = ½
        double q = Diversification.varianceRatio(new double[] {5_000, 5_000}, new double[][] {{1, 0}, {0, 1}});
        assertThat(q).isEqualTo(0.5);
        assertThat(Diversification.effectiveBets(q)).isEqualTo(2.0);
        assertThat(Diversification.score(q)).isEqualTo(50.0);
    }

    @Test
    void threeEqualUncorrelatedPositionsAreThreeBetsWhateverTheirDirection() {
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double q = Diversification.varianceRatio(new double[] {1_000, -1_000, 1_000}, identity);
        assertThat(q).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(Diversification.effectiveBets(q)).isCloseTo(3.0, within(1e-12));
        assertThat(Diversification.score(q)).isCloseTo(66.6667, within(1e-4));
    }

    @Test
    void aLongAndAnEqualShortOfPerfectlyCorrelatedSymbolsOffsetCompletely() {
        double q = Diversification.varianceRatio(new double[] {5_000, -5_000}, new double[][] {{1, 1}, {1, 1}});
        assertThat(q).isZero();
        assertThat(Diversification.effectiveBets(q)).isNull();
        assertThat(Diversification.score(q)).isEqualTo(100.0);
    }

    @Test
    void unequalWeightsAndPartialCorrelation() {
        // w = (0.75, 0.25), ρ = 0.5: q = 0.5625 + 0.0625 + 2·0.75·0.25·0.5 = 0.8125 → 1.2308 bets, score 18.75
        double q = Diversification.varianceRatio(new double[] {3_000, 1_000}, new double[][] {{1, 0.5}, {0.5, 1}});
        assertThat(q).isCloseTo(0.8125, within(1e-15));
        assertThat(Diversification.effectiveBets(q)).isCloseTo(1 / 0.8125, within(1e-12));
        assertThat(Diversification.score(q)).isCloseTo(18.75, within(1e-12));
    }

    @Test
    void anUnknownCorrelationIsTakenAsMovingFullyTogetherInTheDirectionThatAddsUp() {
        // same direction: ρ = +1 → one bet; opposite directions: the short is not allowed to offset, ρ = −1 → q = 1
        assertThat(Diversification.varianceRatio(new double[] {5_000, 5_000}, new double[][] {{1, NAN}, {NAN, 1}}))
                .isEqualTo(1.0);
        assertThat(Diversification.varianceRatio(new double[] {5_000, -5_000}, new double[][] {{1, NAN}, {NAN, 1}}))
                .isEqualTo(1.0);
    }

    // ---------------------------------------------------------------- measured through the plugin

    /** +1 %, −1 %, … (period 2) and +1 %, +1 %, −1 %, −1 % (period 4): zero-mean, orthogonal: ρ = 0. */
    private static final double[] ALTERNATING = Fixtures.repeat(40, 0.01, -0.01);
    private static final double[] PAIRED = Fixtures.repeat(40, 0.01, 0.01, -0.01, -0.01);

    private static Harness twoLongs(double[] btcReturns, double[] otherReturns, String other, String otherQty) {
        Harness h = new Harness();
        h.market.klines(BTC, Fixtures.candles(btcReturns));
        h.market.klines(other, Fixtures.candles(otherReturns));
        h.exchange.hold(Fixtures.position(BTC, "0.1", 50_000, 50_000, 2),
                Fixtures.position(other, otherQty, 100, 100, 2));
        return h;
    }

    @Test
    void perfectlyCorrelatedHoldingsMeasuredFromKlinesAreOneBet() {
        PortfolioHeat r = twoLongs(ALTERNATING, ALTERNATING, ETH, "50").heat();
        DiversificationReport d = r.diversification();
        assertThat(d.observations()).isEqualTo(40);
        assertThat(d.correlations()).singleElement().satisfies(p -> {
            assertThat(p.correlation()).isEqualTo(1.0);
            assertThat(p.assumed()).isFalse();
        });
        assertThat(d.effectiveBets()).isEqualTo(1.0);
        assertThat(d.score()).isZero();
        assertThat(d.positionCount()).isEqualTo(2);
    }

    @Test
    void uncorrelatedHoldingsMeasuredFromKlinesAreTwoBets() {
        PortfolioHeat r = twoLongs(ALTERNATING, PAIRED, SOL, "50").heat();
        DiversificationReport d = r.diversification();
        assertThat(d.correlations()).singleElement().satisfies(p -> assertThat(p.correlation()).isEqualTo(0.0));
        assertThat(d.effectiveBets()).isEqualTo(2.0);
        assertThat(d.score()).isEqualTo(50.0);
    }

    @Test
    void aLongAndAShortOfPerfectlyCorrelatedSymbolsMeasuredFromKlinesOffset() {
        PortfolioHeat r = twoLongs(ALTERNATING, ALTERNATING, ETH, "-50").heat();
        assertThat(r.diversification().score()).isEqualTo(100.0);
        assertThat(r.diversification().effectiveBets()).isNull();
    }

    @Test
    void tooFewCandlesFallBackToTheConservativeAssumptionAndSaySo() {
        Harness h = twoLongs(Fixtures.repeat(10, 0.01, -0.01), Fixtures.repeat(10, 0.01, 0.01, -0.01, -0.01), SOL,
                "50");
        PortfolioHeat r = h.heat();
        DiversificationReport d = r.diversification();
        assertThat(d.correlations()).singleElement().satisfies(p -> {
            assertThat(p.correlation()).isNull();
            assertThat(p.assumed()).isTrue();
        });
        assertThat(d.effectiveBets()).isEqualTo(1.0);
        assertThat(d.notes()).containsExactly(
                "BTCUSDT has 11 closed 1h candles, 21 needed; its pairs are assumed to move fully together.",
                "SOLUSDT has 11 closed 1h candles, 21 needed; its pairs are assumed to move fully together.");
        assertThat(r.alerts()).containsAll(d.notes());
    }

    @Test
    void theCorrelationEstimateIsCachedUntilTheNextCandleCloses() {
        Harness h = twoLongs(ALTERNATING, PAIRED, SOL, "50");
        h.heat();
        h.heat();
        assertThat(h.market.count("klines")).isEqualTo(2);
        h.ctx.clock().advance(java.time.Duration.ofHours(1));
        h.heat();
        assertThat(h.market.count("klines")).isEqualTo(4);
        assertThat(h.market.requests()).contains("klines BTCUSDT H1 101");
    }

    @Test
    void onePositionIsOneBetAndNoneIsNoBet() {
        Harness h = new Harness();
        h.exchange.hold(Fixtures.position(BTC, "0.1", 50_000, 50_000, 2));
        DiversificationReport one = h.heat().diversification();
        assertThat(one.effectiveBets()).isEqualTo(1.0);
        assertThat(one.score()).isZero();
        assertThat(h.market.count("klines")).isZero();
        DiversificationReport none = new Harness().heat().diversification();
        assertThat(none.positionCount()).isZero();
        assertThat(none.effectiveBets()).isZero();
        assertThat(none.correlations()).isEmpty();
        assertThat(List.of(none.method())).containsExactly(DiversificationReport.METHOD);
    }
}
