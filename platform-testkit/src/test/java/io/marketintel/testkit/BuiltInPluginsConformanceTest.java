package io.marketintel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Plugin;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every plugin the platform ships passes the checks a third-party plugin is asked to pass, found the way the
 * platform finds them (service providers of the modules on the module path). Executors run on the harness's paper
 * exchange, and those that can trade are called with their default {@code dry_run=true}.
 */
class BuiltInPluginsConformanceTest {

    /** Fresh instances: a plugin instance is started once. */
    private static List<Plugin> builtIn() {
        return Conformance.pluginsIn(ModuleLayer.boot()).stream()
                .filter(p -> p.getClass().getModule().getName().startsWith("io.marketintel.plugin."))
                .toList();
    }

    static Stream<String> ids() {
        return builtIn().stream().map(p -> p.descriptor().id());
    }

    @Test
    void theTenModulesProvideElevenPlugins() {
        assertThat(ids()).containsExactlyInAnyOrder("funding", "liquidations", "orderbook", "volume-profile",
                "correlation", "mtf", "risk", "order-routing", "tp-ladder", "meta", "complete-analysis");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void passesTheConformanceChecks(String id) {
        Plugin plugin = builtIn().stream().filter(p -> p.descriptor().id().equals(id)).findFirst().orElseThrow();

        Conformance.Report report = Conformance.check(plugin, options(id));

        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    /**
     * What a plugin needs beyond its declarations: values that only make sense together (a tradable quantity, a
     * position to ladder) and, for the plugins that combine the others' answers, the others next to them.
     */
    private static Conformance.Options options(String id) {
        Conformance.Options o = Conformance.Options.defaults();
        return switch (id) {
            // 0.002 BTC is above the lot size and the minimum notional of the simulated BTCUSDT.
            case "order-routing" -> o.withParams("execute", Map.of("quantity", 0.002))
                    .withParams("recommend", Map.of("quantity", 0.002));
            case "tp-ladder" -> o.withParams("place-orders", Map.of("symbol", "BTCUSDT", "side", "LONG",
                    "entry_price", 100_000, "quantity", 0.01));
            case "meta", "complete-analysis" -> o.with(builtIn().stream()
                    .filter(p -> p instanceof Analyzer && !p.descriptor().id().equals(id))
                    .toArray(Plugin[]::new));
            default -> o;
        };
    }
}
