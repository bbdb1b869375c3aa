package io.marketintel.plugin.correlation.internal;

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
class CorrelationDescriptorTest {

    private final CorrelationPlugin plugin = new CorrelationPlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("correlation");
        assertThat(d.routePrefix()).isEqualTo("correlation");
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
        assertThat(keys).containsOnlyKeys("cache_ttl_seconds", "max_symbols", "lookback", "default_period",
                "return_type", "pairs_correlation_threshold", "hedge_correlation_threshold",
                "diversification_correlation_threshold", "zscore_threshold", "zscore_window", "min_observations",
                "max_opportunities", "max_concurrent_requests");
        for (ParamSpec s : d.config()) {
            assertThat(s.defaultValue()).as("default of %s", s.name()).isNotNull();
            assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
            if (s.type() == ParamType.INTEGER || s.type() == ParamType.DECIMAL) {
                assertThat(s.min()).as("min of %s", s.name()).isNotNull();
                assertThat(s.max()).as("max of %s", s.name()).isNotNull();
                assertThat(((Number) s.defaultValue()).doubleValue()).as("default of %s", s.name())
                        .isBetween(s.min(), s.max());
            }
        }
        assertThat(keys.get("cache_ttl_seconds").defaultValue()).isEqualTo(300L);       // the spec's 5 minutes
        assertThat(keys.get("max_symbols").defaultValue()).isEqualTo(100L);
        assertThat(keys.get("lookback")).extracting(ParamSpec::min, ParamSpec::max).containsExactly(10.0, 1500.0);
        assertThat(keys.get("pairs_correlation_threshold").defaultValue()).isEqualTo(0.7);
        assertThat(keys.get("hedge_correlation_threshold").defaultValue()).isEqualTo(0.7);
        assertThat(keys.get("diversification_correlation_threshold").defaultValue()).isEqualTo(-0.5);
        assertThat(keys.get("zscore_threshold").defaultValue()).isEqualTo(2.0);
        assertThat(keys.get("return_type").allowed()).containsExactly("simple", "log");
        assertThat(keys.get("return_type").defaultValue()).isEqualTo("simple");
        ParamSpec period = keys.get("default_period");
        assertThat(period.type()).isEqualTo(ParamType.ENUM);
        assertThat(period.defaultValue()).isEqualTo("1d");
        assertThat(period.allowed()).containsExactlyElementsOf(Arrays.stream(Interval.values()).map(Interval::code).toList());
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name, Operation::method, Operation::path, Operation::pathParam,
                Operation::mutating).containsExactly(
                        tuple("matrix", Method.POST, "matrix", PathParam.NONE, false),
                        tuple("hedge", Method.GET, "hedge", PathParam.SYMBOL, false),
                        tuple("pairs-signal", Method.GET, "pairs-signal", PathParam.NONE, false));
        assertThat(ops).allSatisfy(o -> assertThat(o.description()).isNotBlank());

        assertThat(ops.get(0).params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::required,
                ParamSpec::defaultValue, ParamSpec::min, ParamSpec::max).containsExactly(
                        tuple("symbols", ParamType.SYMBOL_LIST, true, null, 2.0, 500.0),
                        tuple("period", ParamType.ENUM, false, null, null, null),
                        tuple("lookback", ParamType.INTEGER, false, null, 10.0, 1500.0));
        assertThat(ops.get(0).params().get(1).allowed()).contains("1m", "1h", "4h", "1d", "1w");
        assertThat(ops.get(1).params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::required)
                .containsExactly(tuple("candidates", ParamType.SYMBOL_LIST, true), tuple("period", ParamType.ENUM, false),
                        tuple("lookback", ParamType.INTEGER, false));
        assertThat(ops.get(2).params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::required)
                .containsExactly(tuple("pair1", ParamType.SYMBOL, true), tuple("pair2", ParamType.SYMBOL, true),
                        tuple("period", ParamType.ENUM, false), tuple("lookback", ParamType.INTEGER, false));
        assertThat(ops).allSatisfy(o -> assertThat(o.params()).allSatisfy(p ->
                assertThat(p.description()).as("description of %s.%s", o.name(), p.name()).isNotBlank()));
    }

    @Test
    void registeredForTheClasspathInMetaInfServices() throws IOException {
        try (InputStream in = CorrelationPlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Analyzer")) {
            assertThat(in).as("META-INF/services/io.marketintel.api.Analyzer").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(CorrelationPlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        // Surefire patches the tests into the plugin's module, so this checks the real module descriptor.
        Module self = CorrelationDescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.correlation");
        self.addUses(Analyzer.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Analyzer.class.getName());
            assertThat(p.providers()).containsExactly(CorrelationPlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().requires()).extracting(java.lang.module.ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.marketintel.api");
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(CorrelationPlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Analyzer.class).stream().map(ServiceLoader.Provider::type))
                .contains(CorrelationPlugin.class);
    }
}
