/**
 * Implementation of the liquidations plugin (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.liquidations.internal.LiquidationsPlugin} (descriptor, operations,
 * data fetching, cache and events). The estimate lives in pure, synchronous code:
 * {@link io.marketintel.plugin.liquidations.internal.HeatmapModel} (split, decay, zones, buckets, clusters,
 * cascade risk, bias), {@link io.marketintel.plugin.liquidations.internal.BuildUp} (where positions were entered)
 * and {@link io.marketintel.plugin.liquidations.internal.LiquidationPrice} (Binance's formula with bracket
 * re-picking), configured by {@link io.marketintel.plugin.liquidations.internal.LiquidationSettings}. Results
 * are records serialised by the runtime to snake_case JSON.
 */
package io.marketintel.plugin.liquidations.internal;
