package io.marketintel.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Operation;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.runtime.MutableClock;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.testing.FixedMarket;
import io.marketintel.runtime.testing.TestPlugin;
import io.marketintel.runtime.testing.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PluginManagerTest {

    private static PlatformConfig config(PluginManager m, String yaml) {
        return new ConfigLoader(m.configSchemas(), Map.of()).parse(Path.of("t.yaml"), yaml);
    }

    private static PluginManager manager(Vertx vertx, List<? extends io.marketintel.api.Plugin> plugins) {
        return new PluginManager(PluginDiscovery.of(plugins),
                new TestServices(vertx, new FixedMarket("BTCUSDT"), MutableClock.at("2025-01-01T00:00:00Z")));
    }

    @Test
    void fileDecidesAtStartAndWhenItsValueChanges(Vertx vertx) throws Exception {
        TestPlugin p = new TestPlugin();
        PluginManager m = manager(vertx, List.of(p));
        m.apply(config(m, "plugins:\n  probe:\n    enabled: false\n")).await(5, TimeUnit.SECONDS);
        assertThat(m.byId("probe").orElseThrow().state()).isEqualTo(PluginState.DISABLED);
        assertThat(p.starts.get()).isZero();
        m.apply(config(m, "plugins:\n  probe:\n    enabled: true\n")).await(5, TimeUnit.SECONDS);
        assertThat(m.byId("probe").orElseThrow().state()).isEqualTo(PluginState.ENABLED);
        assertThat(p.starts.get()).isEqualTo(1);
    }

    @Test
    void anApiToggleIsNotUndoneByAnUnchangedFileButAFileChangeWins(Vertx vertx) throws Exception {
        TestPlugin p = new TestPlugin();
        PluginManager m = manager(vertx, List.of(p));
        m.apply(config(m, "")).await(5, TimeUnit.SECONDS);
        m.setEnabled("probe", false).await(5, TimeUnit.SECONDS);
        assertThat(m.byId("probe").orElseThrow().wantedBy()).isEqualTo("api");

        // Another key changes in the file; plugins.probe.enabled stays true: the API's "disabled" holds.
        m.apply(config(m, "plugins:\n  probe:\n    greeting: 9\n")).await(5, TimeUnit.SECONDS);
        PluginHandle h = m.byId("probe").orElseThrow();
        assertThat(h.state()).isEqualTo(PluginState.DISABLED);
        assertThat(h.config().longValue("greeting")).as("new settings still apply").isEqualTo(9);

        // The file's value changes (to false, then true): the file wins again.
        m.apply(config(m, "plugins:\n  probe:\n    enabled: false\n")).await(5, TimeUnit.SECONDS);
        m.apply(config(m, "plugins:\n  probe:\n    enabled: true\n")).await(5, TimeUnit.SECONDS);
        assertThat(h.state()).isEqualTo(PluginState.ENABLED);
        assertThat(h.wantedBy()).isEqualTo("config");
    }

    @Test
    void aPluginWhoseStartFailsIsFailedWithTheReasonAndRetriedWhenEnabledAgain(Vertx vertx) throws Exception {
        FlakyPlugin flaky = new FlakyPlugin();
        PluginManager m = manager(vertx, List.of(flaky));
        m.apply(config(m, "")).await(5, TimeUnit.SECONDS);
        PluginHandle h = m.byId("flaky").orElseThrow();
        assertThat(h.state()).isEqualTo(PluginState.FAILED);
        assertThat(h.reason()).contains("cannot reach its data");
        flaky.healthy = true;
        m.setEnabled("flaky", false).await(5, TimeUnit.SECONDS);
        m.setEnabled("flaky", true).await(5, TimeUnit.SECONDS);
        assertThat(h.state()).isEqualTo(PluginState.ENABLED);
    }

    @Test
    void discoveryRejectsIncompatibleAndDuplicatePluginsAndKeepsTheRest(Vertx vertx) {
        List<PluginHandle> handles = PluginDiscovery.of(List.of(new TestPlugin("alpha"), new TestPlugin("alpha"),
                new Custom("future", "2.0", PluginKind.ANALYZER), new Custom("newer", "1.9", PluginKind.ANALYZER),
                new Custom("liar", PlatformApi.VERSION, PluginKind.EXECUTOR), new TestPlugin("beta")));
        assertThat(handles).extracting(PluginHandle::id, PluginHandle::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alpha", PluginState.DISABLED),
                org.assertj.core.groups.Tuple.tuple("alpha", PluginState.REJECTED),
                org.assertj.core.groups.Tuple.tuple("future", PluginState.REJECTED),
                org.assertj.core.groups.Tuple.tuple("newer", PluginState.REJECTED),
                org.assertj.core.groups.Tuple.tuple("liar", PluginState.REJECTED),
                org.assertj.core.groups.Tuple.tuple("beta", PluginState.DISABLED));
        assertThat(handles.get(1).reason()).contains("duplicate plugin id [alpha]");
        assertThat(handles.get(2).reason()).contains("built for platform API 2.0, this platform offers 1.0");
        assertThat(handles.get(3).reason()).contains("built for platform API 1.9");
        assertThat(handles.get(4).reason()).contains("descriptor says kind EXECUTOR but the plugin implements ANALYZER");
    }

    @Test
    void executorsGetTheExchangeAnalyzersDoNot(Vertx vertx) {
        PluginManager m = manager(vertx, List.of(new TestPlugin()));
        PluginContextImpl ctx = new PluginContextImpl(m.byId("probe").orElseThrow(),
                new TestServices(vertx, new FixedMarket(), MutableClock.at("2025-01-01T00:00:00Z")));
        org.assertj.core.api.Assertions.assertThatThrownBy(ctx::exchange)
                .hasMessageContaining("only executors get the exchange");
    }

    /** An analyzer whose start fails until told otherwise. */
    static final class FlakyPlugin implements Analyzer {
        volatile boolean healthy;

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("flaky", "flaky", "Flaky", "1.0.0", PlatformApi.VERSION, PluginKind.ANALYZER, "", List.of());
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.get("x").handler(r -> Future.succeededFuture(List.of())));
        }

        @Override
        public Future<Void> start(PluginContext context) {
            return healthy ? Future.succeededFuture() : Future.failedFuture(new IllegalStateException("cannot reach its data"));
        }
    }

    /** An analyzer with a chosen API version and declared kind. */
    record Custom(String id, String api, PluginKind kind) implements Analyzer {
        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor(id, id, id, "1.0.0", api, kind, "", List.of());
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.get("x").handler(r -> Future.succeededFuture(List.of())));
        }

        @Override
        public Future<Void> start(PluginContext context) {
            return Future.succeededFuture();
        }
    }
}
