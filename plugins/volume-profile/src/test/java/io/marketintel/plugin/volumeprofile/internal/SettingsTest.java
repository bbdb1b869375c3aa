package io.marketintel.plugin.volumeprofile.internal;

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

/** The configuration: defaults, the cross-key rule (refused at load and at use), and the cache fingerprint. */
class SettingsTest {

    private static Params config(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(ProfileSettings.defaultParams().asMap());
        values.putAll(overrides);
        return Params.of(values);
    }

    private static ProfileSettings settings(Map<String, ?> overrides) {
        return ProfileSettings.from(config(overrides));
    }

    @Test
    void defaults() {
        ProfileSettings s = ProfileSettings.defaults();
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.binCount()).isEqualTo(50);
        assertThat(s.valueAreaPct()).isEqualTo(70.0);
        assertThat(s.hvnThresholdPct()).isEqualTo(150.0);
        assertThat(s.lvnThresholdPct()).isEqualTo(50.0);
        assertThat(s.defaultInterval()).isEqualTo(Interval.M5);
        assertThat(s.defaultLookback()).isEqualTo(200);
        assertThat(s.historicalMultiplier()).isEqualTo(5);
    }

    @Test
    void lvnThresholdMustBeBelowHvnThreshold() {
        assertThat(settings(Map.of("lvn_threshold_pct", 149.9)).lvnThresholdPct()).isEqualTo(149.9);
        for (double lvn : new double[] {150.0, 200.0}) {
            assertThatThrownBy(() -> settings(Map.of("lvn_threshold_pct", lvn)))
                    .isInstanceOf(IntelException.class)
                    .hasMessage("configuration of plugin [volume-profile] is inconsistent:"
                            + " [plugins.volume-profile.lvn_threshold_pct] (" + lvn + ") must be below"
                            + " [plugins.volume-profile.hvn_threshold_pct] (150.0)")
                    .satisfies(e -> assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                    .satisfies(e -> assertThat(((IntelException) e).details())
                            .containsEntry("keys", List.of("lvn_threshold_pct", "hvn_threshold_pct")));
        }
    }

    /** An inconsistent configuration is refused when loaded (the runtime turns this into a config error). */
    @Test
    void inconsistentConfigurationIsRefusedAtLoadNamingTheKeys() {
        VolumeProfilePlugin plugin = new VolumeProfilePlugin();
        plugin.checkConfig(ProfileSettings.defaultParams());
        assertThatThrownBy(() -> plugin.checkConfig(config(Map.of("hvn_threshold_pct", 40.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("[plugins.volume-profile.lvn_threshold_pct] (50.0)",
                        "[plugins.volume-profile.hvn_threshold_pct] (40.0)");
    }

    @Test
    void fingerprintChangesWithEveryProfileSettingButNotTheTtlOrCallDefaults() {
        String base = ProfileSettings.defaults().fingerprint();
        assertThat(settings(Map.of("cache_ttl_seconds", 5L)).fingerprint()).isEqualTo(base);
        assertThat(settings(Map.of("default_lookback", 500L)).fingerprint()).isEqualTo(base);   // part of the key itself
        assertThat(settings(Map.of("default_interval", "1h")).fingerprint()).isEqualTo(base);
        assertThat(settings(Map.of("bin_count", 80L)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("value_area_pct", 68.0)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("hvn_threshold_pct", 200.0)).fingerprint()).isNotEqualTo(base);
        assertThat(settings(Map.of("lvn_threshold_pct", 30.0)).fingerprint()).isNotEqualTo(base);
    }
}
