/**
 * Plugins inside the runtime: discovery with {@link java.util.ServiceLoader}
 * ({@link io.marketintel.runtime.plugins.PluginDiscovery}), one {@link io.marketintel.runtime.plugins.PluginHandle}
 * per plugin with its state and health, the {@link io.marketintel.runtime.plugins.PluginManager} that
 * enables, disables and reconfigures them, and the {@link io.marketintel.runtime.plugins.OperationInvoker}
 * that REST and the event bus share to validate and run an operation.
 */
package io.marketintel.runtime.plugins;
