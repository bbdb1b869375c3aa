package io.marketintel.plugin.meta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.Method;
import io.marketintel.api.Operation;
import io.marketintel.api.Params;
import io.marketintel.api.PathParam;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Descriptors, operations and configuration rules of both plugins. */
class DescriptorTest {

    @Test
    void completeAnalysisDescriptorAndRootOperation() {
        CompleteAnalysisPlugin p = new CompleteAnalysisPlugin();
        assertThat(p.descriptor().id()).isEqualTo("complete-analysis");
        assertThat(p.descriptor().routePrefix()).isEqualTo("complete-analysis");
        assertThat(p.descriptor().kind()).isEqualTo(PluginKind.ANALYZER);
        assertThat(p.descriptor().apiVersion()).isEqualTo(PlatformApi.VERSION);
        Operation op = p.operations().get(0);
        assertThat(p.operations()).hasSize(1);
        assertThat(op.name()).isEqualTo("complete");
        assertThat(op.path()).isEmpty();
        assertThat(op.pathParam()).isEqualTo(PathParam.SYMBOL);
        assertThat(op.method()).isEqualTo(Method.GET);
        assertThat(op.mutating()).isFalse();
        assertThat(p.descriptor().config()).extracting(s -> s.name()).containsExactly("funding_deadline_ms",
                "orderbook_deadline_ms", "liquidations_deadline_ms", "mtf_deadline_ms", "volume_profile_deadline_ms",
                "cache_ttl_seconds");
    }

    @Test
    void metaDescriptorAndOperations() {
        MetaPlugin p = new MetaPlugin();
        assertThat(p.descriptor().id()).isEqualTo("meta");
        assertThat(p.descriptor().routePrefix()).isEqualTo("meta");
        assertThat(p.operations()).extracting(o -> o.method() + " " + o.path() + " " + o.pathParam() + " "
                + (o.mutating() ? "token" : "open")).containsExactly(
                "POST analyze-and-recommend NONE open",
                "POST outcomes NONE token",
                "GET best-strategies NONE open",
                "GET recommendation ID open",
                "POST label-pending NONE token");
        Operation analyze = p.operations().get(0);
        assertThat(analyze.params()).extracting(s -> s.name() + ":" + s.type()).containsExactly("symbol:SYMBOL",
                "include_funding:BOOLEAN", "include_orderbook:BOOLEAN", "include_liquidations:BOOLEAN",
                "include_mtf:BOOLEAN", "include_volume_profile:BOOLEAN", "market_data:OBJECT",
                "portfolio_state:OBJECT");
        assertThat(analyze.params().get(1).defaultValue()).isEqualTo(true);
        assertThat(p.operations().get(2).params().get(0).allowed()).containsExactly("strong_uptrend", "mild_uptrend",
                "ranging", "mild_downtrend", "strong_downtrend", "high_volatility", "low_volatility");
    }

    @Test
    void defaultsAreConsistent() {
        MetaSettings s = MetaSettings.defaults();
        assertThat(s.horizonBars()).isEqualTo(24);
        assertThat(s.minSamples()).isEqualTo(20);
        assertThat(s.switchProbability()).isEqualTo(0.95);
        new MetaPlugin().checkConfig(MetaSettings.defaultParams());
        new CompleteAnalysisPlugin().checkConfig(CompleteSettings.defaultParams());
    }

    private static Params meta(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(MetaSettings.defaultParams().asMap());
        values.putAll(overrides);
        return Params.of(values);
    }

    @Test
    void crossKeyRulesNameBothKeys() {
        MetaPlugin p = new MetaPlugin();
        assertThatThrownBy(() -> p.checkConfig(meta(Map.of(MetaSettings.LOW_VOLATILITY_ATR_PCT, 1.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration of plugin [meta] is inconsistent: [plugins.meta.low_volatility_atr_pct] (1.5)"
                        + " must be below [plugins.meta.high_volatility_atr_pct] (1.5)");
        assertThatThrownBy(() -> p.checkConfig(meta(Map.of(MetaSettings.MILD_CONFLUENCE, 80.0))))
                .hasMessageContainingAll("[plugins.meta.mild_confluence] (80.0)", "[plugins.meta.strong_confluence]");
        assertThatThrownBy(() -> p.checkConfig(meta(Map.of(MetaSettings.HORIZON_MINUTES, 1450L))))
                .hasMessageContainingAll("[plugins.meta.horizon_minutes] (1450)", "[plugins.meta.label_interval] (1h)",
                        "6 .. 1500");
        assertThatThrownBy(() -> p.checkConfig(meta(Map.of(MetaSettings.HORIZON_MINUTES, 300L))))
                .hasMessageContaining("was 5.0");
        p.checkConfig(meta(Map.of(MetaSettings.HORIZON_MINUTES, 360L)));
        p.checkConfig(meta(Map.of(MetaSettings.HORIZON_MINUTES, 30L, MetaSettings.LABEL_INTERVAL, "5m")));
    }

    @Test
    void labellingTimes() {
        long t0 = Fixtures.T0;
        assertThat(Labeller.horizonStart(t0, io.marketintel.api.market.Interval.H1)).isEqualTo(t0);
        assertThat(Labeller.horizonStart(t0 + 1, io.marketintel.api.market.Interval.H1)).isEqualTo(t0 + Fixtures.H1);
        assertThat(Labeller.dueAt(t0 + 1, io.marketintel.api.market.Interval.H1, 24)).isEqualTo(t0 + 25 * Fixtures.H1);
        assertThat(List.of(Section.values())).extracting(Section::key).containsExactlyElementsOf(Section.KEYS);
    }
}
