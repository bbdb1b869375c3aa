package io.marketintel.plugin.meta.internal;

import static io.marketintel.plugin.meta.internal.Fixtures.complete;
import static io.marketintel.plugin.meta.internal.Fixtures.funding;
import static io.marketintel.plugin.meta.internal.Fixtures.liquidations;
import static io.marketintel.plugin.meta.internal.Fixtures.mtf;
import static io.marketintel.plugin.meta.internal.Fixtures.quiet;
import static io.marketintel.plugin.meta.internal.Fixtures.vp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.Bias;
import io.marketintel.api.IntelException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classification rules at their boundaries (default thresholds: high_volatility_atr_pct 1.5, cascade_risk_high
 * 70, strong_confluence 70, strong_adx 25, mild_confluence 40, low_volatility_atr_pct 0.35), on hand-made analyses
 * shaped like the plugins' answers.
 */
class ConditionClassifierTest {

    private static final MetaSettings S = MetaSettings.defaults();
    private static final JsonObject INSIDE = vp("INSIDE_VALUE_AREA", 100.0, 100.0);

    private static ConditionClassifier.Classification classify(JsonObject completeAnalysis) {
        return ConditionClassifier.classify(MarketInputs.from(completeAnalysis, EnumSet.allOf(Section.class),
                "market_data"), S);
    }

    @ParameterizedTest(name = "{0} conf {1} adx {2}/{3} atr {4} -> {5} {6}")
    @CsvSource({
            // direction, confluence, adx 1h, adx 4h, 1h ATR %, condition, direction
            "BULLISH, 70, 25, 25, 0.8,    STRONG_UPTREND,   LONG",   // both strong thresholds exactly met
            "BULLISH, 70, 20, 30, 0.8,    STRONG_UPTREND,   LONG",   // ADX is the mean of 1h and 4h: 25
            "BULLISH, 69, 25, 25, 0.8,    MILD_UPTREND,     LONG",   // confluence one below strong
            "BULLISH, 70, 24.9, 25, 0.8,  MILD_UPTREND,     LONG",   // mean ADX 24.95 < 25
            "BULLISH, 40, 10, 10, 0.8,    MILD_UPTREND,     LONG",   // mild threshold exactly met
            "BULLISH, 39, 10, 10, 0.8,    RANGING,          NEUTRAL",// below mild: no trend; price at POC: no trade
            "BEARISH, 70, 25, 25, 0.8,    STRONG_DOWNTREND, SHORT",
            "BEARISH, 40, 25, 25, 0.8,    MILD_DOWNTREND,   SHORT",
            "BULLISH, 90, 40, 40, 1.5,    HIGH_VOLATILITY,  LONG",   // ATR exactly at high_volatility_atr_pct wins
            "BULLISH, 90, 40, 40, 1.4999, STRONG_UPTREND,   LONG",
            "BEARISH, 90, 40, 40, 2.0,    HIGH_VOLATILITY,  SHORT",  // high volatility follows the MTF direction
            "NEUTRAL, 0,  10, 10, 2.0,    HIGH_VOLATILITY,  NEUTRAL",
            "NEUTRAL, 0,  10, 10, 0.35,   LOW_VOLATILITY,   NEUTRAL",// low threshold inclusive; weighted score 0
            "NEUTRAL, 0,  10, 10, 0.3501, RANGING,          NEUTRAL",
            "BULLISH, 39, 10, 10, 0.2,    LOW_VOLATILITY,   LONG",   // drift of the weighted score (+39)
    })
    void mtfDrivenConditions(String direction, int confluence, double adx1h, double adx4h, double atr,
                             MarketCondition condition, Bias expected) {
        int weighted = direction.equals("BEARISH") ? -confluence : direction.equals("BULLISH") ? confluence : 0;
        ConditionClassifier.Classification c = classify(quiet(mtf(confluence, direction, weighted, adx1h, adx4h, atr),
                INSIDE));
        assertThat(c.condition()).isEqualTo(condition);
        assertThat(c.direction()).isEqualTo(expected);
        assertThat(c.rules()).isNotEmpty();
    }

    @Test
    void cascadeRiskAtItsThresholdIsHighVolatility() {
        JsonObject m = mtf(80, "BULLISH", 80, 30.0, 30.0, 0.8);
        assertThat(classify(complete(null, null, liquidations(70, "SHORT"), m, INSIDE)).condition())
                .isEqualTo(MarketCondition.HIGH_VOLATILITY);
        assertThat(classify(complete(null, null, liquidations(69, "SHORT"), m, INSIDE)).condition())
                .isEqualTo(MarketCondition.STRONG_UPTREND);
        assertThat(classify(complete(null, null, liquidations(70, "SHORT"), m, INSIDE)).rules().get(0))
                .isEqualTo("Liquidation cascade risk 70 >= cascade_risk_high 70 -> high_volatility");
    }

