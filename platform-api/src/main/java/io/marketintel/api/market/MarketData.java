package io.marketintel.api.market;

import io.vertx.core.Future;
import java.util.List;

/**
 * The one port every analyzer reads the market through. The runtime provides a simulated market (the
 * default), the Binance USDⓈ-M REST API or a replay of recorded data, with a cache in front.
 *
 * <p>Every method answers asynchronously and never blocks. Failures are
 * {@link io.marketintel.api.IntelException}s: {@code UNKNOWN_SYMBOL} for a symbol the market does not
 * list, {@code INVALID_PARAMETER} for a limit outside Binance's accepted values, {@code UPSTREAM_ERROR} /
 * {@code UPSTREAM_UNAVAILABLE} when the source fails.
 */
public interface MarketData {

    /** Name of the source: {@code sim}, {@code binance} or {@code replay}. */
    String source();

    /** Server time, ms. */
    Future<Long> serverTime();

    /** Exchange info: symbols with their filters, and rate limits. */
    Future<ExchangeInfo> exchangeInfo();

    /**
     * The latest {@code limit} klines, oldest first; the last one may still be forming (check
     * {@link Kline#isClosedAt(long)}).
     *
     * @param limit 1 … 1500
     */
    Future<List<Kline>> klines(String symbol, Interval interval, int limit);

    /**
     * Klines whose open time lies in {@code [startTime, endTime]}, oldest first, at most {@code limit}
     * counted from {@code startTime}.
     */
    Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit);

    /**
     * Order book snapshot.
     *
     * @param limit one of 5, 10, 20, 50, 100, 500, 1000
     */
    Future<OrderBook> orderBook(String symbol, int limit);

    /** Mark price and funding of one symbol. */
    Future<PremiumIndex> premiumIndex(String symbol);

    /** Mark price and funding of every symbol, in one request. */
    Future<List<PremiumIndex>> premiumIndexAll();

    /**
     * The latest {@code limit} settled fundings, oldest first.
     *
     * @param limit 1 … 1000
     */
    Future<List<FundingRate>> fundingRateHistory(String symbol, int limit);

    /** Current open interest. */
    Future<OpenInterest> openInterest(String symbol);

    /**
     * Open interest history, oldest first.
     *
     * @param limit 1 … 500
     */
    Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit);

    /**
     * A long/short ratio series, oldest first.
     *
     * @param limit 1 … 500
     */
    Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit);

    /**
     * Taker buy/sell volume ratio, oldest first.
     *
     * @param limit 1 … 500
     */
    Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit);

    /** 24-hour ticker of one symbol. */
    Future<Ticker24h> ticker24h(String symbol);

    /** 24-hour tickers of every symbol. */
    Future<List<Ticker24h>> tickers24h();

    /** Best bid and ask. */
    Future<BookTicker> bookTicker(String symbol);

    /** Leverage brackets (maintenance margin tiers) of one symbol, bracket 1 first. */
    Future<List<LeverageBracket>> leverageBrackets(String symbol);
}
