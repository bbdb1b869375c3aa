/**
 * Validation of raw values (query strings, JSON bodies, bus messages, YAML, environment variables)
 * against {@link io.marketintel.api.ParamSpec} declarations into typed {@link io.marketintel.api.Params}.
 * One binder serves operation parameters and configuration keys alike.
 */
package io.marketintel.runtime.params;
