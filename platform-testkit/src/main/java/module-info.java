/**
 * The plugin test kit: {@link io.marketintel.testkit.PluginHarness} runs plugins against the simulated market
 * without the server, {@link io.marketintel.testkit.Conformance} checks what every plugin must satisfy. Use it as
 * a test dependency of a plugin. It brings along the hand-scripted test doubles of
 * {@code io.marketintel.testkit.fakes}.
 */
module io.marketintel.testkit {
    requires transitive io.marketintel.api;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive io.marketintel.testkit.fakes;
    requires io.marketintel.runtime;
    requires io.vertx.core;

    exports io.marketintel.testkit;

    // Conformance.pluginsIn(layer) finds the plugins of a module layer.
    uses io.marketintel.api.Analyzer;
    uses io.marketintel.api.Executor;
}
