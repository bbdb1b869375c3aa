/**
 * Implementation of the order book plugin (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.orderbook.internal.OrderBookPlugin} (descriptor, operations, data
 * fetching, cache and events). The arithmetic is pure and synchronous: the kernels over flat arrays in
 * {@link io.marketintel.plugin.orderbook.internal.BookMath}, applied to a
 * {@link io.marketintel.plugin.orderbook.internal.BookSnapshot} by
 * {@link io.marketintel.plugin.orderbook.internal.OrderBookAnalysis}, configured by
 * {@link io.marketintel.plugin.orderbook.internal.OrderBookSettings}. The only state, the per-symbol history of
 * recent walls for the spoofing check, is the {@link io.marketintel.plugin.orderbook.internal.WallTracker}.
 * Results are records serialised by the runtime to snake_case JSON.
 */
package io.marketintel.plugin.orderbook.internal;
