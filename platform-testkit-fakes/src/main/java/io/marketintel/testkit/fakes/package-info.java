/**
 * Hand-made test doubles for unit-testing a plugin without the platform, for built-in and third-party plugins
 * alike.
 *
 * <p>Start with {@link io.marketintel.testkit.fakes.FakeMarketData}: script the data a test needs per symbol
 * (klines, order books, premium index, funding, open interest, ratios, tickers, leverage brackets, exchange info);
 * everything answers already completed, every request is recorded ({@code "klines BTCUSDT H1 100"}) so that tests
 * can count upstream calls, and whatever was not scripted fails the way the platform's market sources fail (an
 * {@code UNKNOWN_SYMBOL} {@link io.marketintel.api.IntelException}). Failures and held (pending) answers can be
 * scripted too.
 *
 * <p>Then {@link io.marketintel.testkit.fakes.FakePluginContext} hands that market to a plugin together with its
 * configuration defaults, a {@link io.marketintel.testkit.fakes.ManualClock} moved by hand, a result cache that
 * behaves like the runtime's (TTL on the fake clock, failed loads dropped), a record of published events and of
 * calls to other plugins, and — where a test gives them — Vert.x, an exchange, an order journal and storage.
 *
 * <p>For tests that need the real platform's validation, threading and JSON, use {@code PluginHarness} and
 * {@code Conformance} of {@code io.marketintel.testkit} instead.
 */
package io.marketintel.testkit.fakes;
