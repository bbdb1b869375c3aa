package io.marketintel.plugin.tpladder.internal;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The README's ready-to-paste configuration block loads through the runtime's loader and holds the defaults. */
class ReadmeConfigTest {

    @Test
    void theReadmeBlockIsValidAndHoldsTheDefaults() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int marker = readme.indexOf("Ready to paste into `config/market-intel.yaml`");
        assertThat(marker).as("the README's configuration block").isPositive();
        int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertThat(block).contains("  tp-ladder:\n");
        ConfigLoader loader = new ConfigLoader(PluginManager.configSchemas(PluginDiscovery.of(List.of(
                new TpLadderPlugin()))), Map.of());
        PlatformConfig config = loader.parse(Path.of("README.md"), "plugins:\n" + block);
        PluginSettings settings = config.plugin("tp-ladder");
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.values()).isEqualTo(LadderSettings.defaultParams());
    }
}
