package io.marketintel.plugin.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.Executor;
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
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What the runtime reads before the plugin ever runs: identity, config schema, operations, registration. */
class RiskDescriptorTest {

    private final RiskPlugin plugin = new RiskPlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("risk");
        assertThat(d.routePrefix()).isEqualTo("risk");
        assertThat(d.kind()).isEqualTo(PluginKind.EXECUTOR);
        assertThat(d.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(d.apiVersion()).isEqualTo(PlatformApi.VERSION);
        assertThat(d.name()).isNotBlank();
        assertThat(d.description()).isNotBlank();
    }

    @Test
    void configKeysHaveDefaultsWithinTheirRangesAndDescriptions() {
        assertThat(d.config()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::min, ParamSpec::max)
                .containsExactly(
                        tuple("cache_ttl_seconds", ParamType.INTEGER, 1.0, 3600.0),
                        tuple("max_portfolio_heat", ParamType.DECIMAL, 0.0, 100.0),
                        tuple("max_position_risk", ParamType.DECIMAL, 0.0, 100.0),
                        tuple("close_position_risk", ParamType.DECIMAL, 0.0, 100.0),
                        tuple("max_sector_concentration_pct", ParamType.DECIMAL, 1.0, 100.0),
                        tuple("max_avg_leverage", ParamType.DECIMAL, 1.0, 125.0),
                        tuple("reduce_pct", ParamType.INTEGER, 1.0, 99.0),
                        tuple("hedge_fraction_pct", ParamType.INTEGER, 1.0, 100.0),
                        tuple("sectors", ParamType.STRING_MAP, null, null),
                        tuple("correlation_period", ParamType.ENUM, null, null),
                        tuple("correlation_lookback", ParamType.INTEGER, 10.0, 1500.0),
                        tuple("min_observations", ParamType.INTEGER, 3.0, 1499.0),
                        tuple("hedge_candidates", ParamType.STRING_LIST, 1.0, 100.0),
                        tuple("hedge_timeout_seconds", ParamType.INTEGER, 1.0, 60.0));
        for (ParamSpec s : d.config()) {
            assertThat(s.defaultValue()).as("default of %s", s.name()).isNotNull();
            assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
        }
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name, Operation::method, Operation::path, Operation::pathParam,
                        Operation::mutating)
                .containsExactly(tuple("portfolio-heat", Method.GET, "portfolio-heat", PathParam.NONE, false),
                        tuple("auto-rebalance", Method.POST, "auto-rebalance", PathParam.NONE, true));
        assertThat(ops.get(0).params()).isEmpty();
        assertThat(ops.get(1).params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue,
                        ParamSpec::required)
                .containsExactly(tuple("dry_run", ParamType.BOOLEAN, true, false),
                        tuple("request_id", ParamType.STRING, null, false));
        ops.forEach(op -> assertThat(op.description()).isNotBlank());
    }

    @Test
    void registeredForTheClasspathInMetaInfServices() throws IOException {
        try (InputStream in = RiskPlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Executor")) {
            assertThat(in).as("META-INF/services/io.marketintel.api.Executor").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(RiskPlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        // Surefire patches the tests into the plugin's module, so this checks the real module descriptor.
        Module self = RiskDescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.risk");
        self.addUses(Executor.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Executor.class.getName());
            assertThat(p.providers()).containsExactly(RiskPlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.marketintel.api");
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(RiskPlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Executor.class).stream().map(ServiceLoader.Provider::type))
                .contains(RiskPlugin.class);
    }
}
