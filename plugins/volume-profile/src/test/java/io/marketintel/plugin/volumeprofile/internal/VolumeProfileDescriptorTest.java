package io.marketintel.plugin.volumeprofile.internal;

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
import io.marketintel.api.market.Interval;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
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
class VolumeProfileDescriptorTest {

    private static final List<String> CODES = Arrays.stream(Interval.values()).map(Interval::code).toList();

    private final VolumeProfilePlugin plugin = new VolumeProfilePlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("volume-profile");
        assertThat(d.routePrefix()).isEqualTo("volume-profile");
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
        assertThat(keys).containsOnlyKeys("cache_ttl_seconds", "bin_count", "value_area_pct", "hvn_threshold_pct",
                "lvn_threshold_pct", "default_interval", "default_lookback", "historical_multiplier");
        for (ParamSpec s : d.config()) {
            assertThat(s.defaultValue()).as("default of %s", s.name()).isNotNull();
            assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
            if (s.type() != ParamType.ENUM) {
                assertThat(((Number) s.defaultValue()).doubleValue()).as("default of %s", s.name())
                        .isBetween(s.min(), s.max());
            }
        }
        assertThat(keys.values()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue, ParamSpec::min,
                ParamSpec::max).containsExactlyInAnyOrder(
                tuple("cache_ttl_seconds", ParamType.INTEGER, 60L, 1.0, 3600.0),      // the spec's 1 minute
                tuple("bin_count", ParamType.INTEGER, 50L, 10.0, 500.0),
                tuple("value_area_pct", ParamType.DECIMAL, 70.0, 10.0, 99.0),
                tuple("hvn_threshold_pct", ParamType.DECIMAL, 150.0, 1.0, 1000.0),
                tuple("lvn_threshold_pct", ParamType.DECIMAL, 50.0, 0.0, 999.0),
                tuple("default_interval", ParamType.ENUM, "5m", null, null),
                tuple("default_lookback", ParamType.INTEGER, 200L, 10.0, 1500.0),
                tuple("historical_multiplier", ParamType.INTEGER, 5L, 2.0, 10.0));
        assertThat(keys.get("default_interval").allowed()).containsExactlyElementsOf(CODES);
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name).containsExactly("analysis", "levels", "compare");
        for (Operation op : ops) {
            assertThat(op.method()).isEqualTo(Method.GET);
            assertThat(op.path()).isEqualTo(op.name());
            assertThat(op.pathParam()).isEqualTo(PathParam.SYMBOL);
            assertThat(op.mutating()).isFalse();
            assertThat(op.description()).isNotBlank();
            // interval and lookback are optional: absent, the configured defaults apply (so they have no declared one)
            ParamSpec interval = op.params().get(0);
            assertThat(interval.name()).isEqualTo("interval");
            assertThat(interval.type()).isEqualTo(ParamType.ENUM);
            assertThat(interval.allowed()).containsExactlyElementsOf(CODES);
            assertThat(interval.defaultValue()).isNull();
            assertThat(interval.required()).isFalse();
            assertThat(interval.description()).contains("default_interval").contains("5m");
            ParamSpec lookback = op.params().get(1);
            assertThat(lookback).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue, ParamSpec::min,
                    ParamSpec::max, ParamSpec::required).containsExactly("lookback", ParamType.INTEGER, null, 10.0, 1500.0,
                    false);
            assertThat(lookback.description()).contains("default_lookback").contains("200");
        }
        assertThat(ops.get(0).params()).hasSize(2);
        assertThat(ops.get(1).params().get(2)).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue,
                ParamSpec::min, ParamSpec::max).containsExactly("num_levels", ParamType.INTEGER, 5L, 1.0, 50.0);
        assertThat(ops.get(2).params().get(2)).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue,
                ParamSpec::min, ParamSpec::max).containsExactly("historical_multiplier", ParamType.INTEGER, null, 2.0, 10.0);
    }

    @Test
    void registeredForTheClasspathInMetaInfServices() throws IOException {
        try (InputStream in = VolumeProfilePlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Analyzer")) {
            assertThat(in).as("META-INF/services/io.marketintel.api.Analyzer").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(VolumeProfilePlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        // Surefire patches the tests into the plugin's module, so this checks the real module descriptor.
        Module self = VolumeProfileDescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.volumeprofile");
        self.addUses(Analyzer.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Analyzer.class.getName());
            assertThat(p.providers()).containsExactly(VolumeProfilePlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.marketintel.api");
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(VolumeProfilePlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Analyzer.class).stream().map(ServiceLoader.Provider::type))
                .contains(VolumeProfilePlugin.class);
    }
}
