package io.marketintel.runtime.market.sim;

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
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.api.market.Ticker24h;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The simulated Binance USDⓈ-M market ({@code sim}), the platform's default source: ten perpetuals with
 * Binance's filters and leverage brackets, correlated prices with regimes, order books with walls,
 * funding, open interest and long/short ratios.
 *
 * <p>The market is a pure function of (seed, symbol, time): two instances with equal
 * {@link SimSettings} answer identically at equal clock times, whatever was asked before; caches only
 * remember what has been computed. It starts at {@link SimSettings#genesis()} and moves with the
 * injected {@link Clock}: the last candle of every interval is forming, the book changes every second.
 *
 * <p>Every answer is computed synchronously and quickly (no I/O, no sleeping) and returned as an already
 * completed {@link Future}; instances are thread-safe.
 */
public final class SimulatedMarket implements MarketData {

    /** Largest {@code limit} of klines. */
    public static final int MAX_KLINES = 1500;
    /** Largest {@code limit} of funding history. */
    public static final int MAX_FUNDING = 1000;
    /** Largest {@code limit} of the statistics endpoints. */
    public static final int MAX_STATISTICS = 500;
    private static final List<Integer> DEPTH_LIMITS = List.of(5, 10, 20, 50, 100, 500, 1000);

    private final SimSettings settings;
    private final Clock clock;
    private final long genesis;
    private final Map<String, SymbolModel> models;
    private final List<SymbolInfo> infos;

    /**
     * @param settings seed and shape of the market
     * @param clock    the market's time; tests pass a clock they move by hand
     */
    public SimulatedMarket(SimSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.genesis = settings.genesis().toEpochMilli();
        Map<String, SymbolModel> map = new LinkedHashMap<>();
        List<SymbolInfo> list = new ArrayList<>();
        for (SymbolSpec spec : SymbolTable.all()) {
            map.put(spec.symbol(), new SymbolModel(spec, settings));
            list.add(spec.info());
        }
        this.models = Collections.unmodifiableMap(map);
        this.infos = List.copyOf(list);
    }

    /** The settings this market was built with. */
    public SimSettings settings() {
        return settings;
    }

    /** Listed symbols, in listing order. */
    public List<String> symbols() {
        return List.copyOf(models.keySet());
    }

    /**
     * The regime of {@code symbol} at {@code time} (the genesis regime before genesis).
     *
     * @throws IntelException UNKNOWN_SYMBOL for a symbol the market does not list
     */
    public Regime regime(String symbol, long time) {
        SymbolModel m = model(symbol);
        int hour = m.candles.hourOf(Math.max(time, genesis));
        return m.path.upTo(hour).regime(hour);
    }

    /**
     * Precomputes everything from genesis to the clock's now (about half a second of CPU for ten
     * symbols two years after genesis) so that no later request pays for a cold history. Blocking:
     * call it on a worker thread (e.g. at boot), never on an event loop. Answers do not change.
     */
    public void warmUp() {
        long now = clock.millis();
        for (SymbolModel m : models.values()) {
            m.candles.warmUp(now);
        }
    }

    @Override
    public String source() {
        return "sim";
    }

    @Override
    public Future<Long> serverTime() {
        return Future.succeededFuture(clock.millis());
    }

    @Override
    public Future<ExchangeInfo> exchangeInfo() {
        return Future.succeededFuture(new ExchangeInfo(clock.millis(), SymbolTable.RATE_LIMITS, infos));
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, int limit) {
        return answer(symbol, m -> {
            requireInterval(interval);
            checkRange("limit", limit, 1, MAX_KLINES);
            long now = clock.millis();
            if (now < genesis) {
                return List.of();
            }
            long last = interval.openTimeOf(now);
            long first = Math.max(last - (long) (limit - 1) * interval.millis(), interval.openTimeOf(genesis));
            return m.candles.candles(interval, first, last, now);
        });
    }

    @Override
    public Future<List<Kline>> klines(String symbol, Interval interval, long startTime, long endTime, int limit) {
        return answer(symbol, m -> {
            requireInterval(interval);
            checkRange("limit", limit, 1, MAX_KLINES);
            if (startTime > endTime) {
                throw IntelException.invalidParameter("startTime", "parameter [startTime] must not be after "
                        + "[endTime], was " + startTime + " > " + endTime);
            }
            long now = clock.millis();
            long first = interval.openTimeOf(startTime);
            if (first < startTime) {
                first += interval.millis();
            }
            first = Math.max(first, interval.openTimeOf(genesis));
            long last = Math.min(endTime, interval.openTimeOf(now));
            last = Math.min(last, first + (long) (limit - 1) * interval.millis());
            if (now < genesis || last < first) {
                return List.of();
            }
            return m.candles.candles(interval, first, last, now);
        });
    }

    @Override
    public Future<OrderBook> orderBook(String symbol, int limit) {
        return answer(symbol, m -> {
            if (!DEPTH_LIMITS.contains(limit)) {
                throw IntelException.invalidParameter("limit", "parameter [limit] must be one of " + DEPTH_LIMITS
                        + ", was " + limit);
            }
            return m.book.book(clock.millis(), limit);
        });
    }

    @Override
    public Future<PremiumIndex> premiumIndex(String symbol) {
        return answer(symbol, m -> m.derivatives.premiumIndex(clock.millis()));
    }

    @Override
    public Future<List<PremiumIndex>> premiumIndexAll() {
        long now = clock.millis();
        List<PremiumIndex> out = new ArrayList<>(models.size());
        for (SymbolModel m : models.values()) {
            out.add(m.derivatives.premiumIndex(now));
        }
        return Future.succeededFuture(out);
    }

    @Override
    public Future<List<FundingRate>> fundingRateHistory(String symbol, int limit) {
        return answer(symbol, m -> {
            checkRange("limit", limit, 1, MAX_FUNDING);
            return m.derivatives.fundingHistory(clock.millis(), limit);
        });
    }

    @Override
    public Future<OpenInterest> openInterest(String symbol) {
        return answer(symbol, m -> m.derivatives.openInterest(clock.millis()));
    }

    @Override
    public Future<List<OpenInterestPoint>> openInterestHistory(String symbol, Period period, int limit) {
        return answer(symbol, m -> {
            requirePeriod(period);
            checkRange("limit", limit, 1, MAX_STATISTICS);
            return m.derivatives.openInterestHistory(period, clock.millis(), limit);
        });
    }

    @Override
    public Future<List<LongShortRatio>> longShortRatio(String symbol, RatioSeries series, Period period, int limit) {
        return answer(symbol, m -> {
            if (series == null) {
                throw IntelException.invalidParameter("series", "parameter [series] is missing");
            }
            requirePeriod(period);
            checkRange("limit", limit, 1, MAX_STATISTICS);
            return m.derivatives.longShortRatio(series, period, clock.millis(), limit);
        });
    }

    @Override
    public Future<List<TakerVolumeRatio>> takerBuySellRatio(String symbol, Period period, int limit) {
        return answer(symbol, m -> {
            requirePeriod(period);
            checkRange("limit", limit, 1, MAX_STATISTICS);
            return m.derivatives.takerRatio(period, clock.millis(), limit);
        });
    }

    @Override
    public Future<Ticker24h> ticker24h(String symbol) {
        return answer(symbol, m -> ticker(m, clock.millis()));
    }

    @Override
    public Future<List<Ticker24h>> tickers24h() {
        long now = clock.millis();
        List<Ticker24h> out = new ArrayList<>(models.size());
        for (SymbolModel m : models.values()) {
            out.add(ticker(m, now));
        }
        return Future.succeededFuture(out);
    }

    @Override
    public Future<BookTicker> bookTicker(String symbol) {
        return answer(symbol, m -> {
            long now = clock.millis();
            OrderBook book = m.book.book(now, 5);
            PriceLevel bid = book.bids().get(0);
            PriceLevel ask = book.asks().get(0);
            return new BookTicker(symbol, bid.price(), bid.quantity(), ask.price(), ask.quantity(), now);
        });
    }

    @Override
    public Future<List<LeverageBracket>> leverageBrackets(String symbol) {
        return answer(symbol, m -> m.spec.brackets());
    }

    // ---------------------------------------------------------------- for the paper exchange

    /** The symbol's model entry; fails with UNKNOWN_SYMBOL. */
    SymbolSpec spec(String symbol) {
        return model(symbol).spec;
    }

    OrderBook book(String symbol, int limit, long now) {
        return model(symbol).book.book(now, limit);
    }

    double lastPrice(String symbol, long now) {
        return model(symbol).candles.lastPrice(now);
    }

    double markPrice(String symbol, long now) {
        return model(symbol).derivatives.markPrice(now);
    }

    /** {high, low, last} of the trade prices at the one-second marks in {@code (from, to]}, or null. */
    double[] range(String symbol, long from, long to) {
        return model(symbol).candles.range(from, to);
    }

    /**
     * The trade prices, and the mark prices when {@code withMark}, at the one-second marks in {@code (from, to]},
     * in time order; what the paper exchange triggers conditional orders with.
     */
    SecondPrices seconds(String symbol, long from, long to, boolean withMark) {
        SymbolModel m = model(symbol);
        long secFrom = Math.floorDiv(Math.max(from, genesis) - genesis, Candles.SECOND);
        double[] trade = m.candles.secondPrices(from, to);
        double[] mark = null;
        if (withMark) {
            mark = new double[trade.length];
            for (int i = 0; i < trade.length; i++) {
                mark[i] = m.derivatives.markAt(secFrom + 1 + i, trade[i]);
            }
        }
        return new SecondPrices(genesis + (secFrom + 1) * Candles.SECOND, trade, mark);
    }

    // ---------------------------------------------------------------- helpers

    private Ticker24h ticker(SymbolModel m, long now) {
        long minute = Math.floorDiv(now, Candles.MINUTE) * Candles.MINUTE;
        long open = Math.max(minute - 1439 * Candles.MINUTE, genesis);
        Agg acc = new Agg();
        if (now >= genesis) {
            m.candles.aggregate(open, minute + Candles.MINUTE, now, acc);
        }
        double last = m.candles.lastPrice(now);
        if (acc.isEmpty()) {
            return new Ticker24h(m.spec.symbol(), 0, 0, last, last, 0, last, last, last, 0, 0, open, now, 0);
        }
        double change = acc.close - acc.open;
        double percent = Math.rint(change / acc.open * 100_000) / 1000;
        double vwap = acc.volume > 0 ? acc.quoteVolume / acc.volume : acc.close;
        long sec = Math.floorDiv(now - genesis, Candles.SECOND);
        double lastQty = m.candles.roundStep(m.spec.avgTradeNotional() / acc.close
                * Math.exp(Rng.normal(settings.seed(), Rng.LAST_QTY, m.spec.key(), sec, 0)));
        lastQty = Math.max(m.spec.info().minQty().doubleValue(), lastQty);
        return new Ticker24h(m.spec.symbol(), m.candles.roundTick(change), percent, vwap, acc.close, lastQty, acc.open,
                acc.high, acc.low, acc.volume, acc.quoteVolume, open, now, acc.trades);
    }

    private SymbolModel model(String symbol) {
        SymbolModel m = symbol == null ? null : models.get(symbol);
        if (m == null) {
            throw IntelException.unknownSymbol(String.valueOf(symbol));
        }
        return m;
    }

    private <T> Future<T> answer(String symbol, Function<SymbolModel, T> body) {
        try {
            return Future.succeededFuture(body.apply(model(symbol)));
        } catch (IntelException e) {
            return Future.failedFuture(e);
        } catch (RuntimeException e) {
            return Future.failedFuture(new IntelException(ErrorCode.INTERNAL_ERROR,
                    "the simulated market failed to answer for [" + symbol + "]", Map.of(), e));
        }
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw IntelException.invalidParameter(name, "parameter [" + name + "] must be within [" + min + ", "
                    + max + "], was " + value);
        }
    }

    private static void requireInterval(Interval interval) {
        if (interval == null) {
            throw IntelException.invalidParameter("interval", "parameter [interval] is missing");
        }
    }

    private static void requirePeriod(Period period) {
        if (period == null) {
            throw IntelException.invalidParameter("period", "parameter [period] is missing");
        }
    }

    /** Everything the market keeps for one symbol. */
    private static final class SymbolModel {
        final SymbolSpec spec;
        final HourlyPath path;
        final Candles candles;
        final BookGenerator book;
        final DerivativesModel derivatives;

        SymbolModel(SymbolSpec spec, SimSettings settings) {
            this.spec = spec;
            this.path = new HourlyPath(spec, settings);
            this.candles = new Candles(spec, path, settings);
            this.book = new BookGenerator(spec, candles, settings);
            this.derivatives = new DerivativesModel(spec, path, candles, settings);
        }
    }
}
