package io.marketintel.plugin.orderrouting.internal;

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
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A market whose exchange info, book and 1-minute klines the test sets; it counts book reads. */
final class FakeMarketData implements MarketData {

    private final Clock clock;
    private final List<SymbolInfo> symbols;
    private volatile OrderBook book;
    private volatile List<Kline> klines = List.of();
    volatile int bookReads;

    FakeMarketData(Clock clock, SymbolInfo... symbols) {
        this.clock = clock;
        this.symbols = List.of(symbols);
    }

    /** Sets the book of the (first) symbol: {@code bids} and {@code asks} as {price, quantity} pairs, best first. */
    void book(double[][] bids, double[][] asks) {
        this.book = new OrderBook(symbols.get(0).symbol(), 1, clock.millis(), clock.millis(), levels(bids), levels(asks));
    }

    void klines(List<Kline> closedThenForming) {
        this.klines = List.copyOf(closedThenForming);
    }

    static List<PriceLevel> levels(double[][] pairs) {
        List<PriceLevel> out = new ArrayList<>();
        for (double[] p : pairs) {
            out.add(new PriceLevel(p[0], p[1]));
        }
        return out;
    }

    @Override
    public String source() {
        return "fake";
    }

    @Override
    public Future<Long> serverTime() {
        return Future.succeededFuture(clock.millis());
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        return Future.succeededFuture(new ExchangeInfo(clock.millis(), List.of(), symbols));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        List<Kline> k = klines;
        return Future.succeededFuture(k.subList(Math.max(0, k.size() - limit), k.size()));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return klines(symbol, interval, limit);
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        bookReads++;
        OrderBook b = book;
        if (b == null || !b.symbol().equals(symbol)) {
            return Future.failedFuture(IntelException.unknownSymbol(symbol));
        }
        return Future.succeededFuture(new OrderBook(b.symbol(), b.lastUpdateId(), clock.millis(), clock.millis(),
                b.bids().subList(0, Math.min(limit, b.bids().size())), b.asks().subList(0, Math.min(limit, b.asks().size()))));
    }

    private static <T> Future<T> none() {
        return Future.failedFuture(new UnsupportedOperationException("not in this fake market"));
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        return none();
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        return none();
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return none();
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return none();
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return none();
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return none();
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return none();
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        return none();
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        return none();
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return none();
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return none();
    }
}
