package io.marketintel.api;

/**
 * A plugin that changes the world: it places, amends or cancels orders through
 * {@link PluginContext#exchange()}. Its mutating operations require the API token, dry run is the
 * default and live orders need {@code trading.live: true}.
 */
public non-sealed interface Executor extends Plugin {
}
