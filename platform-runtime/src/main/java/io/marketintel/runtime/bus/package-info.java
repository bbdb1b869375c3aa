/**
 * Event-bus mounting: every operation of every plugin answers request/reply at
 * {@code intel.<plugin-id>.<operation>} with the same JSON as its REST route
 * ({@link io.marketintel.runtime.bus.BusMount}); addresses and message shapes are in
 * {@link io.marketintel.runtime.bus.BusAddresses}.
 *
 * <p>The bus is trusted: code on it runs inside the platform (or its cluster), so mutating operations
 * are not token-checked here. Bridges to browsers must permit only read-only addresses and events.
 */
package io.marketintel.runtime.bus;
