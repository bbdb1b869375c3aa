package io.marketintel.plugin.liquidations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.LeverageBracket;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made market records. Hourly series start at {@link #T0}. */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    /** 2024-08-08T00:00:00Z. */
    static final long T0 = Instant.parse("2024-08-08T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;

    private Fixtures() {
    }

    /** BTCUSDT exchange info as Binance lists it (tick 0.10, step 0.001). */
    static SymbolInfo btcInfo() {
        return new SymbolInfo(BTC, BTC, "PERPETUAL", "TRADING", "BTC", "USDT", "USDT", 2, 3,
                new BigDecimal("0.10"), new BigDecimal("556.80"), new BigDecimal("4529764"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("1000"), new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("120"), new BigDecimal("100"));
    }

    /** One bracket for every notional, allowing {@code maxLeverage}. */
    static List<LeverageBracket> flatBracket(double mmr, double cum, int maxLeverage) {
        return List.of(new LeverageBracket(1, maxLeverage, 1e18, 0, mmr, cum));
    }

    /** An hourly kline at {@code T0 + hour}, whose VWAP (quote volume / volume) is {@code vwap}. */
    static Kline kline(int hour, double high, double low, double close, double vwap) {
        long open = T0 + hour * HOUR;
        double volume = 100;
        return new Kline(open, close, high, low, close, volume, open + HOUR - 1, vwap * volume, 1000, 50, vwap * 50);
    }

    static OpenInterestPoint oi(int hour, double oi) {
        return new OpenInterestPoint(BTC, oi, oi * 60_000, T0 + hour * HOUR);
    }

    static LongShortRatio ratio(double longShare, long time) {
        return new LongShortRatio(BTC, longShare / (1 - longShare), longShare, 1 - longShare, time);
    }

    static PremiumIndex premium(double mark, long time) {
        return new PremiumIndex(BTC, mark, mark - 5, mark, 0.0001, 0.0001, time + HOUR, time);
    }

    /**
     * A constructed two-day BTCUSDT market ending 30 minutes into hour 48: an hourly close path around
     * 60 000 (a rally to ≈ 62 700, a dip to ≈ 58 900, back to ≈ 61 000), open interest growing from 80 000 BTC
     * with pull-backs, 49 hourly snapshots, 49 klines (the last forming), top traders 56 % long, all accounts
     * 62 % long, and the given brackets.
     */
    static FakeMarketData twoDays(List<LeverageBracket> brackets) {
        return twoDays(brackets, new FakeMarketData());
    }

    /** {@link #twoDays(List)} scripted into {@code m}. */
    static <M extends FakeMarketData> M twoDays(List<LeverageBracket> brackets, M m) {
        market(m);
        List<Kline> klines = new ArrayList<>();
        List<OpenInterestPoint> hist = new ArrayList<>();
        double prevClose = 60_000;
        for (int h = 0; h <= 48; h++) {
            double close = Math.rint((60_000 + 2_200 * Math.sin(h / 8.0) + 25.0 * h) * 10) / 10;
            double open = prevClose;
            double high = Math.max(open, close) + 140;
            double low = Math.min(open, close) - 140;
            double vwap = Math.rint((high + low + 2 * close) / 4 * 10) / 10;
            klines.add(kline(h, high, low, close, vwap));
            hist.add(oi(h, Math.rint(80_000 + 160.0 * h + 1_100 * Math.sin(h / 5.0))));
            prevClose = close;
        }
        long now = T0 + 48 * HOUR + 30 * 60_000L;
        double mark = Math.rint((klines.get(48).close() + 3.4) * 10) / 10;
        m.klines(BTC, klines);
        m.openInterestHistory(BTC, hist);
        m.openInterest(new OpenInterest(BTC, hist.get(48).sumOpenInterest() + 350, now - 1_000));
        m.premiumIndex(premium(mark, now));
        m.longShortRatio(BTC, RatioSeries.TOP_POSITION, List.of(ratio(0.56, T0 + 48 * HOUR)));
        m.longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, List.of(ratio(0.62, T0 + 48 * HOUR)));
        m.leverageBrackets(BTC, brackets);
        return m;
    }

    /** The time {@link #twoDays} ends at. */
    static long twoDaysNow() {
        return T0 + 48 * HOUR + 30 * 60_000L;
    }

    /** A market listing BTCUSDT ({@link #btcInfo()}) and nothing else yet. */
    static FakeMarketData market() {
        return market(new FakeMarketData());
    }

    /** {@code m} listing BTCUSDT ({@link #btcInfo()}). */
    static <M extends FakeMarketData> M market(M m) {
        m.exchangeInfo(new ExchangeInfo(T0, List.of(), List.of(btcInfo())));
        return m;
    }

    /** Inputs of a fake market as the plugin would fetch them with the default settings (missing is absent). */
    static MarketInputs inputs(FakeMarketData m) {
        return new MarketInputs(BTC, m.exchangeInfo().result().symbols().get(0),
                m.premiumIndex(BTC).otherwiseEmpty().result(), m.openInterest(BTC).otherwiseEmpty().result(),
                m.openInterestHistory(BTC, Period.H1, Integer.MAX_VALUE).otherwise(List.of()).result(),
                m.klines(BTC, Interval.H1, FakeMarketData.MAX_KLINES).otherwise(List.of()).result(),
                m.longShortRatio(BTC, RatioSeries.TOP_POSITION, Period.H1, Integer.MAX_VALUE).otherwise(List.of())
                        .result(),
                m.longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, Period.H1, Integer.MAX_VALUE).otherwise(List.of())
                        .result(),
                m.leverageBrackets(BTC).otherwise(List.of()).result());
    }

    /** A context for the liquidations plugin on {@code market}, at {@link #T0}. */
    static FakePluginContext context(PluginDescriptor descriptor, FakeMarketData market) {
        return new FakePluginContext(descriptor, LiquidationSettings.defaultParams(), market).clockAt(T0);
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
