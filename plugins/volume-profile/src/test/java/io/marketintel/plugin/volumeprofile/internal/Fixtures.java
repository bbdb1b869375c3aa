package io.marketintel.plugin.volumeprofile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made market records. 5-minute candles start at {@link #T0}. */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    /** 2024-08-08T00:00:00Z. */
    static final long T0 = Instant.parse("2024-08-08T00:00:00Z").toEpochMilli();
    static final long M5 = Interval.M5.millis();

    private Fixtures() {
    }

    /** {@code m} with exchange info listing {@code info} alone. */
    static <M extends FakeMarketData> M listing(M m, SymbolInfo info) {
        m.exchangeInfo(new ExchangeInfo(T0, List.of(), List.of(info)));
        return m;
    }

    /** A context for the volume profile plugin on {@code market}, at {@link #T0}. */
    static FakePluginContext context(PluginDescriptor descriptor, FakeMarketData market) {
        return new FakePluginContext(descriptor, ProfileSettings.defaultParams(), market).clockAt(T0);
    }

    /** A symbol with the given tick size (as exchange info lists it). */
    static SymbolInfo symbol(String name, String tick) {
        return new SymbolInfo(name, name, "PERPETUAL", "TRADING", name.replace("USDT", ""), "USDT", "USDT", 2, 3,
                new BigDecimal(tick), new BigDecimal(tick), new BigDecimal("4529764"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("1000"), new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("120"), new BigDecimal("100"));
    }

    /** The 5m candle number {@code i} (open at {@code T0 + i·5m}). */
    static Kline candle(int i, double open, double high, double low, double close, double volume) {
        long openTime = T0 + i * M5;
        return new Kline(openTime, open, high, low, close, volume, openTime + M5 - 1, volume * close, 100,
                volume / 2, volume * close / 2);
    }

    /**
     * The hand-made set (tick 1, bin_count 10): the range 100 – 110 splits into ten bins of 1 ({@code 10 / 10 = 1}
     * tick), bin {@code i} = {@code [100 + i, 101 + i)}. Each candle's volume is spread uniformly over its range:
     * <pre>
     * candle  low–high   volume  adds to bins
     * 0       100–110    100     +10 to each of bins 0..9
     * 1       104–106     60     +30 to bins 4 and 5
     * 2       105–105      8     zero range: all 8 to bin 5 (105 is the lower edge of [105, 106))
     * 3       102–108     36     +6 to bins 2..7
     * 4       103–107     20     +5 to bins 3..6
     * 5       101–103      4     +2 to bins 1 and 2
     * 6       108–110      2     +1 to bins 8 and 9
     * 7..9    105–105      0     nothing (quiet candles, so the set fills the minimum lookback of 10)
     *
     * bin     0   1   2   3   4   5   6   7   8   9   total
     * price  100 101 102 103 104 105 106 107 108 109
     * volume  10  12  18  21  51  59  21  16  11  11   230
     * </pre>
     * POC: bin 5 (59 = 25.65 %), price 105.5 (bin centre). Value area, target 70 % of 230 = 161, from the POC:
     * <pre>
     * step  area  above (next two)       below (next two)       added         area after
     * 1     59    bins 6,7 = 21+16 = 37  bins 4,3 = 51+21 = 72  below (72)    131
     * 2     131   bins 6,7 = 37          bins 2,1 = 18+12 = 30  above (37)    168 ≥ 161: stop
     * </pre>
     * Value area: bins 3..7, VAL 103, VAH 108, 168 / 230 = 73.04 %. Mean bin volume 23: HVN above 34.5 → bins 4–5
     * (one node, peak = POC); LVN below 11.5 → bin 0 (10) and bins 8–9 (11 each, peak bin 8).
     */
    static List<Kline> handMade() {
        List<Kline> k = new ArrayList<>();
        k.add(candle(0, 105, 110, 100, 105, 100));
        k.add(candle(1, 105, 106, 104, 105, 60));
        k.add(candle(2, 105, 105, 105, 105, 8));
        k.add(candle(3, 105, 108, 102, 105, 36));
        k.add(candle(4, 105, 107, 103, 105, 20));
        k.add(candle(5, 102, 103, 101, 102, 4));
        k.add(candle(6, 109, 110, 108, 109, 2));
        k.add(candle(7, 105, 105, 105, 105, 0));
        k.add(candle(8, 105, 105, 105, 105, 0));
        k.add(candle(9, 105, 105, 105, 105, 0));
        return k;
    }

    /** Highs, lows and volumes of {@code klines}. */
    static double[][] arrays(List<Kline> klines) {
        return new double[][] {Kline.highs(klines), Kline.lows(klines), Kline.volumes(klines)};
    }

    /** The profile of {@code klines} with the given tick, bin count and the default 70 / 150 / 50 %. */
    static Profile profile(List<Kline> klines, String tick, int binCount) {
        double[][] a = arrays(klines);
        return Profile.of(a[0], a[1], a[2], 0, klines.size(), new BigDecimal(tick), binCount, 70, 150, 50)
                .orElseThrow();
    }

    /** {@code klines} with every price moved by {@code delta}. */
    static List<Kline> shifted(List<Kline> klines, double delta) {
        List<Kline> out = new ArrayList<>();
        for (Kline k : klines) {
            out.add(new Kline(k.openTime(), k.open() + delta, k.high() + delta, k.low() + delta, k.close() + delta,
                    k.volume(), k.closeTime(), k.quoteVolume(), k.trades(), k.takerBuyBaseVolume(),
                    k.takerBuyQuoteVolume()));
        }
        return out;
    }

    /** {@code klines} renumbered to start at candle {@code first}. */
    static List<Kline> renumbered(List<Kline> klines, int first) {
        List<Kline> out = new ArrayList<>();
        for (int i = 0; i < klines.size(); i++) {
            Kline k = klines.get(i);
            out.add(candle(first + i, k.open(), k.high(), k.low(), k.close(), k.volume()));
        }
        return out;
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
