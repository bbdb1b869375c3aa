/**
 * Test doubles for plugin unit tests: {@link io.marketintel.testkit.fakes.FakeMarketData},
 * {@link io.marketintel.testkit.fakes.FakePluginContext} and {@link io.marketintel.testkit.fakes.ManualClock}.
 * Depends on the plugin API alone; use it as a test dependency of a plugin (platform-testkit brings it along).
 */
module io.marketintel.testkit.fakes {
    requires transitive io.marketintel.api;

    exports io.marketintel.testkit.fakes;
}
