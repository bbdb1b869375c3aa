package io.marketintel.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ParamSpec;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ConfigWatcherTest {

    private final List<PlatformConfig> applied = new CopyOnWriteArrayList<>();
    private final List<ConfigException> rejected = new CopyOnWriteArrayList<>();

    private ConfigWatcher watcher(Vertx vertx, Path file) throws Exception {
        ConfigWatcher w = new ConfigWatcher(vertx, file, Duration.ofHours(1),
                () -> new ConfigLoader(Map.of("funding", PluginSchema.of(List.of(ParamSpec.integer("bins", 5).range(1, 10)))), Map.of()),
                applied::add, rejected::add);
        w.start().await(5, TimeUnit.SECONDS);
        return w;
    }

    @Test
    void aValidChangeIsAppliedOnceAndAnUnchangedFileIsNot(Vertx vertx, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "plugins:\n  funding:\n    enabled: true\n");
        ConfigWatcher w = watcher(vertx, file);
        w.check().await(5, TimeUnit.SECONDS);
        assertThat(applied).isEmpty();
        Files.writeString(file, "plugins:\n  funding:\n    enabled: false\n");
        w.check().await(5, TimeUnit.SECONDS);
        w.check().await(5, TimeUnit.SECONDS);
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).plugin("funding").enabled()).isFalse();
        w.stop();
    }

    @Test
    void anInvalidChangeIsRejectedOnceNamingTheKey(Vertx vertx, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "");
        ConfigWatcher w = watcher(vertx, file);
        Files.writeString(file, "plugins:\n  funding:\n    bins: 11\n");
        w.check().await(5, TimeUnit.SECONDS);
        w.check().await(5, TimeUnit.SECONDS);
        assertThat(applied).isEmpty();
        assertThat(rejected).singleElement().extracting(ConfigException::key).isEqualTo("plugins.funding.bins");
        Files.delete(file);
        w.check().await(5, TimeUnit.SECONDS);
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(1).getMessage()).contains("was removed");
        assertThat(applied).as("a removed file never resets the configuration to defaults").isEmpty();
        w.stop();
    }
}
