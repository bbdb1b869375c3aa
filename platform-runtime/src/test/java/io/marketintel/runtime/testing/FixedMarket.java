package io.marketintel.runtime.testing;

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
import io.marketintel.api.market.RateLimit;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A market that lists a fixed set of symbols and answers only exchange info and premium index; the
 * rest fails as an unreachable upstream would. Enough for runtime tests that are about routing,
 * validation and errors, not about market data.
 */
public final class FixedMarket implements MarketData {

    public final AtomicInteger exchangeInfoCalls = new AtomicInteger();
    private final ExchangeInfo info;

    public FixedMarket(String... symbols) {
        this.info = new ExchangeInfo(0L, List.of(new RateLimit("REQUEST_WEIGHT", "MINUTE", 1, 2400)),
                java.util.Arrays.stream(symbols).map(FixedMarket::symbol).toList());
    }

    private static SymbolInfo symbol(String s) {
        BigDecimal tick = new BigDecimal("0.10");
        BigDecimal step = new BigDecimal("0.001");
        return new SymbolInfo(s, s, "PERPETUAL", "TRADING", s.replace("USDT", ""), "USDT", "USDT", 2, 3,
                tick, tick, new BigDecimal("1000000"), step, step, new BigDecimal("1000"), step, step,
                new BigDecimal("100"), new BigDecimal("100"));
    }

    private static <T> Future<T> unavailable() {
        return Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "fixed test market has no such data"));
    }

    @Override
    public String source() {
        return "fixed";
    }

    @Override
    public Future<Long> serverTime() {
        return Future.succeededFuture(0L);
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        exchangeInfoCalls.incrementAndGet();
        return Future.succeededFuture(info);
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        return unavailable();
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return unavailable();
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return unavailable();
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        return Future.succeededFuture(new PremiumIndex(symbol, 100, 100, 100, 0.0001, 0.0001, 0, 0));
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        return unavailable();
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return unavailable();
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return unavailable();
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return unavailable();
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return unavailable();
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return unavailable();
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        return unavailable();
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        return unavailable();
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return unavailable();
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return unavailable();
    }
}
