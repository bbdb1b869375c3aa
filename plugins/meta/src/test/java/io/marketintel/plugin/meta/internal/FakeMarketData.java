package io.marketintel.plugin.meta.internal;

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
 * A MarketData that answers fixed klines, already completed, and records every request
 * ({@code "klines BTCUSDT M5 11"}, {@code "klines BTCUSDT M5 <start> <end> 1500"}). Like Binance it answers the
 * newest {@code limit} klines, or those opening within {@code [start, end]}, at most {@code limit} from the start;
 * and it rejects a limit above 1500.
 */
class FakeMarketData implements MarketData {

    final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Klines of every interval asked for, oldest first (the fake does not aggregate). */
    volatile List<Kline> klines = List.of();
    /** When set, klines fail with it. */
    Throwable klinesFailure;

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
        return Future.succeededFuture(new ExchangeInfo(Fixtures.T0, List.of(), List.of()));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        requests.add("klines " + symbol + " " + interval + " " + limit);
        if (limit < 1 || limit > 1500) {
            return Future.failedFuture(new IllegalArgumentException("limit " + limit + " outside Binance's 1..1500"));
        }
        if (klinesFailure != null) {
            return Future.failedFuture(klinesFailure);
        }
        return Future.succeededFuture(List.copyOf(klines.subList(Math.max(0, klines.size() - limit), klines.size())));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        requests.add("klines " + symbol + " " + interval + " " + startTime + " " + endTime + " " + limit);
        if (limit < 1 || limit > 1500) {
            return Future.failedFuture(new IllegalArgumentException("limit " + limit + " outside Binance's 1..1500"));
        }
        if (klinesFailure != null) {
            return Future.failedFuture(klinesFailure);
        }
        List<Kline> out = new ArrayList<>();
        for (Kline k : klines) {
            if (k.openTime() >= startTime && k.openTime() <= endTime && out.size() < limit) {
                out.add(k);
            }
        }
        return Future.succeededFuture(out);
    }

    // ---------------------------------------------------------------- not used by the meta plugin

    private <T> Future<T> unused(String method) {
        requests.add(method);
        return Future.failedFuture(new UnsupportedOperationException("the meta plugin should not call " + method));
    }

    @Override
    public Future<Long> serverTime() {
        return unused("serverTime");
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return unused("orderBook");
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
