/**
 * The {@code replay} market source: recorded Binance data (data.binance.vision dumps, recorded REST
 * responses, the project's shared spot and freqtrade files) answered as {@link io.marketintel.api.market.MarketData}
 * as of a replayed time. Internal to the runtime (not exported).
 *
 * <p>Start with {@link io.marketintel.runtime.market.replay.ReplayMarket} (its class comment lists which file
 * feeds which method, and the time, gap and loading rules), opened with
 * {@link io.marketintel.runtime.market.replay.ReplayMarket#open(io.vertx.core.Vertx, ReplaySettings, java.time.Clock)};
 * {@link io.marketintel.runtime.market.replay.ReplayClock} is the replayed time (speed, pause, seek) and
 * {@link io.marketintel.runtime.market.replay.ReplayStatus} what {@code /api/health} can show.
 *
 * <p>Inside: {@code FileNames} recognises files by their published names, {@code ReplayIndex} walks the
 * folder once, {@code ReplayReaders} parses files strictly (errors name file and line), {@code SymbolData}
 * holds one symbol's columns ({@code KlineSeries} with exact aggregation and gaps, {@code MetricsSeries},
 * {@code FundingSeries}, {@code DepthSnapshots}).
 */
package io.marketintel.runtime.market.replay;
