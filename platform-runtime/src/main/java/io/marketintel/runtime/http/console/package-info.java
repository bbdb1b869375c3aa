/**
 * What the web console needs beyond the plugin operations, mounted by {@link
 * io.marketintel.runtime.http.console.ConsoleRoutes}:
 * <ul>
 *   <li>read-only market routes for the charts ({@code GET /api/market/symbols}, {@code /klines/{symbol}},
 *       {@code /depth/{symbol}}), answered from the cached {@code MarketData} with the usual {@code {"data": …}}
 *       and error shapes;</li>
 *   <li>live plugin events as server-sent events ({@code GET /api/events}, {@link
 *       io.marketintel.runtime.http.console.EventStream}): a one-way bridge from the bus addresses
 *       {@code intel.events.<plugin-id>} to the browser, with no way back to the bus;</li>
 *   <li>the console's chart library from its webjar under {@code /webjars/}.</li>
 * </ul>
 */
package io.marketintel.runtime.http.console;
