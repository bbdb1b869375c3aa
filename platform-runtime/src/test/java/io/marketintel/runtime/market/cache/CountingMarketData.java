package io.marketintel.runtime.market.cache;

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
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake upstream that counts its calls. Answers succeed at once by default; {@link Mode#FAIL} fails them,
 * {@link Mode#PENDING} leaves them open until the test completes {@link #pending}.
 */
class CountingMarketData implements MarketData {

    enum Mode { SUCCEED, FAIL, PENDING }

    volatile Mode mode = Mode.SUCCEED;
    final List<Promise<Object>> pending = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    int totalCalls() {
        return total.get();
    }

    @SuppressWarnings("unchecked")
    private <T> Future<T> answer(String method, T value) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        return switch (mode) {
            case SUCCEED -> Future.succeededFuture(value);
            case FAIL -> Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE, "upstream is down"));
            case PENDING -> {
                Promise<Object> p = Promise.promise();
                pending.add(p);
                yield (Future<T>) p.future();
            }
        };
    }

    @Override
    public String source() {
        return "counting";
    }

    @Override
    public Future<Long> serverTime() {
        return answer("serverTime", 1_700_000_000_000L + total.get());
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        return answer("exchangeInfo", new ExchangeInfo(1L, List.of(), List.of()));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        List<Kline> klines = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, 3); i++) {
            klines.add(new Kline(i * interval.millis(), 1, 2, 0.5, 1.5, 10, (i + 1) * interval.millis() - 1, 15, 3, 5, 7));
        }
        return answer("klines", klines);
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return answer("klinesRange", new ArrayList<>(List.of(new Kline(startTime, 1, 2, 0.5, 1.5, 10,
                startTime + interval.millis() - 1, 15, 3, 5, 7))));
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return answer("orderBook", new OrderBook(symbol, limit, 1L, 1L, List.of(new PriceLevel(99, 1)),
                List.of(new PriceLevel(101, 1))));
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        return answer("premiumIndex", new PremiumIndex(symbol, 100, 100, 100, 0.0001, 0.0001, 2L, 1L));
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        return answer("premiumIndexAll", new ArrayList<>(List.of(new PremiumIndex("BTCUSDT", 100, 100, 100, 0.0001,
                0.0001, 2L, 1L))));
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return answer("fundingRateHistory", new ArrayList<>(List.of(new FundingRate(symbol, 0.0001, 1L, 100))));
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return answer("openInterest", new OpenInterest(symbol, 1000, 1L));
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return answer("openInterestHistory", new ArrayList<>(List.of(new OpenInterestPoint(symbol, 1, 100, 1L))));
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return answer("longShortRatio", new ArrayList<>(List.of(new LongShortRatio(symbol, 1.5, 0.6, 0.4, 1L))));
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return answer("takerBuySellRatio", new ArrayList<>(List.of(new TakerVolumeRatio(1.2, 12, 10, 1L))));
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        return answer("ticker24h", new Ticker24h(symbol, 1, 1, 100, 101, 1, 100, 102, 99, 1000, 100000, 0L, 1L, 10));
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        return answer("tickers24h", new ArrayList<>(List.of(new Ticker24h("BTCUSDT", 1, 1, 100, 101, 1, 100, 102,
                99, 1000, 100000, 0L, 1L, 10))));
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return answer("bookTicker", new BookTicker(symbol, 99, 1, 101, 1, 1L));
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return answer("leverageBrackets", new ArrayList<>(List.of(new LeverageBracket(1, 125, 50_000, 0, 0.004, 0))));
    }
}
