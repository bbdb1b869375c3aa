/**
 * The {@link io.marketintel.api.market.MarketData} port and its immutable records, shaped after the
 * Binance USDⓈ-M REST responses (the simulated and replay markets answer in the same shapes).
 *
 * <p>Conventions: times are epoch milliseconds (UTC); rates and ratios are fractions as Binance sends
 * them ({@code lastFundingRate 0.0001} is 0.01 %); prices and quantities of market data are
 * {@code double}, while exchange filters ({@link io.marketintel.api.market.SymbolInfo}) are exact
 * {@link java.math.BigDecimal}s because orders are rounded with them. Lists are oldest first, order
 * book bids best (highest) first and asks best (lowest) first.
 */
package io.marketintel.api.market;
