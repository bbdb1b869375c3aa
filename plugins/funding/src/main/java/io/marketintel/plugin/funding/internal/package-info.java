/**
 * Implementation of the funding plugin (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.funding.internal.FundingPlugin} (descriptor, operations, data
 * fetching, cache and events); the arithmetic lives in the pure, synchronous
 * {@link io.marketintel.plugin.funding.internal.FundingAnalysis}, configured by
 * {@link io.marketintel.plugin.funding.internal.FundingSettings}. Results are records serialised by the
 * runtime to snake_case JSON.
 */
package io.marketintel.plugin.funding.internal;
