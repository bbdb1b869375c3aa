package io.marketintel.runtime.config;

import io.marketintel.api.Params;

/**
 * Validated settings of one plugin ({@code plugins.<id>}).
 *
 * @param enabled whether the file (or environment) enables the plugin
 * @param values  the plugin's own keys with defaults applied
 */
public record PluginSettings(boolean enabled, Params values) {
}
