package io.marketintel.plugin.orderbook.internal;

import io.marketintel.api.market.BookTicker;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * A MarketData that answers a settable order book, already completed, and records every request
 * ({@code "orderBook BTCUSDT 500"}, {@code "exchangeInfo"}). Like Binance it answers at most {@code limit}
 * levels per side.
 */
class FakeMarketData implements MarketData {

    final List<String> requests = new ArrayList<>();

    /** The book answered next; replace it between calls to simulate a moving market. */
    OrderBook book;
    /** When set, orderBook(...) fails with it. */
    Throwable bookFailure;
    /** Name of the source the results echo. */
    String source = "fake";
    /** Exchange info; null makes exchangeInfo() fail (the plugin must cope). */
    ExchangeInfo exchangeInfo = Fixtures.exchangeInfo();

    @Override
    public String source() {
        return source;
    }

    int count(String method) {
        return (int) requests.stream().filter(r -> r.equals(method) || r.startsWith(method + " ")).count();
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        requests.add("orderBook " + symbol + " " + limit);
        if (bookFailure != null) {
            return Future.failedFuture(bookFailure);
        }
        if (book == null || !book.symbol().equals(symbol)) {
            return Future.failedFuture(new IllegalStateException("fake has no order book for " + symbol));
        }
        return Future.succeededFuture(new OrderBook(book.symbol(), book.lastUpdateId(), book.eventTime(),
                book.transactionTime(), book.bids().subList(0, Math.min(limit, book.bids().size())),
                book.asks().subList(0, Math.min(limit, book.asks().size()))));
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        requests.add("exchangeInfo");
        return exchangeInfo == null ? Future.failedFuture(new IllegalStateException("no exchange info"))
                : Future.succeededFuture(exchangeInfo);
    }

    // ---------------------------------------------------------------- not used by the order book plugin

    private <T> Future<T> unused(String method) {
        requests.add(method);
        return Future.failedFuture(new UnsupportedOperationException("the order book plugin should not call " + method));
    }

    @Override
    public Future<Long> serverTime() {
        return unused("serverTime");
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        return unused("klines");
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return unused("klines");
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        return unused("premiumIndex");
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        return unused("premiumIndexAll");
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return unused("fundingRateHistory");
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return unused("openInterest");
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return unused("openInterestHistory");
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return unused("longShortRatio");
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return unused("takerBuySellRatio");
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        return unused("ticker24h");
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        return unused("tickers24h");
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return unused("bookTicker");
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return unused("leverageBrackets");
    }
}
