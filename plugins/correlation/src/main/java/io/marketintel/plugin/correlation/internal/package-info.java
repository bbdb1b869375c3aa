/**
 * Implementation of the correlation plugin (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.correlation.internal.CorrelationPlugin} (descriptor, operations,
 * parameter checks, data fetching, cache and events). {@link io.marketintel.plugin.correlation.internal.KlineFetch}
 * fetches one window of closed klines per symbol with bounded concurrency,
 * {@link io.marketintel.plugin.correlation.internal.Alignment} aligns them by open time (gaps dropped and counted),
 * and the pure, synchronous {@link io.marketintel.plugin.correlation.internal.CorrelationAnalysis} computes the
 * answers with the {@code io.marketintel.api.ta.Statistics} kernels, configured by
 * {@link io.marketintel.plugin.correlation.internal.CorrelationSettings}. Results are records serialised by the
 * runtime to snake_case JSON.
 */
package io.marketintel.plugin.correlation.internal;
