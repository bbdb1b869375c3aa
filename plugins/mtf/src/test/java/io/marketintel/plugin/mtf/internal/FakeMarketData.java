package io.marketintel.plugin.mtf.internal;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A MarketData that answers fixed klines per interval, already completed, and records every request
 * ({@code "klines BTCUSDT H1 <start> <end> 499"}). Range requests are answered like Binance: the candles whose open
 * time lies in {@code [start, end]}, at most {@code limit} counted from {@code start}. A <em>sloppy</em> fake ignores
 * the range and answers the newest {@code limit} candles it holds, the forming one included, as a market that does
 * not honour {@code endTime} (or a cache that kept an older answer) would.
 */
class FakeMarketData implements MarketData {

    final List<String> requests = new ArrayList<>();
    final Map<Interval, List<Kline>> klines = new EnumMap<>(Interval.class);
    /** Answer range requests with the newest candles, ignoring the range. */
    boolean sloppy;
    /** When set, range kline requests of this interval fail with {@link #failure}. */
    Interval failing;
    Throwable failure;

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
        if (interval == failing) {
            return Future.failedFuture(failure);
        }
        List<Kline> all = klines.getOrDefault(interval, List.of());
        if (sloppy) {
            return Future.succeededFuture(List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size())));
        }
        List<Kline> out = new ArrayList<>();
        for (Kline k : all) {
            if (k.openTime() >= startTime && k.openTime() <= endTime && out.size() < limit) {
                out.add(k);
            }
        }
        return Future.succeededFuture(List.copyOf(out));
    }

    // ---------------------------------------------------------------- not used by the mtf plugin

    private <T> Future<T> unused(String method) {
        requests.add(method);
        return Future.failedFuture(new UnsupportedOperationException("the mtf plugin should not call " + method));
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
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return unused("leverageBrackets");
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
