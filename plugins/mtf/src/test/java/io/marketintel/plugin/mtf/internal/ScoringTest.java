package io.marketintel.plugin.mtf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The votes of one timeframe on hand-made indicator values; every expectation is computed in the comments. */
class ScoringTest {

    private static final IndicatorPeriods P = IndicatorPeriods.standard();

    /** A snapshot; MACD line = histogram, signal 0 (only the histogram votes). */
    static IndicatorSnapshot snap(double close, double emaFast, double emaSlow, double emaLong, double rsi, double hist,
                                  double histPrev, double adx, double plusDi, double minusDi, double atr) {
        return new IndicatorSnapshot(300, close, emaFast, emaSlow, emaLong, rsi, hist, 0, hist, histPrev, adx, plusDi,
                minusDi, atr);
    }

    /** Every vote 0: close on all EMAs, flat zero histogram, RSI 50, equal DIs. */
    static IndicatorSnapshot neutral() {
        return snap(100, 100, 100, 100, 50, 0, 0, 20, 20, 20, 2);
    }

    private static Map<String, Double> votes(Scoring.Classification c) {
        return c.votes().stream().collect(Collectors.toMap(Vote::name, Vote::vote));
    }

    @Test
    void mixedVotes() {
        // close 105, EMA 104 / 106 / 100, ATR 2 -> neutral band 0.1 x 2 = 0.2
        //   close_vs_ema_fast  105 - 104 = +1 > 0.2          -> +1  (weight 1)
        //   close_vs_ema_slow  105 - 106 = -1                -> -1  (weight 1)
        //   close_vs_ema_long  105 - 100 = +5                -> +1  (weight 1)
        //   ema_stack          104 < 106 but 106 > 100: mixed ->  0  (weight 2)
        //   macd_histogram     0.5 > 0, falling from 0.8     -> +0.5 (weight 2)
        //   rsi                58 >= 55                      -> +1  (weight 1)
        //   directional        +DI 25 > -DI 20, ADX 12.5/25  -> +0.5 (weight 2)
        // score = (1 - 1 + 1 + 0 + 2*0.5 + 1 + 2*0.5) / 10 = 4 / 10 = 0.4 -> BULLISH, strength 40
        Scoring.Classification c = Scoring.classify(snap(105, 104, 106, 100, 58, 0.5, 0.8, 12.5, 25, 20, 2), P, 0.1, 25);
        assertThat(votes(c)).containsExactlyInAnyOrderEntriesOf(Map.of("close_vs_ema_fast", 1.0,
                "close_vs_ema_slow", -1.0, "close_vs_ema_long", 1.0, "ema_stack", 0.0, "macd_histogram", 0.5,
                "rsi", 1.0, "directional", 0.5));
        assertThat(c.votes()).extracting(Vote::weight).containsExactly(1.0, 1.0, 1.0, 2.0, 2.0, 1.0, 2.0);
        assertThat(c.score()).isCloseTo(0.4, within(1e-12));
        assertThat(c.strength()).isEqualTo(40);
        assertThat(c.direction()).isEqualTo(Direction.BULLISH);
        Map<String, String> reasons = c.votes().stream().collect(Collectors.toMap(Vote::name, Vote::reason));
        assertThat(reasons.get("close_vs_ema_fast")).isEqualTo("close 105 above EMA 20 104 (+0.96%)");
        assertThat(reasons.get("ema_stack")).isEqualTo("EMA 20 104 < EMA 50 106 > EMA 200 100: mixed");
        assertThat(reasons.get("macd_histogram")).isEqualTo("MACD histogram +0.5 positive and falling");
        assertThat(reasons.get("rsi")).isEqualTo("RSI 14 58 >= 55: bullish momentum");
        assertThat(reasons.get("directional")).isEqualTo("+DI 25 > -DI 20, ADX 14 12.5 (weak trend, vote x0.5)");
    }

