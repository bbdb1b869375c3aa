package io.marketintel.plugin.mtf.internal;

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
import io.marketintel.api.market.Interval;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the runtime reads before the plugin ever runs: identity, config schema, operations, registration. */
class MtfDescriptorTest {

    private final MtfPlugin plugin = new MtfPlugin();
    private final PluginDescriptor d = plugin.descriptor();

    @Test
    void identity() {
        assertThat(d.id()).isEqualTo("mtf");
        assertThat(d.routePrefix()).isEqualTo("mtf");
        assertThat(d.kind()).isEqualTo(PluginKind.ANALYZER);
        assertThat(d.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(d.apiVersion()).isEqualTo(PlatformApi.VERSION);
        assertThat(PlatformApi.isCompatible(d.apiVersion())).isTrue();
        assertThat(d.name()).isEqualTo("Multi-Timeframe Confluence");
        assertThat(d.description()).isNotBlank();
    }

    @Test
    void configKeysHaveDefaultsWithinTheirRangesAndDescriptions() {
        Map<String, ParamSpec> keys = d.config().stream().collect(Collectors.toMap(ParamSpec::name, Function.identity()));
        List<String> expected = new ArrayList<>(List.of("cache_ttl_seconds", "timeframes", "bars", "min_bars",
                "ema_fast", "ema_slow", "ema_long", "rsi_period", "macd_fast", "macd_slow", "macd_signal", "adx_period",
                "atr_period", "direction_threshold", "neutral_band_atr", "enter_threshold", "avoid_threshold"));
        for (Interval i : Interval.values()) {
            expected.add("weight_" + i.code());
        }
        assertThat(keys).containsOnlyKeys(expected);
        for (ParamSpec s : d.config()) {
            assertThat(s.defaultValue()).as("default of %s", s.name()).isNotNull();
            assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
            assertThat(s.min()).as("min of %s", s.name()).isNotNull();
            assertThat(s.max()).as("max of %s", s.name()).isNotNull();
            if (s.type() == ParamType.INTEGER || s.type() == ParamType.DECIMAL) {
                assertThat(((Number) s.defaultValue()).doubleValue()).as("default of %s", s.name())
                        .isBetween(s.min(), s.max());
            }
        }
        assertThat(keys.get("cache_ttl_seconds").defaultValue()).isEqualTo(30L);     // the spec's MTF TTL
        assertThat(keys.get("timeframes").type()).isEqualTo(ParamType.STRING_LIST);
        assertThat(keys.get("timeframes").defaultValue()).isEqualTo(List.of("1m", "5m", "15m", "1h", "4h", "1d"));
        // the spec's weights
        assertThat(List.of("weight_1m", "weight_5m", "weight_15m", "weight_1h", "weight_4h", "weight_1d"))
                .extracting(k -> keys.get(k).defaultValue()).containsExactly(5.0, 10.0, 15.0, 25.0, 25.0, 20.0);
        assertThat(keys.get("weight_30m").defaultValue()).isEqualTo(0.0);
        assertThat(keys.get("bars").defaultValue()).isEqualTo(499L);
        assertThat(keys.get("bars").max()).isEqualTo(1500.0);                     // Binance's largest kline limit
        assertThat(keys.get("enter_threshold").defaultValue()).isEqualTo(70.0);
    }

    @Test
    void operations() {
        List<Operation> ops = plugin.operations();
        assertThat(ops).extracting(Operation::name).containsExactly("confluence");
        Operation op = ops.get(0);
        assertThat(op.method()).isEqualTo(Method.GET);
        assertThat(op.pathParam()).isEqualTo(PathParam.SYMBOL);
        assertThat(op.path()).isEqualTo("confluence");
        assertThat(op.mutating()).isFalse();
        assertThat(op.params()).isEmpty();
        assertThat(op.description()).isNotBlank();
    }

    @Test
    void registeredForTheClasspathInMetaInfServices() throws IOException {
        try (InputStream in = MtfPlugin.class.getResourceAsStream("/META-INF/services/io.marketintel.api.Analyzer")) {
            assertThat(in).as("META-INF/services/io.marketintel.api.Analyzer").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo(MtfPlugin.class.getName());
        }
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        // Surefire patches the tests into the plugin's module, so this checks the real module descriptor.
        Module self = MtfDescriptorTest.class.getModule();
        assertThat(self.getName()).isEqualTo("io.marketintel.plugin.mtf");
        self.addUses(Analyzer.class);
        assertThat(self.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Analyzer.class.getName());
            assertThat(p.providers()).containsExactly(MtfPlugin.class.getName());
        });
        assertThat(self.getDescriptor().exports()).isEmpty();
        assertThat(self.getDescriptor().opens()).anySatisfy(o -> {
            assertThat(o.source()).isEqualTo(MtfPlugin.class.getPackageName());
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(ServiceLoader.load(Analyzer.class).stream().map(ServiceLoader.Provider::type)).contains(MtfPlugin.class);
    }
}
