package io.marketintel.plugin.orderbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-made order books. Prices go through BigDecimal so that 99.90 built twice is the same double. */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    /** 2024-08-08T23:54:16Z, the time of the real snapshot. */
    static final long T0 = Instant.parse("2024-08-08T23:54:16Z").toEpochMilli();

    private Fixtures() {
    }

    /** Exchange info listing BTCUSDT (base BTC, quote USDT). */
    static ExchangeInfo exchangeInfo() {
        return new ExchangeInfo(T0, List.of(), List.of(new SymbolInfo(BTC, BTC, "PERPETUAL", "TRADING", "BTC", "USDT",
                "USDT", 2, 3, new BigDecimal("0.10"), new BigDecimal("556.80"), new BigDecimal("4529764"),
                new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("1000"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("120"), new BigDecimal("100"))));
    }

    /** A market listing BTCUSDT ({@link #exchangeInfo()}), with no book yet. */
    static FakeMarketData market() {
        return market(new FakeMarketData());
    }

    /** {@code m} listing BTCUSDT ({@link #exchangeInfo()}). */
    static <M extends FakeMarketData> M market(M m) {
        m.exchangeInfo(exchangeInfo());
        return m;
    }

    /** A context for the order book plugin on {@code market}, at {@link #T0}. */
    static FakePluginContext context(PluginDescriptor descriptor, FakeMarketData market) {
        return new FakePluginContext(descriptor, OrderBookSettings.defaultParams(), market).clockAt(T0);
    }

    /** A book being written by hand: price → quantity per side, printed best first. */
    static final class Book {
        private final TreeMap<BigDecimal, Double> bids = new TreeMap<>(Comparator.reverseOrder());
        private final TreeMap<BigDecimal, Double> asks = new TreeMap<>();
        private long updateId = 1;

        /** {@code n} levels of {@code qty} a side, {@code step} apart, the best ones {@code step} from {@code mid}. */
        Book ladder(String mid, String step, int n, double qty) {
            BigDecimal m = new BigDecimal(mid);
            BigDecimal s = new BigDecimal(step);
            for (int i = 1; i <= n; i++) {
                bids.put(m.subtract(s.multiply(BigDecimal.valueOf(i))), qty);
                asks.put(m.add(s.multiply(BigDecimal.valueOf(i))), qty);
            }
            return this;
        }

        /** Sets a bid level; quantity 0 removes it. */
        Book bid(String price, double qty) {
            put(bids, price, qty);
            return this;
        }

        /** Sets an ask level; quantity 0 removes it. */
        Book ask(String price, double qty) {
            put(asks, price, qty);
            return this;
        }

        /** Removes every bid above {@code price} (the price fell). */
        Book bidsBelow(String price) {
            bids.headMap(new BigDecimal(price), true).clear();
            return this;
        }

        /** Removes every ask beyond {@code price} (less depth in view). */
        Book asksUpTo(String price) {
            asks.tailMap(new BigDecimal(price), false).clear();
            return this;
        }

        Book copy() {
            Book b = new Book();
            b.bids.putAll(bids);
            b.asks.putAll(asks);
            b.updateId = updateId;
            return b;
        }

        private static void put(Map<BigDecimal, Double> side, String price, double qty) {
            if (qty == 0) {
                side.remove(new BigDecimal(price));
            } else {
                side.put(new BigDecimal(price), qty);
            }
        }

        OrderBook build(long time) {
            return new OrderBook(BTC, updateId++, time + 8, time, levels(bids), levels(asks));
        }

        private static List<PriceLevel> levels(Map<BigDecimal, Double> side) {
            List<PriceLevel> out = new ArrayList<>();
            side.forEach((p, q) -> out.add(new PriceLevel(p.doubleValue(), q)));
            return out;
        }
    }

    static Book book() {
        return new Book();
    }

    /** Snapshot and walls of {@code book} as the plugin makes them. */
    static BookSnapshot snapshot(OrderBook book, OrderBookSettings s) {
        return BookSnapshot.of(book, s.depthLimit(), book.transactionTime());
    }

    /** The analysis of a single snapshot without history. */
    static AnalysisResult analyzeAlone(OrderBook book, OrderBookSettings s) {
        BookSnapshot snap = snapshot(book, s);
        DetectedWalls walls = DetectedWalls.detect(snap, s.wallMultiplier());
        return OrderBookAnalysis.analyze(snap, walls, WallTracker.Observation.none(snap, walls), s,
                new OrderBookAnalysis.Units("BTC", "USDT"), "fake");
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
