package io.marketintel.plugin.tpladder.internal;

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
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the runtime reads before the plugin ever runs: identity, config schema, operations, registration. */
class TpLadderDescriptorTest {

    private final TpLadderPlugin plugin = new TpLadderPlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("tp-ladder");
        assertThat(d.routePrefix()).isEqualTo("tp-ladder");
        assertThat(d.kind()).isEqualTo(PluginKind.EXECUTOR);
        assertThat(plugin).isInstanceOf(Executor.class);
        assertThat(d.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(d.apiVersion()).isEqualTo(PlatformApi.VERSION);
        assertThat(d.name()).isNotBlank();
        assertThat(d.description()).isNotBlank();
    }

    @Test
    void configKeysHaveDefaultsWithinTheirRangesAndDescriptions() {
        Map<String, ParamSpec> keys = d.config().stream().collect(Collectors.toMap(ParamSpec::name, Function.identity()));
        assertThat(keys).containsOnlyKeys("cache_ttl_seconds", "interval", "bars", "atr_period", "adx_period",
                "momentum_bars", "trending_adx", "strong_trend_adx", "trending_momentum_atr", "strong_trend_momentum_atr",
                "volatility_spike_ratio", "aggressive_multiplier", "conservative_multiplier", "strong_trend_multipliers",
                "trending_multipliers", "ranging_multipliers", "strong_trend_split", "trending_split", "ranging_split",
                "working_type", "price_protect", "enforce_min_notional");
        for (ParamSpec s : d.config()) {
            assertThat(s.defaultValue()).as("default of %s", s.name()).isNotNull();
            assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
            if (s.defaultValue() instanceof Number n) {
                assertThat(n.doubleValue()).as("default of %s", s.name()).isBetween(s.min(), s.max());
            }
        }
        assertThat(keys.get("strong_trend_split").defaultValue()).isEqualTo(List.of("20", "30", "50"));
        assertThat(keys.get("trending_split").defaultValue()).isEqualTo(List.of("25", "35", "40"));
        assertThat(keys.get("ranging_split").defaultValue()).isEqualTo(List.of("40", "35", "25"));
        assertThat(keys.get("working_type").allowed()).containsExactly("MARK_PRICE", "CONTRACT_PRICE");
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name, Operation::method, Operation::path, Operation::pathParam,
                Operation::mutating).containsExactly(
                tuple("calculate", Method.POST, "calculate", PathParam.NONE, false),
                tuple("place-orders", Method.POST, "place-orders", PathParam.NONE, true));
        Operation calculate = ops.get(0);
        assertThat(calculate.params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::required,
                ParamSpec::defaultValue, ParamSpec::min, ParamSpec::max).containsExactly(
                tuple("symbol", ParamType.SYMBOL, true, null, null, null),
                tuple("side", ParamType.ENUM, true, null, null, null),
                tuple("entry_price", ParamType.DECIMAL, true, null, null, null),
                tuple("quantity", ParamType.DECIMAL, true, null, null, null),
                tuple("leverage", ParamType.INTEGER, false, 1L, 1.0, 125.0),
                tuple("num_levels", ParamType.INTEGER, false, 3L, 1.0, 10.0),
                tuple("strategy", ParamType.ENUM, false, "ADAPTIVE", null, null));
        assertThat(calculate.params().get(1).allowed()).containsExactly("LONG", "SHORT");
        assertThat(calculate.params().get(6).allowed()).containsExactly("ADAPTIVE", "AGGRESSIVE", "CONSERVATIVE");
        Operation place = ops.get(1);
        assertThat(place.params()).extracting(ParamSpec::name, ParamSpec::type, ParamSpec::required,
                ParamSpec::defaultValue).containsExactly(
                tuple("symbol", ParamType.SYMBOL, false, null),
                tuple("side", ParamType.ENUM, false, null),
                tuple("entry_price", ParamType.DECIMAL, false, null),
                tuple("quantity", ParamType.DECIMAL, false, null),
                tuple("leverage", ParamType.INTEGER, false, null),
                tuple("num_levels", ParamType.INTEGER, false, null),
                tuple("strategy", ParamType.ENUM, false, null),
                tuple("dry_run", ParamType.BOOLEAN, false, true),
                tuple("ladder", ParamType.OBJECT, false, null));
        for (Operation op : ops) {
            assertThat(op.description()).isNotBlank();
            assertThat(op.params()).allSatisfy(p -> assertThat(p.description()).as(p.name()).isNotBlank());
        }
    }

    @Test
    void registeredForTheClasspathInMetaInfServices() throws IOException {
        try (InputStream in = TpLadderPlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Executor")) {
            assertThat(in).as("META-INF/services/io.marketintel.api.Executor").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(TpLadderPlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        Module self = TpLadderDescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.tpladder");
        self.addUses(Executor.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Executor.class.getName());
            assertThat(p.providers()).containsExactly(TpLadderPlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.marketintel.api");
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(TpLadderPlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Executor.class).stream().map(ServiceLoader.Provider::type))
                .contains(TpLadderPlugin.class);
    }
}