    @Test
    void crowdedFundingOnTheTrendsSideDemotesAStrongTrend() {
        JsonObject up = mtf(80, "BULLISH", 80, 30.0, 30.0, 0.8);
        assertThat(classify(complete(funding("EXTREME_BULLISH", 0.2, "SHORT"), null, null, up, INSIDE)).condition())
                .isEqualTo(MarketCondition.MILD_UPTREND);
        // Extreme funding against the trend is not a crowded trend: it stays strong.
        assertThat(classify(complete(funding("EXTREME_BEARISH", -0.2, "LONG"), null, null, up, INSIDE)).condition())
                .isEqualTo(MarketCondition.STRONG_UPTREND);
        JsonObject down = mtf(80, "BEARISH", -80, 30.0, 30.0, 0.8);
        ConditionClassifier.Classification c = classify(complete(funding("EXTREME_BEARISH", -0.2, "LONG"), null, null,
                down, INSIDE));
        assertThat(c.condition()).isEqualTo(MarketCondition.MILD_DOWNTREND);
        assertThat(c.rules().get(0)).isEqualTo("MTF BEARISH with confluence 80 >= strong_confluence 70 but funding is"
                + " EXTREME_BEARISH (a crowded trade) -> mild_downtrend");
    }

    @Test
    void priceOnTheOtherSideOfValueDemotesAStrongTrend() {
        JsonObject up = mtf(80, "BULLISH", 80, 30.0, 30.0, 0.8);
        assertThat(classify(quiet(up, vp("BELOW_VALUE_AREA", 98.0, 100.0))).condition())
                .isEqualTo(MarketCondition.MILD_UPTREND);
        assertThat(classify(quiet(up, vp("ABOVE_VALUE_AREA", 102.0, 100.0))).condition())
                .isEqualTo(MarketCondition.STRONG_UPTREND);
        JsonObject down = mtf(80, "BEARISH", -80, 30.0, 30.0, 0.8);
        assertThat(classify(quiet(down, vp("ABOVE_VALUE_AREA", 102.0, 100.0))).condition())
                .isEqualTo(MarketCondition.MILD_DOWNTREND);
    }

    @Test
    void withoutAdxAStrongConfluenceIsOnlyMild() {
        assertThat(classify(quiet(mtf(80, "BULLISH", 80, null, null, 0.8), INSIDE)).condition())
                .isEqualTo(MarketCondition.MILD_UPTREND);
    }

    @ParameterizedTest(name = "ranging, price {0} (price {1}, POC {2}) -> {3}")
    @CsvSource({
            "BELOW_VALUE_AREA,  97,  100, LONG",
            "ABOVE_VALUE_AREA,  103, 100, SHORT",
            "INSIDE_VALUE_AREA, 99,  100, LONG",
            "INSIDE_VALUE_AREA, 101, 100, SHORT",
            "INSIDE_VALUE_AREA, 100, 100, NEUTRAL"})
    void rangingFadesThePriceBackToValue(String position, double price, double poc, Bias expected) {
        ConditionClassifier.Classification c = classify(quiet(mtf(20, "NEUTRAL", 5, 15.0, 15.0, 0.8),
                vp(position, price, poc)));
        assertThat(c.condition()).isEqualTo(MarketCondition.RANGING);
        assertThat(c.direction()).isEqualTo(expected);
    }

    @Test
    void withoutMtfTheVolumeProfilePositionDecides() {
        assertThat(classify(complete(null, null, null, null, vp("ABOVE_VALUE_AREA", 103, 100))).condition())
                .isEqualTo(MarketCondition.MILD_UPTREND);
        assertThat(classify(complete(null, null, null, null, vp("BELOW_VALUE_AREA", 97, 100))).condition())
                .isEqualTo(MarketCondition.MILD_DOWNTREND);
        ConditionClassifier.Classification c = classify(complete(null, null, null, null, INSIDE));
        assertThat(c.condition()).isEqualTo(MarketCondition.RANGING);
    }

