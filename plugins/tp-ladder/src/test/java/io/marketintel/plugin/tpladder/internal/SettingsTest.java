package io.marketintel.plugin.tpladder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.market.Interval;
import io.marketintel.api.trading.WorkingType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration's defaults and the cross-key rules checkConfig applies at load. */
class SettingsTest {

    private final TpLadderPlugin plugin = new TpLadderPlugin();

    private static List<String> plain(List<BigDecimal> values) {
        return values.stream().map(v -> v.stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    void defaults() {
        LadderSettings s = LadderSettings.defaults();
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.interval()).isEqualTo(Interval.H1);
        assertThat(s.bars()).isEqualTo(100);
        assertThat(s.atrPeriod()).isEqualTo(14);
        assertThat(s.adxPeriod()).isEqualTo(14);
        assertThat(s.momentumBars()).isEqualTo(10);
        assertThat(s.trendingAdx()).isEqualTo(25);
        assertThat(s.strongTrendAdx()).isEqualTo(40);
        assertThat(s.trendingMomentumAtr()).isEqualTo(1);
        assertThat(s.strongTrendMomentumAtr()).isEqualTo(3);
        assertThat(s.volatilitySpikeRatio()).isEqualTo(2);
        assertThat(s.scale(Strategy.ADAPTIVE)).isEqualTo(1.0);
        assertThat(s.scale(Strategy.AGGRESSIVE)).isEqualTo(1.3);
        assertThat(s.scale(Strategy.CONSERVATIVE)).isEqualTo(0.7);
        assertThat(plain(s.multipliers().get(MarketRegime.STRONG_TREND))).containsExactly("2", "4", "7");
        assertThat(plain(s.multipliers().get(MarketRegime.TRENDING))).containsExactly("1.5", "3", "5");
        assertThat(plain(s.multipliers().get(MarketRegime.RANGING))).containsExactly("1", "2", "3.5");
        assertThat(plain(s.splits().get(MarketRegime.STRONG_TREND))).containsExactly("20", "30", "50");
        assertThat(plain(s.splits().get(MarketRegime.TRENDING))).containsExactly("25", "35", "40");
        assertThat(plain(s.splits().get(MarketRegime.RANGING))).containsExactly("40", "35", "25");
        assertThat(s.workingType()).isEqualTo(WorkingType.MARK_PRICE);
        assertThat(s.priceProtect()).isFalse();
        assertThat(s.enforceMinNotional()).isTrue();
        plugin.checkConfig(LadderSettings.defaultParams());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "trending_adx;              40;       [plugins.tp-ladder.trending_adx] (40.0) must be below [plugins.tp-ladder.strong_trend_adx] (40.0)",
            "strong_trend_adx;          20;       [plugins.tp-ladder.trending_adx] (25.0) must be below [plugins.tp-ladder.strong_trend_adx] (20.0)",
            "trending_momentum_atr;     3.5;      [plugins.tp-ladder.trending_momentum_atr] (3.5) must not be above [plugins.tp-ladder.strong_trend_momentum_atr] (3.0)",
            "strong_trend_multipliers;  2,7,4;    [plugins.tp-ladder.strong_trend_multipliers] must list three positive ATR multiples in increasing order, was [2, 7, 4]",
            "ranging_multipliers;       0,2,3.5;  [plugins.tp-ladder.ranging_multipliers] must list three positive ATR multiples in increasing order",
            "trending_multipliers;      1.5,x,5;  [plugins.tp-ladder.trending_multipliers] must list three positive ATR multiples in increasing order, was [1.5, x, 5] (\"x\" is not a number)",
            "trending_split;            25,35,45; [plugins.tp-ladder.trending_split] must sum to 100, was [25, 35, 45] (sum 105)",
            "ranging_split;             50,50,0;  [plugins.tp-ladder.ranging_split] must list three positive percentages summing to 100"})
    void inconsistentKeysAreRefusedNamingThem(String key, String value, String message) {
        Object v = key.endsWith("_multipliers") || key.endsWith("_split") ? List.of(value.split(","))
                : (Object) Double.parseDouble(value);
        assertThatThrownBy(() -> plugin.checkConfig(params(Map.of(key, v))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("configuration of plugin [tp-ladder] is inconsistent: ")
                .hasMessageContaining(message);
    }

    @Test
    void barsMustCoverTheIndicators() {
        assertThatThrownBy(() -> plugin.checkConfig(params(Map.of("bars", 30L, "adx_period", 16L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[plugins.tp-ladder.bars] (30) must be at least 32 = max(2 x"
                        + " [plugins.tp-ladder.adx_period] (16), [plugins.tp-ladder.atr_period] + 1 (15),"
                        + " [plugins.tp-ladder.momentum_bars] + 1 (11))");
        plugin.checkConfig(params(Map.of("bars", 32L, "adx_period", 16L)));
    }

    private static io.marketintel.api.Params params(Map<String, ?> overrides) {
        Map<String, Object> values = new java.util.LinkedHashMap<>(LadderSettings.defaultParams().asMap());
        values.putAll(overrides);
        return io.marketintel.api.Params.of(values);
    }

    @Test
    void theAnalysisFingerprintFollowsTheKeysTheRegimeDependsOn() {
        LadderSettings a = LadderSettings.defaults();
        assertThat(LadderSettings.with(Map.of("aggressive_multiplier", 1.5)).analysisFingerprint())
                .isEqualTo(a.analysisFingerprint());
        assertThat(LadderSettings.with(Map.of("trending_adx", 20.0)).analysisFingerprint())
                .isNotEqualTo(a.analysisFingerprint());
        assertThat(LadderSettings.with(Map.of("interval", "4h")).analysisFingerprint())
                .isNotEqualTo(a.analysisFingerprint());
    }
}
