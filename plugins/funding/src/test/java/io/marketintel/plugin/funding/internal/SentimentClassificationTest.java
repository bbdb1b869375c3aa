package io.marketintel.plugin.funding.internal;

import static io.marketintel.plugin.funding.internal.FundingAnalysis.classify;
import static io.marketintel.plugin.funding.internal.FundingAnalysis.toPct;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sentiment classes at and beside every boundary. Rule under test: strictly beyond the extreme threshold is
 * EXTREME_*, from the bullish threshold on (inclusive) is BULLISH / BEARISH.
 */
class SentimentClassificationTest {

    private static final double EXTREME = 0.15;
    private static final double BULLISH = 0.05;

    @ParameterizedTest(name = "{0} % -> {1}")
    @CsvSource({
            "0.1501,  EXTREME_BULLISH",  // 0.15 + 0.0001: strictly above extreme
            "0.15,    BULLISH",          // exactly extreme: not strictly above, so the moderate class
            "0.1499,  BULLISH",
            "0.0501,  BULLISH",
            "0.05,    BULLISH",          // exactly bullish: inclusive
            "0.0499,  NEUTRAL",          // 0.05 - 0.0001
            "0,       NEUTRAL",
            "-0.0499, NEUTRAL",
            "-0.05,   BEARISH",          // exactly -bullish: inclusive
            "-0.0501, BEARISH",
            "-0.1499, BEARISH",
            "-0.15,   BEARISH",          // exactly -extreme: not strictly below
            "-0.1501, EXTREME_BEARISH",
    })
    void classifiesAtAndBesideEachDefaultBoundary(double pct, Sentiment expected) {
        assertThat(classify(pct, EXTREME, BULLISH)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "raw {0} -> {1}")
    @CsvSource({
            "0.001501,  EXTREME_BULLISH",  // 0.1501 %
            "0.0015,    BULLISH",          // 0.15 %
            "0.0005,    BULLISH",          // 0.05 %
            "0.000499,  NEUTRAL",          // 0.0499 %
            "-0.0005,   BEARISH",
            "-0.0015,   BEARISH",
            "-0.001501, EXTREME_BEARISH",
    })
    void classifiesBinanceFractionsConvertedToPercent(double raw, Sentiment expected) {
        assertThat(classify(toPct(raw), EXTREME, BULLISH)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} % with extreme 0.1, bullish 0.02 -> {1}")
    @CsvSource({
            "0.1001,  EXTREME_BULLISH",
            "0.1,     BULLISH",
            "0.0999,  BULLISH",
            "0.02,    BULLISH",
            "0.0199,  NEUTRAL",
            "-0.0199, NEUTRAL",
            "-0.02,   BEARISH",
            "-0.1,    BEARISH",
            "-0.1001, EXTREME_BEARISH",
            // 0.12 is EXTREME under these thresholds but only BULLISH under the defaults
            "0.12,    EXTREME_BULLISH",
    })
    void customThresholdsMoveTheBoundaries(double pct, Sentiment expected) {
        assertThat(classify(pct, 0.1, 0.02)).isEqualTo(expected);
    }

    @Test
    void regressionRawFractionTimesHundredMustNotCrossAThresholdByRoundingNoise() {
        // The trap: binary doubles make 0.0035 * 100 = 0.35000000000000003 and 0.0007 * 100 = 0.06999999999999999.
        assertThat(0.0035 * 100).isNotEqualTo(0.35);
        assertThat(0.0007 * 100).isNotEqualTo(0.07);
        // The conversion is decimal-exact, so a rate exactly at a configured threshold lands on the documented side.
        assertThat(toPct(0.0035)).isEqualTo(0.35);
        assertThat(toPct(0.0007)).isEqualTo(0.07);
        assertThat(classify(toPct(0.0035), 0.35, 0.07)).isEqualTo(Sentiment.BULLISH);   // not EXTREME
        assertThat(classify(toPct(0.0007), 0.35, 0.07)).isEqualTo(Sentiment.BULLISH);   // not NEUTRAL
        assertThat(classify(toPct(-0.0007), 0.35, 0.07)).isEqualTo(Sentiment.BEARISH);
    }
}
