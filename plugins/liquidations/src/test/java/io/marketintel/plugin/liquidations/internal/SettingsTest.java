package io.marketintel.plugin.liquidations.internal;

import static io.marketintel.plugin.liquidations.internal.HeatmapComputeTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The list keys the runtime can only check for size: parsed and cross-checked at use, errors naming the key. */
class SettingsTest {

    @Test
    void tiersAreSortedWithTheirWeightsAndWeightsNormalised() {
        LiquidationSettings s = settings(Map.of("leverage_tiers", List.of("50", "5x", " 20 "),
                "tier_weights", List.of("1", "2", "1")));
        assertThat(s.leverageTiers()).containsExactly(5, 20, 50);
        assertThat(s.tierWeights()).containsExactly(0.5, 0.25, 0.25);   // 2/4 for 5x, 1/4 for 20x and 50x
    }

    @ParameterizedTest(name = "leverage_tiers {0}")
    @CsvSource(delimiter = ';', value = {"5,abc,20;bad value [abc]", "0,10,20;bad value [0]", "5,10,126;bad value [126]",
            "5,2.5,20;bad value [2.5]", "5,10,10;lists leverage 10 twice"})
    void badTiersNameTheKey(String tiers, String problem) {
        List<String> list = List.of(tiers.split(","));
        List<String> weights = list.stream().map(x -> "1").toList();
        assertThatThrownBy(() -> settings(Map.of("leverage_tiers", list, "tier_weights", weights)))
                .isInstanceOf(IntelException.class)
                .hasMessageStartingWith("configuration key [plugins.liquidations.leverage_tiers] ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .satisfies(e -> assertThat(((IntelException) e).details()).containsEntry("keys", List.of("leverage_tiers")));
    }

    @Test
    void weightsMustMatchTheTiers() {
        assertThatThrownBy(() -> settings(Map.of("tier_weights", List.of("1", "2"))))
                .isInstanceOf(IntelException.class)
                .hasMessage("configuration key [plugins.liquidations.tier_weights] must give one weight per leverage"
                        + " tier: 2 weights [1,2] for 6 tiers [plugins.liquidations.leverage_tiers] [5,10,20,25,50,100]");
        assertThatThrownBy(() -> settings(Map.of("tier_weights", List.of("1", "2", "3", "4", "5", "-1"))))
                .hasMessageContaining("[plugins.liquidations.tier_weights] must list non-negative numbers")
                .hasMessageContaining("bad value [-1]");
        assertThatThrownBy(() -> settings(Map.of("tier_weights", List.of("0", "0", "0", "0", "0", "0"))))
                .hasMessageContaining("[plugins.liquidations.tier_weights] must not all be zero");
    }

    @Test
    void fingerprintChangesWithEveryModelSettingButNotTheTtl() {
        String base = LiquidationSettings.defaults().fingerprint();
        assertThat(settings(Map.of("cache_ttl_seconds", 5L)).fingerprint()).isEqualTo(base);
        assertThat(settings(Map.of("bucket_pct", 0.5)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("top_position_weight", 0.9)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("oi_period", "4h")).fingerprint()).isNotEqualTo(base);
    }

    /** An inconsistent configuration is refused when loaded (the runtime turns this into a config error). */
    @org.junit.jupiter.api.Test
    void inconsistentConfigurationIsRefusedAtLoadNamingTheKeys() {
        LiquidationsPlugin plugin = new LiquidationsPlugin();
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        plugin.descriptor().config().forEach(spec -> values.put(spec.name(), spec.defaultValue()));
        plugin.checkConfig(io.marketintel.api.Params.of(values));
        values.putAll(Map.of("tier_weights", java.util.List.of("1", "2")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plugin.checkConfig(io.marketintel.api.Params.of(values)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("tier_weights");
    }
}
