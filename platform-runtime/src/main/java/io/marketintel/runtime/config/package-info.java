/**
 * Configuration: {@code config/market-intel.yaml} (or {@code MI_CONFIG}), overridden per key by
 * environment variables {@code MI_<KEY_PATH>} ({@code http.port} → {@code MI_HTTP_PORT}), validated
 * against {@link io.marketintel.runtime.config.ConfigSchema} and the plugins' declared keys into a
 * {@link io.marketintel.runtime.config.PlatformConfig}. Every mistake is a
 * {@link io.marketintel.runtime.config.ConfigException} naming the key. The
 * {@link io.marketintel.runtime.config.ConfigWatcher} re-reads the file while the platform runs.
 */
package io.marketintel.runtime.config;
