package io.marketintel.plugin.mtf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.Interval;
import org.junit.jupiter.api.Test;

/**
 * The weighting across timeframes on hand-chosen scores, with the specification's weights 1m 5, 5m 10, 15m 15,
 * 1h 25, 4h 25, 1d 20 (sum 100) and the default thresholds: direction 25, enter 70, avoid 30.
 */
class ConfluenceTest {

    private static final double[] W = {5, 10, 15, 25, 25, 20};
    private static final long[] MS = {Interval.M1.millis(), Interval.M5.millis(), Interval.M15.millis(),
            Interval.H1.millis(), Interval.H4.millis(), Interval.D1.millis()};
    private static final boolean[] ALL = {true, true, true, true, true, true};

    private static Confluence.Outcome combine(boolean[] analysed, double... scores) {
        return Confluence.combine(W, MS, analysed, scores, 25, 70, 30);
    }

    private static Confluence.Outcome combine(double... scores) {
        return combine(ALL, scores);
    }

    @Test
    void fiveOfSixAligned() {
        // 1m -0.30 (BEARISH 30) against 5m .80, 15m .80, 1h .85, 4h .80, 1d .80 (all BULLISH)
        // W = .05(-.3) + .10(.8) + .15(.8) + .25(.85) + .25(.8) + .20(.8) = -.015 + .08 + .12 + .2125 + .2 + .16 = .7575
        // confluence = 100 (.08 + .12 + .2125 + .2 + .16 - .05 x .3) = 100 x .7575 = 75.75 -> 76
        Confluence.Outcome o = combine(-0.30, 0.80, 0.80, 0.85, 0.80, 0.80);
        assertThat(o.weightedScore()).isCloseTo(0.7575, within(1e-12));
        assertThat(o.direction()).isEqualTo(Direction.BULLISH);
        assertThat(o.score()).isEqualTo(76);
        assertThat(o.aligned()).isEqualTo(5);
        assertThat(o.total()).isEqualTo(6);
        assertThat(o.anchors()).containsExactly(4, 3);                 // 4h and 1h (25 each; the longer first)
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.ENTER);
        assertThat(o.coverage()).isEqualTo(1.0);
        assertThat(o.confidence()).isEqualTo(76);                      // coverage 1 x 76
        assertThat(o.weights()).containsExactly(0.05, 0.10, 0.15, 0.25, 0.25, 0.20);
    }

    @Test
    void exactlyTheEnterThresholdEnters() {
        // all six at 0.70: confluence = 100 x 0.70 x (sum of weights 1) = 70 >= 70, anchors BULLISH -> ENTER
        Confluence.Outcome at = combine(0.70, 0.70, 0.70, 0.70, 0.70, 0.70);
        assertThat(at.score()).isEqualTo(70);
        assertThat(at.recommendation()).isEqualTo(EntryRecommendation.ENTER);
        // 0.69 everywhere: 69 < 70, >= 30 -> WAIT
        Confluence.Outcome below = combine(0.69, 0.69, 0.69, 0.69, 0.69, 0.69);
        assertThat(below.score()).isEqualTo(69);
        assertThat(below.recommendation()).isEqualTo(EntryRecommendation.WAIT);
    }

    @Test
    void exactlyTheAvoidThresholdWaits() {
        // 0.30 everywhere: 30 is not below 30 -> WAIT; 0.29: 29 < 30 -> AVOID
        assertThat(combine(0.30, 0.30, 0.30, 0.30, 0.30, 0.30).recommendation()).isEqualTo(EntryRecommendation.WAIT);
        Confluence.Outcome low = combine(0.29, 0.29, 0.29, 0.29, 0.29, 0.29);
        assertThat(low.direction()).isEqualTo(Direction.BULLISH);      // 29 >= 25
        assertThat(low.score()).isEqualTo(29);
        assertThat(low.recommendation()).isEqualTo(EntryRecommendation.AVOID);
    }

    @Test
    void weightsAreRenormalisedWhenATimeframeLacksData() {
        // 1d without data: the others share 100 - 20 = 80: 5/80 = .0625, 10/80 = .125, 15/80 = .1875, 25/80 = .3125
        // all at .80 -> confluence 100 x .80 x 1 = 80; coverage 80/100 -> confidence .8 x 80 = 64
        boolean[] no1d = {true, true, true, true, true, false};
        Confluence.Outcome o = combine(no1d, 0.80, 0.80, 0.80, 0.80, 0.80, 0.99);   // the 1d score is ignored
        assertThat(o.weights()).containsExactly(0.0625, 0.125, 0.1875, 0.3125, 0.3125, 0.0);
        assertThat(o.score()).isEqualTo(80);
        assertThat(o.total()).isEqualTo(5);
        assertThat(o.aligned()).isEqualTo(5);
        assertThat(o.coverage()).isCloseTo(0.8, within(1e-12));
        assertThat(o.confidence()).isEqualTo(64);
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.ENTER);
    }

    @Test
    void anchorsMoveToTheHeaviestTimeframesWithData() {
        // 1h missing: anchors 4h (25) and 1d (20)
        boolean[] no1h = {true, true, true, false, true, true};
        assertThat(combine(no1h, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5).anchors()).containsExactly(4, 5);
        // only 5m has data: one anchor; weight 10/10 = 1
        boolean[] only5m = {false, true, false, false, false, false};
        Confluence.Outcome o = combine(only5m, 0, 0.9, 0, 0, 0, 0);
        assertThat(o.anchors()).containsExactly(1);
        assertThat(o.weights()[1]).isEqualTo(1.0);
        assertThat(o.score()).isEqualTo(90);
        assertThat(o.coverage()).isCloseTo(0.10, within(1e-12));
        assertThat(o.confidence()).isEqualTo(9);                       // .10 x 90
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.ENTER);
    }

    @Test
    void higherTimeframeAgainstTheWholeIsAvoid() {
        // 4h BEARISH -0.5, the rest BULLISH 0.9:
        // W = .9 (.05 + .10 + .15 + .25 + .20) - .5 x .25 = .675 - .125 = .55 -> BULLISH
        // confluence = 100 (.675 - .125) = 55; anchor 4h opposes -> AVOID
        Confluence.Outcome o = combine(0.9, 0.9, 0.9, 0.9, -0.5, 0.9);
        assertThat(o.direction()).isEqualTo(Direction.BULLISH);
        assertThat(o.score()).isEqualTo(55);
        assertThat(o.aligned()).isEqualTo(5);
        assertThat(o.anchorConflict()).isTrue();
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.AVOID);
    }

    @Test
    void highScoreWithANeutralAnchorWaits() {
        // 4h 0.10 (NEUTRAL), the rest 1.0: W = .75 + .025 = .775; confluence = 100 x .75 = 75 >= 70,
        // but anchor 4h does not confirm -> WAIT
        Confluence.Outcome o = combine(1, 1, 1, 1, 0.10, 1);
        assertThat(o.score()).isEqualTo(75);
        assertThat(o.aligned()).isEqualTo(5);
        assertThat(o.anchorConflict()).isFalse();
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.WAIT);
    }

    @Test
    void conflictingTimeframesCancelIntoNeutral() {
        // 1m..15m +0.9 (weight .30), 1h..1d -0.4 (weight .70): W = .27 - .28 = -.01 -> NEUTRAL (|W| = 1 < 25)
        Confluence.Outcome o = combine(0.9, 0.9, 0.9, -0.4, -0.4, -0.4);
        assertThat(o.weightedScore()).isCloseTo(-0.01, within(1e-12));
        assertThat(o.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(o.score()).isZero();
        assertThat(o.aligned()).isZero();                              // no timeframe is NEUTRAL
        assertThat(o.confidence()).isZero();                           // no weight agrees there is no direction
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.AVOID);
    }

    @Test
    void quietMarketIsNeutralAndConfidentlySo() {
        // every timeframe 0.10 -> NEUTRAL; W = .10 -> NEUTRAL; all the weight agrees: confidence 100 x 1 = 100
        Confluence.Outcome o = combine(0.1, 0.1, 0.1, 0.1, 0.1, 0.1);
        assertThat(o.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(o.aligned()).isEqualTo(6);
        assertThat(o.confidence()).isEqualTo(100);
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.AVOID);   // confluence 0 < 30
    }

    @Test
    void opposingTimeframesReduceTheScore() {
        // 1m -1.0 and 5m -1.0 (BEARISH) against the rest at 1.0:
        // W = (.15 + .25 + .25 + .20) - (.05 + .10) = .85 - .15 = .70; confluence = 100 x .70 = 70 -> ENTER
        Confluence.Outcome o = combine(-1, -1, 1, 1, 1, 1);
        assertThat(o.score()).isEqualTo(70);
        assertThat(o.aligned()).isEqualTo(4);
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.ENTER);
    }

    @Test
    void bearishMirrorsBullish() {
        Confluence.Outcome o = combine(0.30, -0.80, -0.80, -0.85, -0.80, -0.80);
        assertThat(o.direction()).isEqualTo(Direction.BEARISH);
        assertThat(o.score()).isEqualTo(76);
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.ENTER);
    }

    @Test
    void nothingAnalysedIsNeutralAvoidWithoutAnchors() {
        boolean[] none = new boolean[6];
        Confluence.Outcome o = combine(none, 1, 1, 1, 1, 1, 1);
        assertThat(o.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(o.total()).isZero();
        assertThat(o.anchors()).isEmpty();
        assertThat(o.score()).isZero();
        assertThat(o.confidence()).isZero();
        assertThat(o.coverage()).isZero();
        assertThat(o.recommendation()).isEqualTo(EntryRecommendation.AVOID);
        // even with avoid_threshold 0 there is nothing to enter on
        assertThat(Confluence.combine(W, MS, none, new double[6], 25, 70, 0).recommendation())
                .isEqualTo(EntryRecommendation.AVOID);
    }
}
