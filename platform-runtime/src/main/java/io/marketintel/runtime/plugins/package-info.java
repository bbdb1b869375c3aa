/**
 * Plugins inside the runtime: discovery with {@link java.util.ServiceLoader}
 * ({@link io.marketintel.runtime.plugins.PluginDiscovery}) on the module path and, for drop-in jars, in a module
 * layer per jar ({@link io.marketintel.runtime.plugins.PluginDirectory}: staging, hashing, polling the plugin folder);
 * one {@link io.marketintel.runtime.plugins.PluginHandle} per loaded plugin version with its state and health; the
 * {@link io.marketintel.runtime.plugins.PluginManager} that enables, disables, reconfigures, installs, replaces and
 * unloads them, each on a Vert.x context of its own; and the {@link io.marketintel.runtime.plugins.OperationInvoker}
 * that REST and the event bus share to validate and run an operation. Start with {@code PluginManager}.
 */
package io.marketintel.runtime.plugins;
