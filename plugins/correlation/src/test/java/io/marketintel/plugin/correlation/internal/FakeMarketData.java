package io.marketintel.plugin.correlation.internal;

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
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A MarketData holding fixed klines per symbol that answers like Binance's {@code /fapi/v1/klines} with a time range
 * (open times within {@code [startTime, endTime]}, at most {@code limit} from the start) and records every request
 * ({@code "klines BTCUSDT H1 <start> <end> 100"}). With {@link #hold} set, answers stay pending until
 * {@link #releaseNext()}, so tests can count requests in flight.
 */
class FakeMarketData implements MarketData {

    final List<String> requests = new ArrayList<>();
    final Map<String, List<Kline>> klines = new HashMap<>();
    /** Symbols whose klines request fails with the given error. */
    final Map<String, Throwable> failures = new HashMap<>();
    /** When true, klines answers are held until released. */
    boolean hold;
    final List<Runnable> pending = new ArrayList<>();
    int inFlight;
    int maxInFlight;
    /** When true, ranges are ignored: the whole series is answered, forming candles included (a careless market). */
    boolean ignoreRange;

    @Override
    public String source() {
        return "fake";
    }

    int count(String method) {
        return (int) requests.stream().filter(r -> r.equals(method) || r.startsWith(method + " ")).count();
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        requests.add("klines " + symbol + " " + interval + " " + startTime + " " + endTime + " " + limit);
        if (failures.containsKey(symbol)) {
            return Future.failedFuture(failures.get(symbol));
        }
        List<Kline> all = klines.getOrDefault(symbol, List.of());
        List<Kline> out = new ArrayList<>();
        for (Kline k : all) {
            if (ignoreRange || (k.openTime() >= startTime && k.openTime() <= endTime && out.size() < limit)) {
                out.add(k);
            }
        }
        if (!hold) {
            return Future.succeededFuture(out);
        }
        Promise<List<Kline>> p = Promise.promise();
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        pending.add(() -> {
            inFlight--;
            p.complete(out);
        });
        return p.future();
    }

    /** Answers the oldest held request. */
    void releaseNext() {
        pending.remove(0).run();
    }

    // ---------------------------------------------------------------- not used by the correlation plugin

    private <T> Future<T> unused(String method) {
        requests.add(method);
        return Future.failedFuture(new UnsupportedOperationException("the correlation plugin should not call " + method));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        return unused("klines(limit)");
    }

    @Override
    public Future<Long> serverTime() {
        return unused("serverTime");
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        return unused("exchangeInfo");
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
