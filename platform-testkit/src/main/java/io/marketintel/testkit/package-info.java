/**
 * Testing plugins without the server. Start with {@link io.marketintel.testkit.Conformance#assertConforms} (one
 * line per plugin: descriptor, API version, operations and routes, parameter defaults, configuration defaults,
 * every operation invoked with its defaults on the simulated market, snake_case JSON, no blocking), then
 * {@link io.marketintel.testkit.PluginHarness} to call operations with your own parameters and check the answers.
 */
package io.marketintel.testkit;
