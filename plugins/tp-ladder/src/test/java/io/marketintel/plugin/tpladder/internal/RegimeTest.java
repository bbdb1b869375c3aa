package io.marketintel.plugin.tpladder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.Kline;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The regime rule at its boundaries, and the indicators on hand-made candles. */
class RegimeTest {

    private final LadderSettings s = LadderSettings.defaults();

    @ParameterizedTest(name = "ADX {0}, momentum {1} ATR, volatility {2}x -> {3}")
    @CsvSource({
            // ADX   momentum  vol ratio  regime         capped
            "0,      0,        1,         RANGING,       false",
            "24.99,  5,        1,         RANGING,       false",   // just below trending_adx
            "25,     0.99,     1,         RANGING,       false",   // trending ADX, momentum just short
            "25,     1,        1,         TRENDING,      false",   // both exactly at the trending thresholds
            "25,     -1,       1,         TRENDING,      false",   // the momentum's sign does not matter
            "39.99,  10,       1,         TRENDING,      false",   // just below strong_trend_adx
            "40,     2.99,     1,         TRENDING,      false",   // strong ADX, momentum short of 3
            "40,     0.99,     1,         RANGING,       false",   // strong ADX without momentum: stalled
            "40,     3,        1,         STRONG_TREND,  false",   // exactly at the strong thresholds
            "40,     -3,       1,         STRONG_TREND,  false",
            "40,     3,        1.99,      STRONG_TREND,  false",   // volatility just under the spike ratio
            "40,     3,        2,         TRENDING,      true",    // at the spike ratio: capped
            "80,     9,        5,         TRENDING,      true",
            "100,    0,        5,         RANGING,       false"})
    void classifiesAtTheBoundaries(double adx, double momentum, double ratio, MarketRegime regime, boolean capped) {
        RegimeAnalysis.Classification c = RegimeAnalysis.classify(adx, momentum, ratio, s);
        assertThat(c.regime()).isEqualTo(regime);
        assertThat(c.capped()).isEqualTo(capped);
    }

    @Test
    void thresholdsComeFromTheConfiguration() {
        LadderSettings tight = LadderSettings.with(java.util.Map.of(LadderSettings.TRENDING_ADX, 20.0,
                LadderSettings.STRONG_TREND_ADX, 30.0, LadderSettings.TRENDING_MOMENTUM_ATR, 0.5,
                LadderSettings.STRONG_TREND_MOMENTUM_ATR, 2.0));
        assertThat(RegimeAnalysis.classify(20, 0.5, 1, tight).regime()).isEqualTo(MarketRegime.TRENDING);
        assertThat(RegimeAnalysis.classify(30, 2, 1, tight).regime()).isEqualTo(MarketRegime.STRONG_TREND);
        assertThat(RegimeAnalysis.classify(30, 2, 1, s).regime()).isEqualTo(MarketRegime.TRENDING);
    }

    @Test
    void aSteadyRiseIsAStrongTrend() {
        List<Kline> k = Fixtures.steadyRise(100, 1000);
        RegimeAnalysis a = RegimeAnalysis.of(Kline.highs(k), Kline.lows(k), Kline.closes(k), 123L, s);
        Indicators i = a.indicators();
        // every true range is 10, every +DM 5, no -DM: ATR 10, +DI 50, -DI 0, DX 100, ADX 100
        assertThat(i.atr()).isCloseTo(10, within(1e-9));
        assertThat(i.plusDi()).isCloseTo(50, within(1e-9));
        assertThat(i.minusDi()).isEqualTo(0);
        assertThat(i.adx()).isCloseTo(100, within(1e-9));
        assertThat(i.trendDirection()).isEqualTo("UP");
        // the last close is 1000 + 5 x 100 = 1500; ten bars earlier 1450: +50 = +5 ATR = +3.448 %
        assertThat(i.close()).isEqualTo(1500);
        assertThat(i.momentumAtr()).isCloseTo(5, within(1e-9));
        assertThat(i.momentumPct()).isCloseTo(50.0 / 1450 * 100, within(1e-9));
        assertThat(i.atrPct()).isCloseTo(10.0 / 1500 * 100, within(1e-9));
        assertThat(i.volatilityRatio()).isCloseTo(1, within(1e-9));
        assertThat(i.bars()).isEqualTo(100);
        assertThat(i.dataTime()).isEqualTo(123L);
        assertThat(a.regime()).isEqualTo(MarketRegime.STRONG_TREND);
        assertThat(a.reasoning()).first().asString().startsWith("ADX(14) 100.00 at or above strong_trend_adx 40.00");
        assertThat(a.reasoning()).last().isEqualTo("Regime STRONG_TREND");
    }

    @Test
    void aMarketGoingNowhereIsRanging() {
        List<Kline> k = Fixtures.flat(100);
        RegimeAnalysis a = RegimeAnalysis.of(Kline.highs(k), Kline.lows(k), Kline.closes(k), 0L, s);
        assertThat(a.indicators().atr()).isCloseTo(8, within(1e-9));
        assertThat(a.indicators().adx()).isEqualTo(0);
        assertThat(a.indicators().momentumAtr()).isEqualTo(0);
        assertThat(a.indicators().trendDirection()).isEqualTo("NONE");
        assertThat(a.regime()).isEqualTo(MarketRegime.RANGING);
    }

    @Test
    void aVolatilityShockCapsAStrongTrend() {
        // the steady rise, whose last five candles rise 20 each and span 50 instead of 10: the ATR climbs from 10 to
        // 50 - 40 x (13/14)^5 = 22.4, about 2.1x its window average; momentum (5 x 5 + 5 x 20) / 22.4 = 5.6 ATR
        List<Kline> k = new java.util.ArrayList<>(Fixtures.steadyRise(95, 1000));
        double open = k.get(94).close();
        for (int i = 95; i < 100; i++) {
            k.add(Fixtures.candle(i, open, open + 35, open - 15, open + 20));
            open += 20;
        }
        RegimeAnalysis a = RegimeAnalysis.of(Kline.highs(k), Kline.lows(k), Kline.closes(k), 0L, s);
        assertThat(a.indicators().volatilityRatio()).isGreaterThanOrEqualTo(2);
        assertThat(a.indicators().adx()).isGreaterThanOrEqualTo(40);
        assertThat(a.regime()).isEqualTo(MarketRegime.TRENDING);
        assertThat(a.reasoning()).anyMatch(r -> r.startsWith("STRONG_TREND capped at TRENDING"));
    }
}