    @Test
    void everyVoteBullishIsStrength100AndEveryVoteBearishIs100TheOtherWay() {
        // 10 of 10 weighted points: close above all EMAs, 20 > 50 > 200, histogram positive and rising, RSI 70,
        // +DI above -DI with ADX 40 >= 25
        Scoring.Classification up = Scoring.classify(snap(110, 108, 105, 100, 70, 2, 1, 40, 35, 10, 2), P, 0.1, 25);
        assertThat(up.score()).isEqualTo(1.0);
        assertThat(up.strength()).isEqualTo(100);
        assertThat(up.direction()).isEqualTo(Direction.BULLISH);
        Scoring.Classification down = Scoring.classify(snap(90, 92, 95, 100, 30, -2, -1, 40, 10, 35, 2), P, 0.1, 25);
        assertThat(down.score()).isEqualTo(-1.0);
        assertThat(down.strength()).isEqualTo(100);
        assertThat(down.direction()).isEqualTo(Direction.BEARISH);
    }

    @Test
    void withoutTheLongEmaItsVoteIsLeftOutOfTheWeights() {
        // close 110 > EMA 20 105 > EMA 50 100, no EMA 200:
        //   close_vs_ema_fast +1 (1), close_vs_ema_slow +1 (1), ema_stack fast > slow +1 (2),
        //   macd 1 > 0 and flat +0.5 (2), rsi 50 0 (1), directional +1 x 20/25 = +0.8 (2)
        // score = (1 + 1 + 2 + 1 + 0 + 1.6) / 9 = 6.6 / 9 = 0.7333 -> 73
        Scoring.Classification c = Scoring.classify(snap(110, 105, 100, Double.NaN, 50, 1, 1, 20, 30, 20, 2), P, 0.1, 25);
        assertThat(c.votes()).extracting(Vote::name).containsExactly("close_vs_ema_fast", "close_vs_ema_slow",
                "ema_stack", "macd_histogram", "rsi", "directional");
        assertThat(c.score()).isCloseTo(6.6 / 9, within(1e-12));
        assertThat(c.strength()).isEqualTo(73);
        assertThat(c.votes().get(2).reason()).isEqualTo("EMA 20 105 > EMA 50 100: bullish stack");
    }

