/**
 * Implementation of the tp-ladder plugin (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.tpladder.internal.TpLadderPlugin} (descriptor, operations, data fetching,
 * cache, placement). The arithmetic lives in pure, synchronous code:
 * {@link io.marketintel.plugin.tpladder.internal.RegimeAnalysis} (ATR, ADX, momentum and volatility on closed candles,
 * and the regime rule), {@link io.marketintel.plugin.tpladder.internal.LadderMath} (interpolation of multipliers and
 * splits, exact quantity split), {@link io.marketintel.plugin.tpladder.internal.LadderBuilder} (prices, filters,
 * merging, expected profit) and {@link io.marketintel.plugin.tpladder.internal.OrderPlan} (the conditional orders and
 * their deterministic client algo ids), configured by
 * {@link io.marketintel.plugin.tpladder.internal.LadderSettings}. Results are records serialised by the runtime to
 * snake_case JSON.
 */
package io.marketintel.plugin.tpladder.internal;
