package io.marketintel.plugin.liquidations.internal;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A MarketData that answers fixed data, already completed, and records every request
 * ({@code "premiumIndex BTCUSDT"}, {@code "openInterestHistory BTCUSDT H1 49"}, …). Series honour
 * {@code limit} like Binance: the newest {@code limit} points.
 */
class FakeMarketData implements MarketData {

    final List<String> requests = new ArrayList<>();

    SymbolInfo symbolInfo = Fixtures.btcInfo();
    PremiumIndex premium;
    OpenInterest openInterest;
    List<OpenInterestPoint> oiHistory = List.of();
    List<Kline> klines = List.of();
    final Map<RatioSeries, List<LongShortRatio>> ratios = new EnumMap<>(RatioSeries.class);
    List<LeverageBracket> brackets = List.of();
    /** When set, openInterestHistory fails with it. */
    Throwable historyFailure;

    @Override
    public String source() {
        return "fake";
    }

    int count(String method) {
        return (int) requests.stream().filter(r -> r.equals(method) || r.startsWith(method + " ")).count();
    }

    private static <T> List<T> newest(List<T> series, int limit) {
        return List.copyOf(series.subList(Math.max(0, series.size() - limit), series.size()));
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        requests.add("exchangeInfo");
        return Future.succeededFuture(new ExchangeInfo(Fixtures.T0, List.of(), List.of(symbolInfo)));
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        requests.add("premiumIndex " + symbol);
        return premium == null ? Future.failedFuture(new IllegalStateException("fake has no premium index"))
                : Future.succeededFuture(premium);
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        requests.add("openInterest " + symbol);
        return Future.succeededFuture(openInterest);
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        requests.add("openInterestHistory " + symbol + " " + period + " " + limit);
        if (historyFailure != null) {
            return Future.failedFuture(historyFailure);
        }
        return Future.succeededFuture(newest(oiHistory, limit));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        requests.add("klines " + symbol + " " + interval + " " + limit);
        return Future.succeededFuture(newest(klines, limit));
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        requests.add("longShortRatio " + symbol + " " + series + " " + period + " " + limit);
        return Future.succeededFuture(newest(ratios.getOrDefault(series, List.of()), limit));
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        requests.add("leverageBrackets " + symbol);
        return Future.succeededFuture(brackets);
    }

    // ---------------------------------------------------------------- not used by the liquidations plugin

    private <T> Future<T> unused(String method) {
        requests.add(method);
        return Future.failedFuture(new UnsupportedOperationException("the liquidations plugin should not call " + method));
    }

    @Override
    public Future<Long> serverTime() {
        return unused("serverTime");
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return unused("klines(range)");
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
