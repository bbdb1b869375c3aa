/**
 * Implementation of the mtf plugin (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.mtf.internal.MtfPlugin} (descriptor, operation, data fetching, cache and
 * events). The analysis lives in pure, synchronous code that can be benchmarked on its own:
 * {@link io.marketintel.plugin.mtf.internal.ConfluenceAnalysis} (closed candles, assembly, reasoning),
 * {@link io.marketintel.plugin.mtf.internal.IndicatorSnapshot} (the platform's indicator kernels at the last closed
 * candle), {@link io.marketintel.plugin.mtf.internal.Scoring} (indicator votes → direction and strength of one
 * timeframe) and {@link io.marketintel.plugin.mtf.internal.Confluence} (weights → confluence score, bias, confidence,
 * recommendation), configured by {@link io.marketintel.plugin.mtf.internal.MtfSettings}. Results are records
 * serialised by the runtime to snake_case JSON.
 */
package io.marketintel.plugin.mtf.internal;
