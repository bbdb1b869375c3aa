/**
 * The {@link io.marketintel.api.trading.Exchange} port through which executors place orders and read
 * positions and the account. Amounts are exact {@link java.math.BigDecimal}s; quantities and prices
 * must already respect the symbol's step and tick sizes
 * ({@link io.marketintel.api.market.SymbolInfo#roundQuantity(java.math.BigDecimal)}).
 *
 * <p>Client order ids are idempotency keys: placing an order with an id the exchange already knows
 * returns the existing order instead of a second one.
 */
package io.marketintel.api.trading;