    @Test
    void priceDifferencesInsideTheAtrBandDoNotVote() {
        // ATR 2, band 0.1 ATR = 0.2: close 100 vs EMA 20 99.85 (0.15: inside, 0) and EMA 50 99.75 (0.25: +1);
        // EMA 200 = 100 (0); stack 99.85 - 99.75 = 0.1 inside the band -> 0. score = 1 / 10 = 0.1 -> NEUTRAL 10
        IndicatorSnapshot s = snap(100, 99.85, 99.75, 100, 50, 0, 0, 20, 20, 20, 2);
        Scoring.Classification banded = Scoring.classify(s, P, 0.1, 25);
        assertThat(votes(banded)).containsEntry("close_vs_ema_fast", 0.0).containsEntry("close_vs_ema_slow", 1.0)
                .containsEntry("ema_stack", 0.0);
        assertThat(banded.strength()).isEqualTo(10);
        assertThat(banded.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(banded.votes().get(0).reason()).isEqualTo("close 100 at (within the neutral band of) EMA 20 99.85"
                + " (+0.15%)");
        // Without a band: fast +1, slow +1, long 0 (equal), stack 99.85 > 99.75 but 99.75 < 100 -> mixed 0
        // score = 2 / 10 -> 20
        Scoring.Classification exact = Scoring.classify(s, P, 0.0, 25);
        assertThat(votes(exact)).containsEntry("close_vs_ema_fast", 1.0).containsEntry("close_vs_ema_slow", 1.0)
                .containsEntry("close_vs_ema_long", 0.0).containsEntry("ema_stack", 0.0);
        assertThat(exact.strength()).isEqualTo(20);
    }

    @Test
    void aDirectionNeedsTheThresholdStrength() {
        //   close 100 vs EMA 99 +1, vs EMA 101 -1, vs EMA 98 +1; stack 99 < 101 > 98 mixed 0;
        //   histogram 0.3 falling from 0.5 +0.5 (x2 = 1); RSI 60 +1; -DI 20 > +DI 10 with ADX 6.25: -1 x 0.25 (x2 = -0.5)
        // score = (1 - 1 + 1 + 0 + 1 + 1 - 0.5) / 10 = 2.5 / 10 = 0.25 -> strength 25
        IndicatorSnapshot s = snap(100, 99, 101, 98, 60, 0.3, 0.5, 6.25, 10, 20, 2);
        assertThat(Scoring.classify(s, P, 0.1, 25).score()).isEqualTo(0.25);
        assertThat(Scoring.classify(s, P, 0.1, 25).direction()).isEqualTo(Direction.BULLISH);    // 25 >= 25
        assertThat(Scoring.classify(s, P, 0.1, 26).direction()).isEqualTo(Direction.NEUTRAL);    // 25 < 26
        assertThat(Scoring.classify(s, P, 0.1, 26).strength()).isEqualTo(25);
    }

    @ParameterizedTest(name = "histogram {0} after {1} votes {2}")
    @CsvSource({"2, 1, 1", "2, 3, 0.5", "2, 2, 0.5", "-2, -1, -1", "-2, -3, -0.5", "-2, -2, -0.5", "0, 1, 0", "0, -1, 0"})
    void macdHistogramSignAndSlope(double hist, double prev, double expected) {
        IndicatorSnapshot n = neutral();
        IndicatorSnapshot s = new IndicatorSnapshot(300, n.close(), n.emaFast(), n.emaSlow(), n.emaLong(), n.rsi(), hist,
                0, hist, prev, n.adx(), n.plusDi(), n.minusDi(), n.atr());
        Scoring.Classification c = Scoring.classify(s, P, 0.1, 25);
        assertThat(votes(c).get("macd_histogram")).isEqualTo(expected);
        assertThat(c.score()).isCloseTo(2 * expected / 10, within(1e-12));     // the only vote, weight 2 of 10
    }

    @ParameterizedTest(name = "RSI {0} votes {1}")
    @CsvSource({"55, 1", "54.99, 0", "50, 0", "45.01, 0", "45, -1", "0, -1", "100, 1", "NaN, 0"})
    void rsiRegime(double rsi, double expected) {
        IndicatorSnapshot n = neutral();
        IndicatorSnapshot s = new IndicatorSnapshot(300, n.close(), n.emaFast(), n.emaSlow(), n.emaLong(), rsi, 0, 0, 0,
                0, n.adx(), n.plusDi(), n.minusDi(), n.atr());
        assertThat(votes(Scoring.classify(s, P, 0.1, 25)).get("rsi")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "+DI {0} -DI {1} ADX {2} votes {3}")
    @CsvSource({"30, 10, 50, 1", "30, 10, 25, 1", "30, 10, 12.5, 0.5", "30, 10, 5, 0.2", "10, 30, 10, -0.4",
            "30, 10, 0, 0", "20, 20, 40, 0"})
    void directionalVoteIsWeightedByAdx(double plusDi, double minusDi, double adx, double expected) {
        // vote = sign(+DI - -DI) x min(1, ADX / 25)
        IndicatorSnapshot n = neutral();
        IndicatorSnapshot s = new IndicatorSnapshot(300, n.close(), n.emaFast(), n.emaSlow(), n.emaLong(), n.rsi(), 0, 0,
                0, 0, adx, plusDi, minusDi, n.atr());
        assertThat(votes(Scoring.classify(s, P, 0.1, 25)).get("directional")).isCloseTo(expected, within(1e-12));
    }

    @Test
    void votesAreInTheDocumentedOrder() {
        Scoring.Classification c = Scoring.classify(neutral(), P, 0.1, 25);
        assertThat(c.votes()).extracting(Vote::name).containsExactly("close_vs_ema_fast", "close_vs_ema_slow",
                "close_vs_ema_long", "ema_stack", "macd_histogram", "rsi", "directional");
        assertThat(c.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(c.strength()).isZero();
        Map<String, Vote> byName = c.votes().stream().collect(Collectors.toMap(Vote::name, Function.identity()));
        assertThat(byName.get("rsi").reason()).isEqualTo("RSI 14 50 between 45 and 55: no momentum");
    }
}
