package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.params;
import static io.marketintel.plugin.correlation.internal.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Interval;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration: defaults, the cross-key rules checkConfig enforces, and the cache fingerprint. */
class SettingsTest {

    private final CorrelationPlugin plugin = new CorrelationPlugin();

    @Test
    void defaults() {
        CorrelationSettings s = CorrelationSettings.defaults();
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.maxSymbols()).isEqualTo(100);
        assertThat(s.lookback()).isEqualTo(100);
        assertThat(s.defaultPeriod()).isEqualTo(Interval.D1);
        assertThat(s.returnType()).isEqualTo(ReturnType.SIMPLE);
        assertThat(s.pairsCorrelationThreshold()).isEqualTo(0.7);
        assertThat(s.hedgeCorrelationThreshold()).isEqualTo(0.7);
        assertThat(s.diversificationThreshold()).isEqualTo(-0.5);
        assertThat(s.zscoreThreshold()).isEqualTo(2.0);
        assertThat(s.zscoreWindow()).isEqualTo(30);
        assertThat(s.minObservations()).isEqualTo(20);
        plugin.checkConfig(CorrelationSettings.defaultParams());
    }

    @Test
    void zscoreWindowMustFitTheLookback() {
        plugin.checkConfig(params(Map.of("lookback", 31L)));                        // 30 returns: window 30 fits
        assertThatThrownBy(() -> plugin.checkConfig(params(Map.of("lookback", 30L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration of plugin [correlation] is inconsistent: [plugins.correlation.zscore_window]"
                        + " (30) must be at most [plugins.correlation.lookback] (30) minus 1 (lookback candles give at"
                        + " most lookback - 1 returns)");
    }

    @Test
    void minObservationsMustFitTheLookback() {
        assertThatThrownBy(() -> settings(Map.of("lookback", 50L, "min_observations", 50L)))
                .isInstanceOf(IntelException.class)
                .hasMessageContaining("[plugins.correlation.min_observations] (50) must be at most"
                        + " [plugins.correlation.lookback] (50)")
                .satisfies(e -> assertThat(((IntelException) e).code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .satisfies(e -> assertThat(((IntelException) e).details())
                        .containsEntry("keys", List.of("min_observations", "lookback")));
        assertThatThrownBy(() -> plugin.checkConfig(params(Map.of("lookback", 50L, "min_observations", 50L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min_observations");
    }

    @Test
    void logReturnsAndOtherPeriods() {
        CorrelationSettings s = settings(Map.of("return_type", "log", "default_period", "4h"));
        assertThat(s.returnType()).isEqualTo(ReturnType.LOG);
        assertThat(s.defaultPeriod()).isEqualTo(Interval.H4);
    }

    @Test
    void fingerprintChangesWithEverySettingAnAnswerDependsOnButNotTheTtl() {
        String base = CorrelationSettings.defaults().fingerprint();
        assertThat(settings(Map.of("cache_ttl_seconds", 5L)).fingerprint()).isEqualTo(base);
        assertThat(settings(Map.of("max_concurrent_requests", 1L)).fingerprint()).isEqualTo(base);
        for (Map<String, ?> change : List.of(Map.of("lookback", 200L), Map.of("default_period", "1h"),
                Map.of("return_type", "log"), Map.of("pairs_correlation_threshold", 0.8),
                Map.of("hedge_correlation_threshold", 0.8), Map.of("diversification_correlation_threshold", -0.4),
                Map.of("zscore_threshold", 2.5), Map.of("zscore_window", 20L), Map.of("min_observations", 30L),
                Map.of("max_opportunities", 10L))) {
            assertThat(settings(change).fingerprint()).as("%s", change).isNotEqualTo(base);
        }
    }
}
