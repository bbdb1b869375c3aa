package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ParamSpec;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.config.PluginSettings;
import io.marketintel.runtime.plugins.PluginDiscovery;
import io.marketintel.runtime.plugins.PluginManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's ready-to-paste configuration block loads through the runtime's loader, holds exactly the defaults of
 * {@link RoutingSettings#SPECS}, names every key, and its table lists every key with its default.
 */
class ReadmeConfigTest {

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    private static String block(String readme) {
        int marker = readme.indexOf("Ready to paste into `config/market-intel.yaml`");
        assertThat(marker).as("the README's configuration block").isPositive();
        int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmeBlockIsValidAndHoldsTheDefaults() throws Exception {
        String block = block(readme());
        assertThat(block).contains("\n  order-routing:\n    enabled: true\n");
        ConfigLoader loader = new ConfigLoader(PluginManager.configSchemas(PluginDiscovery.of(List.of(
                new OrderRoutingPlugin()))), Map.of());
        PlatformConfig config = loader.parse(Path.of("README.md"), "plugins:\n" + block);
        PluginSettings settings = config.plugin(OrderRoutingPlugin.ID);
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.values()).isEqualTo(RoutingSettings.defaultParams());
        for (ParamSpec spec : RoutingSettings.SPECS) {
            assertThat(block).as("key %s written out in the block", spec.name()).contains("\n    " + spec.name() + ": ");
        }
    }

    @Test
    void theConfigurationTableListsEveryKeyWithItsDefault() throws Exception {
        String readme = readme();
        for (ParamSpec spec : RoutingSettings.SPECS) {
            assertThat(readme).as("table row of %s", spec.name())
                    .contains("| `" + spec.name() + "` | ")
                    .contains("| `" + spec.name() + "` | " + type(spec) + " | `" + plain(spec.defaultValue()) + "` |");
        }
    }

    private static String type(ParamSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> "integer";
            case DECIMAL -> "decimal";
            case ENUM -> "enum";
            default -> spec.type().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String plain(Object value) {
        if (value instanceof Double d) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
