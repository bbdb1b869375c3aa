package io.marketintel.plugin.mtf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One timeframe from constructed candles through the platform's kernels and the votes. Steady percentage trends
 * make the indicators' steady states computable by hand: for closes {@code c_k = c_0·(1+g)^k},
 * an EMA with {@code α = 2/(p+1)} settles at {@code EMA/c = α / (1 − (1−α)/(1+g))}, Wilder averages with
 * {@code α = 1/p} likewise, and ratios of two Wilder averages of proportional inputs are exact from the seed on.
 */
class TimeframeClassificationTest {

    private static final MtfSettings S = MtfSettings.defaults();
    private static final IndicatorPeriods P = S.periods();

    private static IndicatorSnapshot snapshot(List<Kline> klines) {
        ConfluenceAnalysis.Series s = ConfluenceAnalysis.closed(klines, Fixtures.NOW);
        return IndicatorSnapshot.compute(s.high(), s.low(), s.close(), P);
    }

    private static Scoring.Classification classify(IndicatorSnapshot s) {
        return Scoring.classify(s, P, S.neutralBandAtr(), S.directionThreshold());
    }

    @Test
    void steadyUptrendIsBullishWithEveryVote() {
        // 300 closed 1h candles rising 0.5 % each (g = 0.005), every candle ±0.2 % (r = 0.002) beyond open and close
        double g = 0.005;
        double r = 0.002;
        double[] closes = Fixtures.geometric(300, 100, g);
        IndicatorSnapshot s = snapshot(Fixtures.series(Interval.H1, Fixtures.NOW, closes, 0.2, closes[299] * 1.3));
        assertThat(s.bars()).isEqualTo(300);
        assertThat(s.close()).isEqualTo(closes[299]);                      // the forming candle (x1.3) is not used
        // no close ever falls: average loss 0 -> RSI 100
        assertThat(s.rsi()).isEqualTo(100.0);
        // lows rise every candle -> -DM = 0 -> -DI 0, DX 100 -> ADX 100
        assertThat(s.minusDi()).isEqualTo(0.0);
        assertThat(s.adx()).isCloseTo(100.0, within(1e-9));
        // +DM = H_k - H_(k-1) = c_k(1+r)(1 - 1/(1+g)); TR = H_k - L_k = c_k((1+r) - (1-r)/(1+g)); both grow by (1+g):
        // +DI = 100 (1+r) g / (g + r (2+g)) = 100 x 1.002 x 0.005 / (0.005 + 0.002 x 2.005) = 0.501 / 0.00901 = 55.605
        assertThat(s.plusDi()).isCloseTo(100 * (1 + r) * g / (g + r * (2 + g)), within(1e-9)).isCloseTo(55.605, within(1e-3));
        // EMA 20: α = 2/21 = 0.095238; (1-α)/(1+g) = 0.904762/1.005 = 0.900260 -> EMA/c = 0.095238/0.099740 = 0.95487
        double a = 2.0 / 21;
        assertThat(s.emaFast() / s.close()).isCloseTo(a / (1 - (1 - a) / (1 + g)), within(1e-9)).isCloseTo(0.95487, within(1e-5));
        // ATR 14 (Wilder, α = 1/14): ATR/TR = (1/14) / (1 - (13/14)/1.005) = 0.071429 / 0.076049 = 0.93925,
        // TR/c = 1.002 - 0.998/1.005 = 0.0089652 -> ATR % = 100 x 0.93925 x 0.0089652 = 0.84205 %
        double atrPct = 100 * ((1.0 / 14) / (1 - (13.0 / 14) / (1 + g))) * ((1 + r) - (1 - r) / (1 + g));
        assertThat(s.atrPct()).isCloseTo(atrPct, within(1e-9)).isCloseTo(0.84205, within(1e-5));
        // constant growth: MACD grows with the price, the histogram with it -> positive and rising
        assertThat(s.macdHistogram()).isPositive().isGreaterThan(s.macdHistogramPrev());

        Scoring.Classification c = classify(s);
        assertThat(c.votes()).extracting(Vote::vote).containsOnly(1.0);   // 10 of 10 points
        assertThat(c.direction()).isEqualTo(Direction.BULLISH);
        assertThat(c.strength()).isEqualTo(100);
    }

    @Test
    void steadyDowntrendIsBearish() {
        double[] closes = Fixtures.geometric(300, 100, -0.005);
        IndicatorSnapshot s = snapshot(Fixtures.series(Interval.H4, Fixtures.NOW, closes, 0.2, closes[299]));
        assertThat(s.rsi()).isEqualTo(0.0);                 // no gain ever: RSI 0 (defined: the closes moved)
        assertThat(s.plusDi()).isEqualTo(0.0);              // highs fall every candle
        // MACD is in price units: in a steady percentage decline it shrinks with the price, so the line rises towards
        // 0 and sits above its lagging signal. The histogram is positive and falling: +0.5, the one dissenting vote.
        assertThat(s.macd()).isNegative();
        assertThat(s.macdHistogram()).isPositive().isLessThan(s.macdHistogramPrev());
        Scoring.Classification c = classify(s);
        assertThat(c.votes()).extracting(Vote::vote).containsExactly(-1.0, -1.0, -1.0, -1.0, 0.5, -1.0, -1.0);
        // score = (-1 - 1 - 1 - 2 + 2 x 0.5 - 1 - 2) / 10 = -7 / 10 -> BEARISH 70
        assertThat(c.score()).isCloseTo(-0.7, within(1e-12));
        assertThat(c.direction()).isEqualTo(Direction.BEARISH);
        assertThat(c.strength()).isEqualTo(70);
    }

