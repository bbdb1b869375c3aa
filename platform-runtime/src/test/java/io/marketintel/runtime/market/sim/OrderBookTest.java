package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.failure;
import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.BookTicker;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.runtime.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderBookTest {

    private static final String NOW = "2024-06-15T10:20:30Z";

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", "ETHUSDT", "DOGEUSDT", "XRPUSDT", "SOLUSDT", "LTCUSDT"})
    void booksAreWellFormed(String symbol) {
        MutableClock clock = MutableClock.at(NOW);
        SimulatedMarket m = SimTesting.market(clock);
        SymbolInfo info = ok(m.exchangeInfo()).symbol(symbol).orElseThrow();
        for (int i = 0; i < 5; i++) {
            OrderBook book = ok(m.orderBook(symbol, 1000));
            assertThat(book.symbol()).isEqualTo(symbol);
            assertThat(book.bids()).hasSize(1000);
            assertThat(book.asks()).hasSize(1000);
            assertThat(book.eventTime()).isEqualTo(clock.millis());
            assertThat(book.transactionTime()).isBetween(clock.millis() - 100, clock.millis());
            for (int k = 1; k < 1000; k++) {
                assertThat(book.bids().get(k).price()).isLessThan(book.bids().get(k - 1).price());
                assertThat(book.asks().get(k).price()).isGreaterThan(book.asks().get(k - 1).price());
            }
            for (List<PriceLevel> side : List.of(book.bids(), book.asks())) {
                for (PriceLevel level : side) {
                    assertThat(BigDecimal.valueOf(level.price()).remainder(info.tickSize()).signum())
                            .as("price %s on a tick of %s", level.price(), info.tickSize()).isZero();
                    assertThat(BigDecimal.valueOf(level.quantity()).remainder(info.stepSize()).signum()).isZero();
                    assertThat(BigDecimal.valueOf(level.quantity())).isGreaterThanOrEqualTo(info.minQty());
                }
            }
            BigDecimal spread = BigDecimal.valueOf(book.bestAsk()).subtract(BigDecimal.valueOf(book.bestBid()));
            assertThat(spread).isGreaterThanOrEqualTo(info.tickSize());
            assertThat(spread).isLessThan(info.tickSize().multiply(BigDecimal.valueOf(40)));
            // the touch is at the last trade price
            double last = ok(m.klines(symbol, io.marketintel.api.market.Interval.M1, 1)).get(0).close();
            assertThat(last).isBetween(book.bestBid(), book.bestAsk());
            clock.advance(Duration.ofSeconds(7));
        }
    }

    @Test
    void aBtcBookLooksLikeBinances() {
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        OrderBook book = ok(m.orderBook("BTCUSDT", 1000));
        double notional = 0;
        double[] qty = new double[1000];
        for (int i = 0; i < 1000; i++) {
            qty[i] = book.bids().get(i).quantity();
            notional += qty[i] * book.bids().get(i).price();
        }
        java.util.Arrays.sort(qty);
        double mean = notional / 1000 / book.mid();
        // Binance's BTCUSDT depth(1000) of 2024-08-08: mean 0.4 BTC, median about 0.1, spans about 0.25 % a side
        assertThat(mean).isBetween(0.15, 1.2);
        assertThat(qty[500]).isLessThan(mean * 0.7);
        double span = (book.bestBid() - book.bids().get(999).price()) / book.mid();
        assertThat(span).isBetween(0.001, 0.006);
        // sizes fall away from the touch
        double near = 0;
        double far = 0;
        for (int i = 0; i < 100; i++) {
            near += book.bids().get(i).quantity() + book.asks().get(i).quantity();
            far += book.bids().get(900 + i).quantity() + book.asks().get(900 + i).quantity();
        }
        assertThat(near).isGreaterThan(far);
    }

    @Test
    void theBookMovesWithTimeAndUpdateIdsIncrease() {
        MutableClock clock = MutableClock.at(NOW);
        SimulatedMarket m = SimTesting.market(clock);
        OrderBook previous = ok(m.orderBook("ETHUSDT", 100));
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            OrderBook next = ok(m.orderBook("ETHUSDT", 100));
            assertThat(next.lastUpdateId()).isGreaterThan(previous.lastUpdateId());
            assertThat(next.bids()).isNotEqualTo(previous.bids());
            previous = next;
        }
        OrderBook five = ok(m.orderBook("ETHUSDT", 5));
        assertThat(five.bids()).isEqualTo(ok(m.orderBook("ETHUSDT", 1000)).bids().subList(0, 5));
    }

    @Test
    void largeWallsExistAndSomePersistForMinutes() {
        MutableClock clock = MutableClock.at(NOW);
        SimulatedMarket m = SimTesting.market(clock);
        Map<Double, Integer> streak = new HashMap<>();
        int longest = 0;
        boolean bigSeen = false;
        for (int s = 0; s < 60; s++) { // 30 minutes, a snapshot every 30 s
            OrderBook book = ok(m.orderBook("BTCUSDT", 1000));
            double average = average(book);
            Map<Double, Integer> next = new HashMap<>();
            for (List<PriceLevel> side : List.of(book.bids(), book.asks())) {
                for (PriceLevel level : side) {
                    if (level.quantity() >= 3 * average) {
                        bigSeen = true;
                        int run = streak.getOrDefault(level.price(), 0) + 1;
                        next.put(level.price(), run);
                        longest = Math.max(longest, run);
                    }
                }
            }
            streak = next;
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(bigSeen).isTrue();
        assertThat(longest).as("snapshots 30 s apart in which one wall stood").isGreaterThanOrEqualTo(5);
    }

    @Test
    void farWallsAppearAndVanishBetweenSnapshotsSecondsApart() {
        MutableClock clock = MutableClock.at(NOW);
        SimulatedMarket m = SimTesting.market(clock);
        int flickers = 0;
        OrderBook previous = ok(m.orderBook("BTCUSDT", 1000));
        for (int s = 0; s < 150; s++) { // five minutes, every two seconds
            clock.advance(Duration.ofSeconds(2));
            OrderBook next = ok(m.orderBook("BTCUSDT", 1000));
            flickers += vanishedFarWalls(previous.bids(), next.bids(), average(previous));
            flickers += vanishedFarWalls(previous.asks(), next.asks(), average(previous));
            previous = next;
        }
        assertThat(flickers).isGreaterThanOrEqualTo(5);
    }

    /** Levels beyond rank 200 of at least 8 × the average that are gone (or shrank to a third) two seconds later. */
    private static int vanishedFarWalls(List<PriceLevel> before, List<PriceLevel> after, double average) {
        Map<Double, Double> now = new HashMap<>();
        for (PriceLevel l : after) {
            now.put(l.price(), l.quantity());
        }
        double lastAfter = after.get(after.size() - 1).price();
        boolean bids = before.get(0).price() > before.get(1).price();
        int count = 0;
        for (int i = 200; i < before.size(); i++) {
            PriceLevel l = before.get(i);
            boolean stillInRange = bids ? l.price() >= lastAfter : l.price() <= lastAfter;
            if (l.quantity() >= 8 * average && stillInRange && now.getOrDefault(l.price(), 0.0) < l.quantity() / 3) {
                count++;
            }
        }
        return count;
    }

    @Test
    void imbalanceLeansWithTheTrend() {
        MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
        SimulatedMarket m = SimTesting.market(clock);
        double up = 0;
        int ups = 0;
        double down = 0;
        int downs = 0;
        for (int h = 0; h < 24 * 120; h += 3) {
            clock.set(java.time.Instant.parse("2024-01-01T00:30:00Z").plus(Duration.ofHours(h)));
            Regime r = m.regime("BTCUSDT", clock.millis());
            if (!r.trending()) {
                continue;
            }
            OrderBook book = ok(m.orderBook("BTCUSDT", 20));
            double bid = 0;
            double ask = 0;
            for (int i = 0; i < 20; i++) {
                bid += book.bids().get(i).quantity();
                ask += book.asks().get(i).quantity();
            }
            double imbalance = (bid - ask) / (bid + ask);
            if (r == Regime.TREND_UP) {
                up += imbalance;
                ups++;
            } else {
                down += imbalance;
                downs++;
            }
        }
        assertThat(ups).isGreaterThan(20);
        assertThat(downs).isGreaterThan(20);
        assertThat(up / ups).isGreaterThan(down / downs + 0.05);
    }

    @Test
    void bookTickerIsTheTopOfTheBook() {
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        OrderBook book = ok(m.orderBook("SOLUSDT", 5));
        BookTicker top = ok(m.bookTicker("SOLUSDT"));
        assertThat(top.bidPrice()).isEqualTo(book.bestBid());
        assertThat(top.askPrice()).isEqualTo(book.bestAsk());
        assertThat(top.bidQty()).isEqualTo(book.bids().get(0).quantity());
        assertThat(top.askQty()).isEqualTo(book.asks().get(0).quantity());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 30, 200, 1001, 5000})
    void depthLimitsAreBinances(int limit) {
        SimulatedMarket m = SimTesting.market(MutableClock.at(NOW));
        IntelException e = failure(m.orderBook("BTCUSDT", limit));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).contains("[limit]").contains("[5, 10, 20, 50, 100, 500, 1000]");
        assertThat(e.details()).containsEntry("parameter", "limit");
    }

    private static double average(OrderBook book) {
        double sum = 0;
        int n = 0;
        for (List<PriceLevel> side : List.of(book.bids(), book.asks())) {
            for (PriceLevel l : side) {
                sum += l.quantity();
                n++;
            }
        }
        return sum / n;
    }
}
