/**
 * Market data sources. {@link io.marketintel.runtime.market.MarketSources} builds the configured one
 * ({@code sim}, {@code binance} or {@code replay}) with its exchange; the cache in
 * {@code market.cache} sits in front of every source.
 */
package io.marketintel.runtime.market;
