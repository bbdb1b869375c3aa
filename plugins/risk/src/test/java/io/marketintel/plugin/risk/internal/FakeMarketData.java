package io.marketintel.plugin.risk.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A MarketData with fixed answers, already completed: exchange info of {@link Fixtures#SYMBOLS}, klines, leverage
 * brackets and mark prices per symbol as the test sets them. Records every request ({@code "klines BTCUSDT H1 101"}).
 */
class FakeMarketData implements MarketData {

    final List<String> requests = new ArrayList<>();
    final Map<String, List<Kline>> klines = new LinkedHashMap<>();
    final Map<String, List<LeverageBracket>> brackets = new LinkedHashMap<>();
    final Map<String, Double> marks = new LinkedHashMap<>();
    List<SymbolInfo> symbols = Fixtures.SYMBOLS;

    @Override
    public String source() {
        return "fake";
    }

    int count(String method) {
        return (int) requests.stream().filter(r -> r.equals(method) || r.startsWith(method + " ")).count();
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        requests.add("exchangeInfo");
        return Future.succeededFuture(new ExchangeInfo(Fixtures.T0, List.of(), symbols));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        requests.add("klines " + symbol + " " + interval + " " + limit);
        List<Kline> k = klines.get(symbol);
        if (k == null) {
            return Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "no klines for " + symbol));
        }
        return Future.succeededFuture(List.copyOf(k.subList(Math.max(0, k.size() - limit), k.size())));
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        requests.add("leverageBrackets " + symbol);
        List<LeverageBracket> b = brackets.get(symbol);
        return b == null ? Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "no brackets"))
                : Future.succeededFuture(b);
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        requests.add("premiumIndex " + symbol);
        Double mark = marks.get(symbol);
        return mark == null ? Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "no mark"))
                : Future.succeededFuture(new PremiumIndex(symbol, mark, mark, mark, 0.0001, 0.0001, Fixtures.T0,
                Fixtures.T0));
    }

    // ---------------------------------------------------------------- not used by the risk plugin

    private <T> Future<T> unused(String method) {
        requests.add(method);
        return Future.failedFuture(new UnsupportedOperationException("the risk plugin should not call " + method));
    }

    @Override
    public Future<Long> serverTime() {
        return unused("serverTime");
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return unused("klinesByTime");
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return unused("orderBook");
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
}
