package io.marketintel.plugin.orderbook.internal;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the runtime reads before the plugin ever runs: identity, config schema, operations, registration. */
class DescriptorTest {

    private final OrderBookPlugin plugin = new OrderBookPlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("orderbook");
        assertThat(d.routePrefix()).isEqualTo("orderbook");
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
        assertThat(keys).containsOnlyKeys("cache_ttl_seconds", "depth_limit", "wall_multiplier", "max_walls",
                "imbalance_band_pct", "dominant_threshold_pct", "spoof_distance_pct", "spoof_min_multiple",
                "spoof_min_snapshots", "spoof_min_approach", "history_size",
                "history_max_age_seconds", "cluster_tolerance_pct", "depth_reference_notional");
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
        assertThat(keys.get("cache_ttl_seconds").defaultValue()).isEqualTo(10L);     // the spec's order-book TTL
        assertThat(keys.get("wall_multiplier").defaultValue()).isEqualTo(3.0);       // the spec's "3x average"
        assertThat(keys.get("imbalance_band_pct").defaultValue()).isEqualTo(0.5);
        assertThat(keys.get("dominant_threshold_pct").defaultValue()).isEqualTo(10.0);
        assertThat(keys.get("spoof_min_snapshots")).satisfies(k -> {
            assertThat(k.type()).isEqualTo(ParamType.INTEGER);
            assertThat(k.defaultValue()).isEqualTo(2L);                             // stood at least two snapshots
            assertThat(k.min()).isEqualTo(2.0);                                     // a wall seen once is never evidence
            assertThat(k.max()).isEqualTo(100.0);
        });
        assertThat(keys.get("spoof_min_approach")).satisfies(k -> {
            assertThat(k.type()).isEqualTo(ParamType.DECIMAL);
            assertThat(k.defaultValue()).isEqualTo(0.5);                            // the price came half-way
            assertThat(k.min()).isEqualTo(0.0);
            assertThat(k.max()).isEqualTo(1.0);
        });
        ParamSpec depth = keys.get("depth_limit");
        assertThat(depth.type()).isEqualTo(ParamType.ENUM);
        assertThat(depth.defaultValue()).isEqualTo("500");                         // the spec's "up to 500 levels"
        assertThat(depth.allowed()).containsExactly("5", "10", "20", "50", "100", "500", "1000");
    }

    @Test
    void defaults() {
        OrderBookSettings s = OrderBookSettings.defaults();
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.depthLimit()).isEqualTo(500);
        assertThat(s.historySize()).isEqualTo(10);
        assertThat(s.historyMaxAge()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.spoofDistancePct()).isEqualTo(1.0);
        assertThat(s.spoofMinMultiple()).isEqualTo(10.0);
        assertThat(s.spoofMinSnapshots()).isEqualTo(2);
        assertThat(s.spoofMinApproach()).isEqualTo(0.5);
        assertThat(s.clusterTolerancePct()).isEqualTo(0.02);
        assertThat(s.maxWalls()).isEqualTo(10);
        assertThat(s.depthReferenceNotional()).isEqualTo(10_000_000.0);
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name).containsExactly("analysis", "levels");
        Operation analysis = ops.get(0);
        assertThat(analysis.method()).isEqualTo(Method.GET);
        assertThat(analysis.path()).isEqualTo("analysis");
        assertThat(analysis.pathParam()).isEqualTo(PathParam.SYMBOL);
        assertThat(analysis.params()).isEmpty();
        assertThat(analysis.mutating()).isFalse();
        assertThat(analysis.description()).isNotBlank();

        Operation levels = ops.get(1);
        assertThat(levels.method()).isEqualTo(Method.GET);
        assertThat(levels.path()).isEqualTo("levels");
        assertThat(levels.pathParam()).isEqualTo(PathParam.SYMBOL);
        assertThat(levels.mutating()).isFalse();
        assertThat(levels.params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue,
                        ParamSpec::min, ParamSpec::max)
                .containsExactly(tuple("num_levels", ParamType.INTEGER, 5L, 1.0, 50.0));
    }

    @Test
    void registeredForTheClasspathInMetaInfServices() throws IOException {
        try (InputStream in = OrderBookPlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Analyzer")) {
            assertThat(in).as("META-INF/services/io.marketintel.api.Analyzer").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(OrderBookPlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        // Surefire patches the tests into the plugin's module, so this checks the real module descriptor.
        Module self = DescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.orderbook");
        self.addUses(Analyzer.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Analyzer.class.getName());
            assertThat(p.providers()).containsExactly(OrderBookPlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(OrderBookPlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Analyzer.class).stream().map(ServiceLoader.Provider::type))
                .contains(OrderBookPlugin.class);
    }
}
