package io.marketintel.plugin.tpladder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.market.Ticker24h;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made market records and helpers. Hourly candles start at {@link #T0}. */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    /** 2024-08-08T00:00:00Z. */
    static final long T0 = Instant.parse("2024-08-08T00:00:00Z").toEpochMilli();
    static final long H1 = Interval.H1.millis();

    private Fixtures() {
    }

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /** A BTCUSDT-like symbol: tick 0.1, step 0.001, minQty 0.001, max 1000 (market 120), MIN_NOTIONAL 100. */
    static SymbolInfo btc() {
        return symbol(BTC, "0.1", "0.001", "0.001", "100");
    }

    /** A symbol with the given filters (market lot filters equal to the lot filters, maxQty 1000). */
    static SymbolInfo symbol(String name, String tick, String step, String minQty, String minNotional) {
        return new SymbolInfo(name, name, "PERPETUAL", "TRADING", name.replace("USDT", ""), "USDT", "USDT", 2, 3,
                bd(tick), bd(tick), bd("4529764"), bd(step), bd(minQty), bd("1000"), bd(step), bd(minQty),
                bd("120"), bd(minNotional));
    }

    /**
     * A regime analysis with only what the ladder reads: the regime and the ATR (the other indicators are
     * placeholders, trend UP).
     */
    static RegimeAnalysis analysis(MarketRegime regime, double atr) {
        Indicators ind = new Indicators("1h", 100, T0, 43250, atr, 14, atr / 43250 * 100, 1.0, 30, 25, 15, 14, "UP", 10,
                1.0, 2.0);
        return new RegimeAnalysis(regime, ind, List.of("Regime " + regime));
    }

    /** The hourly candle number {@code i} (open at {@code T0 + i·1h}). */
    static Kline candle(int i, double open, double high, double low, double close) {
        long openTime = T0 + i * H1;
        return new Kline(openTime, open, high, low, close, 100, openTime + H1 - 1, 100 * close, 50, 50, 50 * close);
    }

    /**
     * {@code n} hourly candles of a steady rise: each opens at the previous close, closes 5 higher, high = close + 2.5,
     * low = open − 2.5 (range 10). Every true range is 10 (ATR 10), every up-move of the high is 5 with no down-move
     * (+DI 50, −DI 0, DX 100, ADX 100), and the close rises 50 in 10 bars (momentum +5 ATR).
     */
    static List<Kline> steadyRise(int n, double start) {
        List<Kline> out = new ArrayList<>();
        double open = start;
        for (int i = 0; i < n; i++) {
            double close = open + 5;
            out.add(candle(i, open, close + 2.5, open - 2.5, close));
            open = close;
        }
        return out;
    }

    /**
     * {@code n} hourly candles going nowhere: closes alternate 100 / 104, each candle spans 98 – 106 (range 8, true
     * range 8: both closes lie inside it); highs and lows never change, so there is no directional movement (ADX 0)
     * and the momentum over an even number of bars is 0.
     */
    static List<Kline> flat(int n) {
        List<Kline> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double close = i % 2 == 0 ? 100 : 104;
            out.add(candle(i, i % 2 == 0 ? 104 : 100, 106, 98, close));
        }
        return out;
    }

    /**
     * The market the operation tests read: exchange info of {@link #btc()}, BTCUSDT marked and last traded at 43 250,
     * server time {@link #T0}; klines are the test's to script.
     */
    static FakeMarketData market() {
        return new FakeMarketData()
                .exchangeInfo(new ExchangeInfo(T0, List.of(), List.of(btc())))
                .premiumIndex(markedAt(BTC, 43250))
                .ticker24h(lastAt(BTC, 43250))
                .serverTime(T0);
    }

    /** A premium index of mark (and index and settlement) price {@code mark}, funding 0.01 %. */
    static PremiumIndex markedAt(String symbol, double mark) {
        return new PremiumIndex(symbol, mark, mark, mark, 0.0001, 0.0001, 0, 0);
    }

    /** A 24 h ticker whose last (and average, open, high, low) price is {@code last}. */
    static Ticker24h lastAt(String symbol, double last) {
        return new Ticker24h(symbol, 0, 0, last, last, 0.001, last, last, last, 0, 0, 0, 0, 0);
    }

    /**
     * A context for the tp-ladder plugin on {@code market} and {@code exchange}, the clock 1 ms after the hourly
     * candle 99 closed ({@code T0 + 100 h + 1 ms}); live trading off.
     */
    static FakePluginContext context(PluginDescriptor descriptor, FakeMarketData market, FakeExchange exchange) {
        return new FakePluginContext(descriptor, LadderSettings.defaultParams(), market)
                .clockAt(T0 + 100 * H1 + 1)
                .withExchange(exchange);
    }

    /** The value of an already completed, successful future. */
    static <T> T done(Future<T> f) {
        assertThat(f.isComplete()).as("future completed").isTrue();
        if (f.failed()) {
            throw new AssertionError("expected success, failed with " + f.cause(), f.cause());
        }
        return f.result();
    }

    /** The cause of an already completed, failed future. */
    static Throwable failure(Future<?> f) {
        assertThat(f.isComplete()).as("future completed").isTrue();
        assertThat(f.failed()).as("future failed, result was %s", f.succeeded() ? f.result() : null).isTrue();
        return f.cause();
    }
}
