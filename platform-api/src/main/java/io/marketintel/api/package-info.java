/**
 * The plugin SPI.
 *
 * <p>A plugin is a JPMS module that {@code provides} an {@link io.marketintel.api.Analyzer} or an
 * {@link io.marketintel.api.Executor}. It describes itself with a {@link io.marketintel.api.PluginDescriptor}
 * and exposes named {@link io.marketintel.api.Operation}s whose parameters are declared with
 * {@link io.marketintel.api.ParamSpec}. The runtime validates parameters, mounts every operation on REST
 * ({@code /api/intelligence/<route-prefix>/<path>[/{symbol}]}), on the event bus
 * ({@code intel.<plugin-id>.<operation>}) and in the console, and serialises results (records) to
 * snake_case JSON. Failures that the caller should see are {@link io.marketintel.api.IntelException}s.
 *
 * <p>Start with {@link io.marketintel.api.Analyzer} and {@link io.marketintel.api.PluginContext}.
 */
package io.marketintel.api;
