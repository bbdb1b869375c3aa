package io.marketintel.plugin.tpladder.internal;

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
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * A MarketData with fixed answers, already completed: exchange info of one symbol, klines (the newest {@code limit}),
 * a mark price and a last price. Records the requests.
 */
class FakeMarketData implements MarketData {

    final List<String> requests = new ArrayList<>();
    SymbolInfo symbolInfo = Fixtures.btc();
    List<Kline> klines = List.of();
    double markPrice = 43250;
    double lastPrice = 43250;

    @Override
    public String source() {
        return "fake";
    }

    int count(String method) {
        return (int) requests.stream().filter(r -> r.equals(method) || r.startsWith(method + " ")).count();
    }

    @Override
    public Future<Long> serverTime() {
        return Future.succeededFuture(Fixtures.T0);
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        requests.add("exchangeInfo");
        return Future.succeededFuture(new ExchangeInfo(Fixtures.T0, List.of(), List.of(symbolInfo)));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        requests.add("klines " + symbol + " " + interval + " " + limit);
        return Future.succeededFuture(List.copyOf(klines.subList(Math.max(0, klines.size() - limit), klines.size())));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return unsupported();
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return unsupported();
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        requests.add("premiumIndex " + symbol);
        return Future.succeededFuture(new PremiumIndex(symbol, markPrice, markPrice, markPrice, 0.0001, 0.0001, 0, 0));
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        return unsupported();
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return unsupported();
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return unsupported();
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return unsupported();
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return unsupported();
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return unsupported();
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        requests.add("ticker24h " + symbol);
        return Future.succeededFuture(new Ticker24h(symbol, 0, 0, lastPrice, lastPrice, 0.001, lastPrice, lastPrice,
                lastPrice, 0, 0, 0, 0, 0));
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        return unsupported();
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return unsupported();
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return unsupported();
    }

    private static <T> Future<T> unsupported() {
        return Future.failedFuture(new UnsupportedOperationException("not used by the tp-ladder plugin"));
    }
}
