package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.Executor;
import io.marketintel.api.Method;
import io.marketintel.api.Operation;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.ParamType;
import io.marketintel.api.Params;
import io.marketintel.api.PathParam;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the runtime reads before the plugin ever runs: identity, config schema, operations, registration. */
class OrderRoutingDescriptorTest {

    private final OrderRoutingPlugin plugin = new OrderRoutingPlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("order-routing");
        assertThat(d.routePrefix()).isEqualTo("order-routing");
        assertThat(d.kind()).isEqualTo(PluginKind.EXECUTOR);
        assertThat(d.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(d.apiVersion()).isEqualTo(PlatformApi.VERSION);
        assertThat(d.name()).isEqualTo("Smart Order Routing");
        assertThat(d.description()).isNotBlank();
    }

    @Test
    void configKeysHaveDefaultsWithinTheirRangesAndDescriptions() {
        Map<String, ParamSpec> keys = d.config().stream().collect(Collectors.toMap(ParamSpec::name, Function.identity()));
        assertThat(keys.values()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::defaultValue, ParamSpec::min,
                ParamSpec::max).containsExactlyInAnyOrder(
                tuple("default_duration_seconds", ParamType.INTEGER, 300L, 1.0, 86_400.0),
                tuple("min_slices", ParamType.INTEGER, 2L, 1.0, 1000.0),
                tuple("max_slices", ParamType.INTEGER, 50L, 1.0, 1000.0),
                tuple("twap_slice_interval_seconds", ParamType.INTEGER, 30L, 1.0, 3600.0),
                tuple("twap_randomisation_pct", ParamType.DECIMAL, 10.0, 0.0, 45.0),
                tuple("iceberg_visible_fraction", ParamType.DECIMAL, 0.1, 0.001, 1.0),
                tuple("poll_interval_ms", ParamType.INTEGER, 2000L, 100.0, 60_000.0),
                tuple("adaptive_spread_bps", ParamType.DECIMAL, 5.0, 0.0, 10_000.0),
                tuple("adaptive_impact_bps", ParamType.DECIMAL, 10.0, 0.0, 10_000.0),
                tuple("adaptive_volatility_bps", ParamType.DECIMAL, 15.0, 0.0, 10_000.0),
                tuple("depth_band_pct", ParamType.DECIMAL, 0.5, 0.01, 50.0),
                tuple("volatility_lookback", ParamType.INTEGER, 60L, 5.0, 1000.0),
                tuple("book_limit", ParamType.ENUM, "500", null, null),
                tuple("on_restart", ParamType.ENUM, "STOP", null, null),
                tuple("max_concurrent_executions", ParamType.INTEGER, 5L, 1.0, 100.0),
                tuple("history_retention_days", ParamType.INTEGER, 30L, 1.0, 3650.0));
        assertThat(keys.get("on_restart").allowed()).containsExactly("RESUME", "STOP");
        assertThat(keys.get("book_limit").allowed()).containsExactly("5", "10", "20", "50", "100", "500", "1000");
        for (ParamSpec s : d.config()) {
            assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
        }
        assertThat(RoutingSettings.defaults().onRestart()).as("safety first: a restart stops").isEqualTo(OnRestart.STOP);
    }

    @Test
    void minSlicesAboveMaxSlicesIsRejectedNamingBoth() {
        Map<String, Object> values = new LinkedHashMap<>(RoutingSettings.defaultParams().asMap());
        values.put("min_slices", 20L);
        values.put("max_slices", 10L);
        assertThatThrownBy(() -> plugin.checkConfig(Params.of(values)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration of plugin [order-routing] is inconsistent: [plugins.order-routing.min_slices]"
                        + " (20) must be at most [plugins.order-routing.max_slices] (10)");
        plugin.checkConfig(RoutingSettings.defaultParams());
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name, Operation::method, Operation::path, Operation::pathParam,
                Operation::mutating).containsExactly(
                tuple("execute", Method.POST, "execute", PathParam.NONE, true),
                tuple("recommend", Method.GET, "recommend", PathParam.SYMBOL, false),
                tuple("executions", Method.GET, "executions", PathParam.NONE, false),
                tuple("execution", Method.GET, "executions", PathParam.ID, false),
                tuple("cancel-execution", Method.DELETE, "executions", PathParam.ID, true));
        Map<String, ParamSpec> execute = ops.get(0).params().stream()
                .collect(Collectors.toMap(ParamSpec::name, Function.identity()));
        assertThat(execute.keySet()).containsExactlyInAnyOrder("symbol", "side", "quantity", "algorithm",
                "duration_seconds", "urgency", "dry_run", "num_slices", "limit_price", "seed");
        assertThat(execute.get("dry_run").defaultValue()).as("dry run is the default").isEqualTo(true);
        assertThat(execute.get("algorithm").allowed()).containsExactly("TWAP", "ICEBERG", "ADAPTIVE", "MARKET", "LIMIT");
        assertThat(execute.get("urgency").allowed()).containsExactly("LOW", "NORMAL", "HIGH");
        assertThat(execute.get("side").allowed()).containsExactly("BUY", "SELL");
        assertThat(List.of("symbol", "side", "quantity")).allMatch(n -> execute.get(n).required());
        for (Operation op : ops) {
            assertThat(op.description()).isNotBlank();
        }
    }

    @Test
    void registeredForTheClassPathInMetaInfServices() throws IOException {
        try (InputStream in = OrderRoutingPlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Executor")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(OrderRoutingPlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePluginInItsModule() {
        Module self = OrderRoutingDescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.orderrouting");
        self.addUses(Executor.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Executor.class.getName());
            assertThat(p.providers()).containsExactly(OrderRoutingPlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.marketintel.api");
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(OrderRoutingPlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Executor.class).stream().map(ServiceLoader.Provider::type))
                .contains(OrderRoutingPlugin.class);
    }
}
