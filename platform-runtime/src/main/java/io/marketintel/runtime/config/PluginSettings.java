package io.marketintel.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.Params;

/**
 * Validated settings of one plugin ({@code plugins.<id>}).
 *
 * @param enabled whether the file (or environment) enables the plugin
 * @param values  the plugin's own keys with defaults applied
 * @param section the raw section they were validated from (environment overrides applied), or null when there was
 *                none; another version of the plugin, with another schema, is validated against it
 */
public record PluginSettings(boolean enabled, Params values, JsonNode section) {

    /** Settings without a raw section. */
    public PluginSettings(boolean enabled, Params values) {
        this(enabled, values, null);
    }
}
