package io.marketintel.plugin.liquidations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the runtime reads before the plugin ever runs: identity, config schema, operations, registration. */
class LiquidationsDescriptorTest {

    private final LiquidationsPlugin plugin = new LiquidationsPlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("liquidations");
        assertThat(d.routePrefix()).isEqualTo("liquidations");
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
        assertThat(keys).containsOnlyKeys("cache_ttl_seconds", "leverage_tiers", "tier_weights", "oi_period",
                "oi_points", "decay_half_life_hours", "bucket_pct", "cluster_tolerance_pct", "cluster_min_density",
                "cascade_window_pct", "top_position_weight", "position_notional", "max_zones_per_side");
        for (ParamSpec s : d.config()) {
            assertThat(s.defaultValue()).as("default of %s", s.name()).isNotNull();
            assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
            if (s.type() != ParamType.ENUM) {
                assertThat(s.min()).as("min of %s", s.name()).isNotNull();
                assertThat(s.max()).as("max of %s", s.name()).isNotNull();
            }
            if (s.type() == ParamType.INTEGER || s.type() == ParamType.DECIMAL) {
                assertThat(((Number) s.defaultValue()).doubleValue()).as("default of %s", s.name())
                        .isBetween(s.min(), s.max());
            }
        }
        assertThat(keys.get("cache_ttl_seconds").defaultValue()).isEqualTo(60L);    // the spec's 1 minute
        assertThat(keys.get("leverage_tiers").type()).isEqualTo(ParamType.STRING_LIST);
        assertThat(keys.get("leverage_tiers").defaultValue()).isEqualTo(List.of("5", "10", "20", "25", "50", "100"));
        assertThat(keys.get("tier_weights").defaultValue()).isEqualTo(List.of("15", "25", "25", "15", "12", "8"));
        ParamSpec period = keys.get("oi_period");
        assertThat(period.type()).isEqualTo(ParamType.ENUM);
        assertThat(period.defaultValue()).isEqualTo("1h");
        assertThat(period.allowed()).containsExactlyElementsOf(Arrays.stream(Period.values()).map(Period::code).toList());
    }

    @Test
    void defaultsParseIntoConsistentSettings() {
        LiquidationSettings s = LiquidationSettings.defaults();
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.leverageTiers()).containsExactly(5, 10, 20, 25, 50, 100);
        assertThat(s.tierWeights()).containsExactly(0.15, 0.25, 0.25, 0.15, 0.12, 0.08);
        assertThat(s.oiPeriod()).isEqualTo(Period.H1);
        assertThat(s.oiPoints()).isEqualTo(48);
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name).containsExactly("heatmap", "levels");
        for (Operation op : ops) {
            assertThat(op.method()).isEqualTo(Method.GET);
            assertThat(op.pathParam()).isEqualTo(PathParam.SYMBOL);
            assertThat(op.mutating()).isFalse();
            assertThat(op.description()).isNotBlank();
        }
        assertThat(ops.get(0).path()).isEqualTo("heatmap");
        assertThat(ops.get(0).params()).isEmpty();
        assertThat(ops.get(1).path()).isEqualTo("levels");
        assertThat(ops.get(1).params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue,
                ParamSpec::min, ParamSpec::max).containsExactly(tuple("num_levels", ParamType.INTEGER, 5L, 1.0, 50.0));
    }

    @Test
    void registeredForTheClasspathInMetaInfServices() throws IOException {
        try (InputStream in = LiquidationsPlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Analyzer")) {
            assertThat(in).as("META-INF/services/io.marketintel.api.Analyzer").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(LiquidationsPlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        // Surefire patches the tests into the plugin's module, so this checks the real module descriptor.
        Module self = LiquidationsDescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.liquidations");
        self.addUses(Analyzer.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Analyzer.class.getName());
            assertThat(p.providers()).containsExactly(LiquidationsPlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(LiquidationsPlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Analyzer.class).stream().map(ServiceLoader.Provider::type))
                .contains(LiquidationsPlugin.class);
    }
}