    @Test
    void sectionsNotIncludedAreIgnored() {
        JsonObject data = complete(null, null, liquidations(95, "SHORT"), mtf(80, "BULLISH", 80, 30.0, 30.0, 0.8),
                INSIDE);
        MarketInputs in = MarketInputs.from(data, EnumSet.of(Section.MTF_CONFLUENCE, Section.VOLUME_PROFILE),
                "market_data");
        assertThat(ConditionClassifier.classify(in, S).condition()).isEqualTo(MarketCondition.STRONG_UPTREND);
        assertThat(in.has(Section.LIQUIDATIONS)).isFalse();
    }

    @Test
    void atrOfAnotherTimeframeIsScaledToOneHour() {
        JsonObject m = mtf(20, "NEUTRAL", 0, 15.0, 15.0, null);
        JsonArray signals = m.getJsonArray("timeframe_signals");
        signals.getJsonObject(2).put("atr_pct", 2.0); // 4h only: 2.0 x sqrt(60 / 240) = 1.0
        MarketInputs in = MarketInputs.from(quiet(m, INSIDE), EnumSet.allOf(Section.class), "market_data");
        assertThat(in.atrPct()).isEqualTo(1.0);
        assertThat(in.atrSource()).isEqualTo("4h scaled to 1h");
        assertThat(in.adx()).isEqualTo(15.0);
        assertThat(in.adxTimeframes()).isEqualTo("1h/4h");
    }

    @Test
    void timeframesWithoutEnoughDataAreLeftOut() {
        JsonObject m = mtf(80, "BULLISH", 80, 30.0, 10.0, 0.8);
        m.getJsonArray("timeframe_signals").getJsonObject(2).put("sufficient_data", false);
        MarketInputs in = MarketInputs.from(quiet(m, INSIDE), EnumSet.allOf(Section.class), "market_data");
        assertThat(in.adx()).isEqualTo(30.0);
        assertThat(in.adxTimeframes()).isEqualTo("1h");
    }

    @Test
    void keyFactorsInTheSpecificationsWords() {
        ConditionClassifier.Classification c = classify(complete(funding("BULLISH", 0.06, "LONG"),
                Fixtures.orderbook(23.5, 64, "LONG"), liquidations(30, "NEUTRAL"), mtf(78, "BULLISH", 75, 30.0, 32.0,
                        0.85), vp("ABOVE_VALUE_AREA", 103, 100)));
        assertThat(c.condition()).isEqualTo(MarketCondition.STRONG_UPTREND);
        assertThat(c.keyFactors()).containsExactly(
                "High MTF confluence (78/100)",
                "MTF overall BULLISH, ADX 31 (1h/4h)",
                "1h ATR 0.85% of price",
                "Price ABOVE_VALUE_AREA",
                "Funding BULLISH (0.06%)",
                "Order book imbalance +23.5% (depth score 64)",
                "Liquidation cascade risk 30/100");
    }

    @Test
    void aFieldOfTheWrongTypeIsA400NamingItsPath() {
        JsonObject m = mtf(80, "BULLISH", 80, 30.0, 30.0, 0.8).put("confluence_score", "high");
        assertThatThrownBy(() -> MarketInputs.from(quiet(m, INSIDE), EnumSet.allOf(Section.class), "market_data"))
                .isInstanceOf(IntelException.class)
                .hasMessage("field [market_data.mtf_confluence.confluence_score] must be a number, was high");
    }

    @Test
    void thePriceComesFromTheOrderBookFirstThenFundingThenTheVolumeProfile() {
        MarketInputs all = MarketInputs.from(quiet(mtf(20, "NEUTRAL", 0, 15.0, 15.0, 0.8), vp("INSIDE_VALUE_AREA",
                101, 100)), EnumSet.allOf(Section.class), "market_data");
        assertThat(all.priceSource()).isEqualTo("orderbook.current_price");
        MarketInputs vpOnly = MarketInputs.from(complete(null, null, null, mtf(20, "NEUTRAL", 0, 15.0, 15.0, 0.8),
                vp("INSIDE_VALUE_AREA", 101, 100)), EnumSet.allOf(Section.class), "market_data");
        assertThat(vpOnly.price()).isEqualTo(101.0);
        assertThat(vpOnly.priceSource()).isEqualTo("volume_profile.current_price");
        MarketInputs mtfOnly = MarketInputs.from(complete(null, null, null, mtf(20, "NEUTRAL", 0, 15.0, 15.0, 0.8),
                null), EnumSet.allOf(Section.class), "market_data");
        assertThat(mtfOnly.price()).isEqualTo(100.0);
        assertThat(mtfOnly.priceSource()).isEqualTo("mtf_confluence.timeframe_signals.close");
    }
}
