package io.marketintel.plugin.mtf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Params;
import io.marketintel.api.market.Interval;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cross-key rules the runtime cannot check, at use and when the configuration is loaded (checkConfig). */
class SettingsTest {

    private final MtfPlugin plugin = new MtfPlugin();

    static Params params(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(MtfSettings.defaultParams().asMap());
        values.putAll(overrides);
        return Params.of(values);
    }

    static MtfSettings settings(Map<String, ?> overrides) {
        return MtfSettings.from(params(overrides));
    }

    @Test
    void defaults() {
        MtfSettings s = MtfSettings.defaults();
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.timeframes()).containsExactly(Interval.M1, Interval.M5, Interval.M15, Interval.H1, Interval.H4,
                Interval.D1);
        assertThat(s.weights()).containsExactly(5.0, 10.0, 15.0, 25.0, 25.0, 20.0);
        assertThat(s.bars()).isEqualTo(499);
        assertThat(s.minBars()).isEqualTo(100);
        assertThat(s.periods()).isEqualTo(IndicatorPeriods.standard());
        assertThat(s.directionThreshold()).isEqualTo(25.0);
        assertThat(s.neutralBandAtr()).isEqualTo(0.1);
        assertThat(s.enterThreshold()).isEqualTo(70.0);
        assertThat(s.avoidThreshold()).isEqualTo(30.0);
        plugin.checkConfig(MtfSettings.defaultParams());
    }

    @Test
    void timeframesAreSortedShortestFirstWithTheirWeights() {
        MtfSettings s = settings(Map.of("timeframes", List.of("1d", " 30m ", "1h"), "weight_30m", 7.5));
        assertThat(s.timeframes()).containsExactly(Interval.M30, Interval.H1, Interval.D1);
        assertThat(s.weights()).containsExactly(7.5, 25.0, 20.0);
    }

    @ParameterizedTest(name = "timeframes {0}")
    @CsvSource(delimiter = ';', value = {"1m,2m;bad value [2m]", "1m,1H;bad value [1H]", "1m,1M;bad value [1M]",
            "1h,4h,1h;lists 1h twice"})
    void badTimeframesNameTheKey(String list, String problem) {
        assertThatThrownBy(() -> settings(Map.of("timeframes", List.of(list.split(",")))))
                .isInstanceOf(IntelException.class)
                .hasMessageStartingWith("configuration key [plugins.mtf.timeframes] ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .satisfies(e -> assertThat(((IntelException) e).details()).containsEntry("keys", List.of("timeframes")));
    }

    @Test
    void everyListedTimeframeNeedsAPositiveWeight() {
        // 30m defaults to weight 0: listing it without a weight is refused, naming both keys
        assertThatThrownBy(() -> settings(Map.of("timeframes", List.of("30m", "4h"))))
                .isInstanceOf(IntelException.class)
                .hasMessage("configuration key [plugins.mtf.weight_30m] must be positive because [plugins.mtf.timeframes]"
                        + " lists 30m, was 0")
                .satisfies(e -> assertThat(((IntelException) e).details())
                        .containsEntry("keys", List.of("weight_30m", "timeframes")));
        assertThatThrownBy(() -> settings(Map.of("weight_1h", 0.0)))
                .hasMessageContaining("[plugins.mtf.weight_1h] must be positive");
        // a zero weight of a timeframe that is not listed is fine
        assertThat(settings(Map.of("timeframes", List.of("4h", "1d"), "weight_1m", 0.0)).weights())
                .containsExactly(25.0, 20.0);
    }

    @Test
    void periodsMustBeOrdered() {
        assertThatThrownBy(() -> settings(Map.of("ema_fast", 50L)))
                .hasMessage("configuration of plugin [mtf] is inconsistent: [plugins.mtf.ema_fast] (50) <"
                        + " [plugins.mtf.ema_slow] (50) < [plugins.mtf.ema_long] (200) must hold");
        assertThatThrownBy(() -> settings(Map.of("ema_long", 40L)))
                .hasMessageContaining("[plugins.mtf.ema_long] (40)");
        assertThatThrownBy(() -> settings(Map.of("macd_fast", 30L)))
                .hasMessage("configuration of plugin [mtf] is inconsistent: [plugins.mtf.macd_fast] (30) must be below"
                        + " [plugins.mtf.macd_slow] (26)");
    }

    @Test
    void avoidMustBeBelowEnter() {
        assertThatThrownBy(() -> settings(Map.of("avoid_threshold", 70.0)))
                .isInstanceOf(IntelException.class)
                .hasMessage("configuration of plugin [mtf] is inconsistent: [plugins.mtf.avoid_threshold] (70) must be"
                        + " below [plugins.mtf.enter_threshold] (70)")
                .satisfies(e -> assertThat(((IntelException) e).details())
                        .containsEntry("keys", List.of("avoid_threshold", "enter_threshold")));
    }

    @Test
    void minBarsLiesBetweenTheWarmUpAndBars() {
        assertThatThrownBy(() -> settings(Map.of("min_bars", 600L)))
                .hasMessage("configuration of plugin [mtf] is inconsistent: [plugins.mtf.min_bars] (600) must not exceed"
                        + " [plugins.mtf.bars] (499)");
        assertThatThrownBy(() -> settings(Map.of("min_bars", 40L)))
                .hasMessage("configuration of plugin [mtf] is inconsistent: [plugins.mtf.min_bars] (40) must be at least"
                        + " the indicator warm-up 50 = max([ema_slow] 50, [rsi_period] + 1 = 15, [atr_period] + 1 = 15,"
                        + " 2 x [adx_period] = 28, [macd_slow] + [macd_signal] = 35)");
        // a slower ADX raises the warm-up to 2 x 40 = 80
        assertThatThrownBy(() -> settings(Map.of("adx_period", 40L, "min_bars", 79L)))
                .hasMessageContaining("warm-up 80");
        assertThat(settings(Map.of("adx_period", 40L, "min_bars", 80L)).minBars()).isEqualTo(80);
        assertThat(settings(Map.of("min_bars", 50L, "bars", 50L)).bars()).isEqualTo(50);
    }

    @Test
    void checkConfigRefusesAnInconsistentConfigurationNamingTheKeys() {
        for (Map<String, ?> bad : List.of(Map.of("timeframes", List.of("1m", "7m")),
                Map.of("timeframes", List.of("2h")), Map.of("avoid_threshold", 80.0),
                Map.of("min_bars", 10L), Map.of("ema_slow", 300L))) {
            String key = bad.containsKey("timeframes") && bad.get("timeframes").equals(List.of("2h")) ? "weight_2h"
                    : bad.keySet().iterator().next();
            assertThatThrownBy(() -> plugin.checkConfig(params(bad)))
                    .as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[plugins.mtf." + key + "]");
        }
    }

    @Test
    void fingerprintChangesWithEveryAnalysisSettingButNotTheTtl() {
        String base = MtfSettings.defaults().fingerprint();
        assertThat(settings(Map.of("cache_ttl_seconds", 5L)).fingerprint()).isEqualTo(base);
        assertThat(settings(Map.of("weight_4h", 30.0)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("weight_2h", 30.0)).fingerprint()).isEqualTo(base);      // 2h is not listed
        assertThat(settings(Map.of("timeframes", List.of("1h", "4h"))).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("bars", 300L)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("rsi_period", 21L)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("neutral_band_atr", 0.0)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("enter_threshold", 80.0)).fingerprint()).isNotEqualTo(base);
    }
}
