/**
 * The embedded simulated market ({@code sim}, the platform's default source) and its paper exchange.
 * Internal to the runtime (not exported).
 *
 * <p>Start with {@link io.marketintel.runtime.market.sim.SimulatedMarket}, the
 * {@link io.marketintel.api.market.MarketData} implementation, and
 * {@link io.marketintel.runtime.market.sim.PaperExchange}, the {@link io.marketintel.api.trading.Exchange}
 * that fills against it. {@link io.marketintel.runtime.market.sim.SimSettings} holds the seed.
 *
 * <p>How the market is built, top-down, all keyed by (seed, symbol, time) through the counter-based
 * {@code Rng} (no generator state, so any instant can be computed on its own):
 * <ul>
 *   <li>{@code SymbolTable} / {@code SymbolSpec}: ten perpetuals with Binance filters, leverage
 *   brackets and model parameters;</li>
 *   <li>{@code HourlyPath}: per symbol and hour the {@link io.marketintel.runtime.market.sim.Regime}
 *   (a seeded Markov chain over blocks of hours, mostly following a market-wide chain), the log close
 *   (regime drift + loading × common market shock + idiosyncratic shock, mean-reverting to an
 *   anchor), the premium and the open interest;</li>
 *   <li>{@code Candles}: minutes by a Brownian bridge inside each hour, seconds by a bridge inside each
 *   minute; every longer candle is the exact aggregate of its minutes, hour aggregates are
 *   memoised;</li>
 *   <li>{@code BookGenerator}: per-second order books on absolute ticks, with persistent walls and
 *   flickering far walls;</li>
 *   <li>{@code DerivativesModel}: mark/index, funding, open interest, long/short and taker ratios;</li>
 *   <li>{@code Liquidation}: Binance's liquidation-price formula with bracket re-selection, used by the
 *   paper exchange.</li>
 * </ul>
 * The paper exchange keeps its orders in {@code PaperOrder}s, its conditional (algo) orders in
 * {@code PaperConditional}s (trigger rules there) and checks both with {@code OrderRules}; conditional orders are
 * triggered from the per-second trade and mark prices of {@code SimulatedMarket.seconds}.
 */
package io.marketintel.runtime.market.sim;
