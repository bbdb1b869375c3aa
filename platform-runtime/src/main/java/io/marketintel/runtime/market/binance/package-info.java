/**
 * The {@code binance} market source: Binance USDⓈ-M futures over REST (vertx-web-client).
 *
 * <p>Start with {@link io.marketintel.runtime.market.binance.BinanceMarket#connect}, which takes
 * {@link io.marketintel.runtime.market.binance.BinanceSettings} ({@link io.marketintel.runtime.market.binance.Network}
 * picks mainnet or testnet) and answers a connector with
 * {@link io.marketintel.runtime.market.binance.BinanceMarketData} (the {@code MarketData} port),
 * {@link io.marketintel.runtime.market.binance.BinanceExchange} (the {@code Exchange} port plus conditional orders
 * through {@code /fapi/v1/algoOrder}) and {@link io.marketintel.runtime.market.binance.BinanceStatus} for health.
 *
 * <p>Inside: {@code Endpoint} (paths and the documented request-weight table), {@code WeightBudget} /
 * {@code RollingWindow} (one budget per Binance host per Vert.x instance, limits from exchangeInfo minus a
 * safety margin, FIFO waiting, 429 pause and 418 ban), {@code BinanceTransport} (breaker → budget → signing →
 * HTTP → classification → GET-only retries), {@code BinanceSigner} (HMAC-SHA256), {@code ServerClock}
 * (server-time offset), {@code CircuitBreaker} (per endpoint family) and {@code BinanceParsers} (answers → API
 * records). A Binance-compatible fake server for tests lives in the test sources ({@code FakeBinance}).
 */
package io.marketintel.runtime.market.binance;
