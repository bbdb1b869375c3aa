package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Side;
import io.marketintel.runtime.MutableClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several event-loop threads share one market and one exchange. */
class ConcurrencyTest {

    private static final String NOW = "2024-08-20T16:45:12Z";

    @Test
    void concurrentColdQuestionsGetTheSequentialAnswers() throws Exception {
        SimulatedMarket shared = SimTesting.market(MutableClock.at(NOW));
        SimulatedMarket reference = SimTesting.market(MutableClock.at(NOW));
        List<String> symbols = shared.symbols();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String symbol = symbols.get(i % symbols.size());
                Interval interval = Interval.values()[i % Interval.values().length];
                int kind = i % 3;
                answers.add(pool.submit((Callable<Object>) () -> switch (kind) {
                    case 0 -> ok(shared.klines(symbol, interval, 700));
                    case 1 -> ok(shared.orderBook(symbol, 500));
                    default -> ok(shared.fundingRateHistory(symbol, 300));
                }));
            }
            for (int i = 0; i < answers.size(); i++) {
                String symbol = symbols.get(i % symbols.size());
                Interval interval = Interval.values()[i % Interval.values().length];
                Object expected = switch (i % 3) {
                    case 0 -> ok(reference.klines(symbol, interval, 700));
                    case 1 -> ok(reference.orderBook(symbol, 500));
                    default -> ok(reference.fundingRateHistory(symbol, 300));
                };
                assertThat(answers.get(i).get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentOrdersAreAllBookedOnceEach() throws Exception {
        MutableClock clock = MutableClock.at(NOW);
        SimulatedMarket market = SimTesting.market(clock);
        PaperExchange exchange = new PaperExchange(market, clock, new BigDecimal("1000000"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Order>> placed = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "o-" + (i % 100); // every id twice
                placed.add(pool.submit(() -> ok(exchange.placeOrder(
                        OrderRequest.market("ETHUSDT", Side.BUY, new BigDecimal("0.010"), false, id)))));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Order> f : placed) {
                ids.add(f.get().orderId());
            }
            assertThat(ids).hasSize(100);
            assertThat(ok(exchange.positions()).get(0).positionAmt()).isEqualByComparingTo("1.000");
        } finally {
            pool.shutdownNow();
        }
        OrderBook book = ok(market.orderBook("ETHUSDT", 5));
        assertThat(book.bids()).isNotEmpty();
        List<Kline> k = ok(market.klines("ETHUSDT", Interval.M1, 2));
        assertThat(k).hasSize(2);
    }
}
