package io.marketintel.plugin.funding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Method;
import io.marketintel.api.Operation;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.ParamType;
import io.marketintel.api.PathParam;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.market.Period;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the runtime reads before the plugin ever runs: identity, config schema, operations, registration. */
class FundingDescriptorTest {

    private final FundingPlugin plugin = new FundingPlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("funding");
        assertThat(d.routePrefix()).isEqualTo("funding");
        assertThat(d.kind()).isEqualTo(PluginKind.ANALYZER);
        assertThat(d.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(d.apiVersion()).isEqualTo(PlatformApi.VERSION);
        assertThat(PlatformApi.isCompatible(d.apiVersion())).isTrue();
        assertThat(d.name()).isNotBlank();
        assertThat(d.description()).isNotBlank();
    }

    @Test
    void configKeysHaveDefaultsWithinTheirRangesAndDescriptions() {
        Map<String, ParamSpec> keys = d.config().stream().collect(Collectors.toMap(ParamSpec::name, Function.identity()));
        assertThat(keys).containsOnlyKeys("cache_ttl_seconds", "extreme_threshold_pct", "bullish_threshold_pct",
                "oi_period", "oi_points", "oi_trend_threshold_pct", "divergence_threshold_pts", "taker_ratio_threshold");
        for (ParamSpec s : d.config()) {
            assertThat(s.defaultValue()).as("default of %s", s.name()).isNotNull();
            assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
            if (s.type() == ParamType.INTEGER || s.type() == ParamType.DECIMAL) {
                double v = ((Number) s.defaultValue()).doubleValue();
                assertThat(s.min()).as("min of %s", s.name()).isNotNull();
                assertThat(s.max()).as("max of %s", s.name()).isNotNull();
                assertThat(v).as("default of %s", s.name()).isBetween(s.min(), s.max());
            }
        }
        assertThat(keys.get("cache_ttl_seconds").defaultValue()).isEqualTo(300L);   // the spec's 5 minutes
        assertThat(keys.get("extreme_threshold_pct").defaultValue()).isEqualTo(0.15);
        assertThat(keys.get("bullish_threshold_pct").defaultValue()).isEqualTo(0.05);
        assertThat(keys.get("oi_points").defaultValue()).isEqualTo(24L);
        ParamSpec period = keys.get("oi_period");
        assertThat(period.type()).isEqualTo(ParamType.ENUM);
        assertThat(period.defaultValue()).isEqualTo("1h");
        assertThat(period.allowed()).containsExactlyElementsOf(
                Arrays.stream(Period.values()).map(Period::code).toList());
    }

    @Test
    void defaultsAreConsistentAcrossKeys() {
        FundingSettings s = FundingSettings.defaults();
        assertThat(s.bullishThresholdPct()).isLessThan(s.extremeThresholdPct());
        assertThat(s.oiPeriod()).isEqualTo(Period.H1);
        assertThat(s.cacheTtl()).hasSeconds(300);
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name).containsExactly("sentiment", "arbitrage");
        Operation sentiment = ops.get(0);
        assertThat(sentiment.method()).isEqualTo(Method.GET);
        assertThat(sentiment.path()).isEqualTo("sentiment");
        assertThat(sentiment.pathParam()).isEqualTo(PathParam.SYMBOL);
        assertThat(sentiment.params()).isEmpty();
        assertThat(sentiment.mutating()).isFalse();

        Operation arbitrage = ops.get(1);
        assertThat(arbitrage.method()).isEqualTo(Method.GET);
        assertThat(arbitrage.pathParam()).isEqualTo(PathParam.NONE);
        assertThat(arbitrage.mutating()).isFalse();
        assertThat(arbitrage.params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue,
                        ParamSpec::min, ParamSpec::max)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("min_funding", ParamType.DECIMAL, 0.1, 0.0, 10.0),
                        org.assertj.core.api.Assertions.tuple("limit", ParamType.INTEGER, 50L, 1.0, 500.0));
    }

    @Test
    void registeredForTheClasspathInMetaInfServices() throws IOException {
        try (InputStream in = FundingPlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Analyzer")) {
            assertThat(in).as("META-INF/services/io.marketintel.api.Analyzer").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(FundingPlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        // Surefire patches the tests into the plugin's module, so this checks the real module descriptor.
        Module self = FundingDescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.funding");
        self.addUses(Analyzer.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Analyzer.class.getName());
            assertThat(p.providers()).containsExactly(FundingPlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(FundingPlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Analyzer.class).stream().map(ServiceLoader.Provider::type))
                .contains(FundingPlugin.class);
    }

    /** An inconsistent configuration is refused when loaded (the runtime turns this into a config error). */
    @org.junit.jupiter.api.Test
    void inconsistentConfigurationIsRefusedAtLoadNamingTheKeys() {
        FundingPlugin plugin = new FundingPlugin();
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        plugin.descriptor().config().forEach(spec -> values.put(spec.name(), spec.defaultValue()));
        plugin.checkConfig(io.marketintel.api.Params.of(values));
        values.putAll(Map.of("bullish_threshold_pct", 0.2, "extreme_threshold_pct", 0.15));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plugin.checkConfig(io.marketintel.api.Params.of(values)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("bullish_threshold_pct", "extreme_threshold_pct");
    }
}
