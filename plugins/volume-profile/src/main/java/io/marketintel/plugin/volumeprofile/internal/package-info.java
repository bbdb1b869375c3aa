/**
 * Implementation of the volume-profile plugin (not exported).
 *
 * <p>Start with {@link io.marketintel.plugin.volumeprofile.internal.VolumeProfilePlugin} (descriptor, operations,
 * data fetching, cache and events). The arithmetic lives in pure, synchronous code:
 * {@link io.marketintel.plugin.volumeprofile.internal.VolumeProfile} (static kernels over arrays: bin size, volume
 * distribution, POC, value area growth, nodes), {@link io.marketintel.plugin.volumeprofile.internal.Profile} (one
 * profile on the tick grid) and {@link io.marketintel.plugin.volumeprofile.internal.ProfileReport} (position, bias,
 * confidence, reasoning, levels, comparison), configured by
 * {@link io.marketintel.plugin.volumeprofile.internal.ProfileSettings}. Results are records serialised by the
 * runtime to snake_case JSON.
 */
package io.marketintel.plugin.volumeprofile.internal;
