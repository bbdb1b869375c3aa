package io.marketintel.runtime.plugins;

/** Where a plugin is in its life. */
public enum PluginState {
    /** Started and serving. */
    ENABLED,
    /** Installed but switched off (config or API); its routes answer PLUGIN_DISABLED. */
    DISABLED,
    /** Its start failed; the reason is kept; it is retried when enabled again. */
    FAILED,
    /** Refused at discovery (invalid descriptor, incompatible API, duplicate id); never started. */
    REJECTED
}
