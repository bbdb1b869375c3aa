/**
 * Testing plugins without the server, for built-in and third-party plugins alike.
 *
 * <p>Start with {@link io.marketintel.testkit.Conformance#assertConforms} — one line per plugin: descriptor,
 * API version, operations and routes, parameter and configuration defaults, every operation invoked with its
 * defaults on the simulated market, snake_case JSON, bad parameters refused with 400 naming them, declared ranges
 * honoured, no blocking. {@link io.marketintel.testkit.Conformance#check} gives the report instead of failing, and
 * {@link io.marketintel.testkit.Conformance.Options} supplies what defaults cannot.
 *
 * <p>Then {@link io.marketintel.testkit.PluginHarness} calls operations with your own parameters and answers
 * {@link io.marketintel.testkit.Answer}s: the status and JSON a REST caller would get, produced by the platform's
 * own validation, deadlines, threading and JSON, on the deterministic simulated market at a fixed time, with a
 * paper exchange (never a live one) for executors.
 *
 * <p>For unit tests against hand-made data instead, the test kit brings along the test doubles of
 * {@code io.marketintel.testkit.fakes} (module {@code io.marketintel.testkit.fakes}): a {@code FakeMarketData}
 * scripted per symbol and a {@code FakePluginContext} with a hand-moved clock, as the built-in plugins' tests use.
 */
package io.marketintel.testkit;
