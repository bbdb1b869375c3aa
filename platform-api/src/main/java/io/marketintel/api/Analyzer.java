package io.marketintel.api;

/**
 * A plugin that only reads: it analyses market data and never changes the world.
 *
 * <p>Register an implementation in the plugin's {@code module-info.java}:
 * <pre>{@code
 * module io.marketintel.plugin.example {
 *     requires io.marketintel.api;
 *     provides io.marketintel.api.Analyzer with io.marketintel.plugin.example.internal.ExampleAnalyzer;
 * }
 * }</pre>
 */
public non-sealed interface Analyzer extends Plugin {
}