    @Test
    void flatMarketIsNeutralWithStrengthZero() {
        // close 100 every candle, high 100.5, low 99.5: every EMA 100, MACD 0, TR 1 -> ATR 1 (1 % of price),
        // ±DM 0 -> ±DI 0, DX undefined -> ADX 0; no change at all -> RSI undefined (not the kernel's 0)
        IndicatorSnapshot s = snapshot(Fixtures.seriesAbsolute(Interval.M15, Fixtures.NOW, Fixtures.constant(300, 100), 0.5));
        assertThat(s.emaFast()).isEqualTo(100.0);
        assertThat(s.emaLong()).isEqualTo(100.0);
        assertThat(s.macdHistogram()).isEqualTo(0.0);
        assertThat(s.atr()).isEqualTo(1.0);
        assertThat(s.atrPct()).isEqualTo(1.0);
        assertThat(s.adx()).isEqualTo(0.0);
        assertThat(s.rsi()).isNaN();
        Scoring.Classification c = classify(s);
        assertThat(c.votes()).extracting(Vote::vote).containsOnly(0.0);
        assertThat(c.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(c.strength()).isZero();
        assertThat(c.votes().get(5).reason()).isEqualTo("RSI 14 undefined (no price change)");
    }

    @Test
    void zigZagEndingOnAnUpCandleIsNotCalledBullish() {
        // closes alternate 100 / 100.1, candles ±0.5: TR 1.0 -> ATR 1, band 0.1. The EMAs sit near 100.05, so the
        // close is 0.05 from them: inside the band, no price vote. Only the MACD histogram flips each candle
        // (at most 2 of 10 points) and the DI vote is tiny (ADX near 0): |score| <= 0.2 + small < 0.25.
        double[] closes = new double[300];
        for (int k = 0; k < closes.length; k++) {
            closes[k] = k % 2 == 0 ? 100 : 100.1;
        }
        IndicatorSnapshot s = snapshot(Fixtures.seriesAbsolute(Interval.M5, Fixtures.NOW, closes, 0.5));
        assertThat(s.close()).isEqualTo(100.1);
        assertThat(s.atr()).isCloseTo(1.0, within(1e-9));
        Scoring.Classification c = classify(s);
        assertThat(c.votes().subList(0, 4)).extracting(Vote::vote).containsOnly(0.0);
        assertThat(c.direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(c.strength()).isLessThan(25);
    }

    @Test
    void youngTimeframeLeavesTheLongEmaOut() {
        // 120 closed candles: enough for everything but EMA 200
        double[] closes = Fixtures.geometric(120, 100, 0.005);
        IndicatorSnapshot s = snapshot(Fixtures.series(Interval.D1, Fixtures.NOW, closes, 0.2, closes[119]));
        assertThat(s.bars()).isEqualTo(120);
        assertThat(s.emaLong()).isNaN();
        assertThat(s.emaSlow()).isFinite();
        Scoring.Classification c = classify(s);
        assertThat(c.votes()).extracting(Vote::name).doesNotContain("close_vs_ema_long");
        assertThat(c.votes()).extracting(Vote::weight).containsExactly(1.0, 1.0, 2.0, 2.0, 1.0, 2.0);  // 9 in all
        assertThat(c.strength()).isEqualTo(100);
    }

    @Test
    void warmUpOfTheStandardPeriods() {
        // max(EMA 50 -> 50, RSI 14 + 1, ATR 14 + 1, 2 x ADX 14 = 28, MACD 26 + 9 = 35 (the slope needs one more))
        assertThat(P.warmUp()).isEqualTo(50);
        double[] closes = Fixtures.geometric(50, 100, 0.005);
        IndicatorSnapshot s = snapshot(Fixtures.series(Interval.H1, Fixtures.NOW, closes, 0.2, closes[49]));
        assertThat(new double[] {s.emaFast(), s.emaSlow(), s.rsi(), s.macd(), s.macdSignal(), s.macdHistogram(),
                s.macdHistogramPrev(), s.adx(), s.plusDi(), s.minusDi(), s.atr()}).doesNotContain(Double.NaN);
        assertThat(new IndicatorPeriods(20, 60, 200, 14, 12, 26, 9, 14, 14).warmUp()).isEqualTo(60);
        assertThat(new IndicatorPeriods(5, 10, 20, 14, 12, 26, 9, 40, 14).warmUp()).isEqualTo(80);
        assertThat(new IndicatorPeriods(5, 10, 20, 14, 12, 40, 30, 14, 14).warmUp()).isEqualTo(70);
    }
}
