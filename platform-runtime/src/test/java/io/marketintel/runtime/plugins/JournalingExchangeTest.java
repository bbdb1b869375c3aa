package io.marketintel.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Account;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.marketintel.runtime.MutableClock;
import io.marketintel.runtime.store.Database;
import io.marketintel.runtime.store.OrderJournalStore;
import io.marketintel.runtime.store.PlatformSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class JournalingExchangeTest {

    private Database db;
    private OrderJournalStore store;
    private final MutableClock clock = MutableClock.at("2025-03-01T00:00:00Z");
    private final ScriptedExchange exchange = new ScriptedExchange();

    @BeforeEach
    void open(Vertx vertx, @TempDir Path dir) throws Exception {
        db = Database.open(vertx, dir).await(10, TimeUnit.SECONDS);
        store = new OrderJournalStore(db.storageFor(PlatformSchema.OWNER));
    }

    @AfterEach
    void close() throws Exception {
        db.close().await(10, TimeUnit.SECONDS);
    }

    private JournalingExchange journaling(boolean live) {
        return new JournalingExchange("router", exchange, store, clock, () -> live);
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.010"), false, id);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.await(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(Future<?> f) {
        try {
            f.await(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (Exception e) {
            return e instanceof IntelException ? e : e.getCause() != null ? e.getCause() : e;
        }
    }

    @Test
    void theIntentIsCommittedBeforeTheOrderIsSentAndCompletedAfter() throws Exception {
        JournalingExchange j = journaling(false);
        exchange.hold = io.vertx.core.Promise.promise();
        Future<Order> sending = j.placeOrder(buy("ex1-s1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (exchange.placed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // The order is with the exchange, which has not answered: what a crash now would leave is the intent.
        List<JournalEntry> inFlight = await(store.unresolved("router"));
        assertThat(inFlight).singleElement().satisfies(e -> {
            assertThat(e.clientOrderId()).isEqualTo("ex1-s1");
            assertThat(e.state()).isEqualTo(JournalEntry.State.INTENT);
            assertThat(e.request()).contains("\"client_order_id\":\"ex1-s1\"", "\"quantity\":0.01");
        });
        exchange.hold.complete();
        Order order = await(sending);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(exchange.placed).containsExactly("ex1-s1");
        JournalEntry done = await(j.entries("ex1-")).get(0);
        assertThat(done.state()).isEqualTo(JournalEntry.State.DONE);
        assertThat(done.result()).contains("\"status\":\"FILLED\"");
        assertThat(done.paper()).isTrue();
        assertThat(await(j.unresolved())).isEmpty();
    }

    @Test
    void aRefusalIsRejectedAndAnUnclearOutcomeIsUnknown() throws Exception {
        JournalingExchange j = journaling(false);
        exchange.failWith = new IntelException(ErrorCode.INVALID_PARAMETER, "quantity below LOT_SIZE minQty");
        assertThat(failure(j.placeOrder(buy("ex2-s1")))).hasMessageContaining("minQty");
        exchange.failWith = new IntelException(ErrorCode.TIMEOUT, "POST /fapi/v1/order timed out");
        assertThat(failure(j.placeOrder(buy("ex2-s2")))).hasMessageContaining("timed out");
        List<JournalEntry> entries = await(j.entries("ex2-"));
        assertThat(entries).extracting(JournalEntry::state)
                .containsExactly(JournalEntry.State.REJECTED, JournalEntry.State.UNKNOWN);
        assertThat(await(j.unresolved())).extracting(JournalEntry::clientOrderId).containsExactly("ex2-s2");
    }

    @Test
    void reconcilingAsksTheExchangeAndRecordsItsAnswer() throws Exception {
        JournalingExchange j = journaling(false);
        exchange.failWith = new IntelException(ErrorCode.TIMEOUT, "timed out after it reached the exchange");
        exchange.placeDespiteFailure = true;
        failure(j.placeOrder(buy("ex3-s1")));
        exchange.placeDespiteFailure = false;
        failure(j.placeOrder(buy("ex3-s2")));   // timed out before reaching it
        exchange.failWith = null;

        List<JournalEntry> reconciled = await(j.reconcile());
        assertThat(reconciled).extracting(JournalEntry::clientOrderId, JournalEntry::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ex3-s1", JournalEntry.State.DONE),
                org.assertj.core.groups.Tuple.tuple("ex3-s2", JournalEntry.State.REJECTED));
        assertThat(await(j.unresolved())).isEmpty();
    }

    @Test
    void aRealExchangeIsRefusedUnlessLiveTradingIsOnAndNothingIsJournaledOrSent() throws Exception {
        exchange.paper = false;
        Throwable refused = failure(journaling(false).placeOrder(buy("ex4-s1")));
        assertThat(refused).isInstanceOf(IntelException.class).hasMessageContaining("trading.live");
        assertThat(((IntelException) refused).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(exchange.placed).isEmpty();
        assertThat(await(store.byPrefix("router", ""))).isEmpty();
        assertThat(await(journaling(true).placeOrder(buy("ex4-s1"))).status()).isEqualTo(OrderStatus.FILLED);
    }

    /** An exchange whose answers the test scripts. */
    static final class ScriptedExchange implements Exchange {
        boolean paper = true;
        IntelException failWith;
        boolean placeDespiteFailure;
        io.vertx.core.Promise<Void> hold;
        final List<String> placed = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<String, Order> orders = new HashMap<>();

        @Override
        public String name() {
            return paper ? "paper" : "real";
        }

        @Override
        public boolean paper() {
            return paper;
        }

        @Override
        public Future<Order> placeOrder(OrderRequest r) {
            if (failWith != null && !placeDespiteFailure) {
                return Future.failedFuture(failWith);
            }
            Order o = new Order(orders.size() + 1, r.clientOrderId(), r.symbol(), r.side(), OrderType.MARKET,
                    OrderStatus.FILLED, BigDecimal.ZERO, r.quantity(), r.quantity(), new BigDecimal("60000"),
                    r.quantity().multiply(new BigDecimal("60000")), false, 0);
            orders.put(r.clientOrderId(), o);
            placed.add(r.clientOrderId());
            Future<Void> answer = hold == null ? Future.succeededFuture() : hold.future();
            IntelException failure = failWith;
            return answer.compose(v -> failure != null ? Future.<Order>failedFuture(failure) : Future.succeededFuture(o));
        }

        @Override
        public Future<Order> order(String symbol, String clientOrderId) {
            Order o = orders.get(clientOrderId);
            return o != null ? Future.succeededFuture(o)
                    : Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "Order does not exist."));
        }

        @Override
        public Future<Account> account() {
            return Future.failedFuture("unused");
        }

        @Override
        public Future<List<Position>> positions() {
            return Future.succeededFuture(List.of());
        }

        @Override
        public Future<Order> cancelOrder(String symbol, String clientOrderId) {
            return Future.failedFuture("unused");
        }

        @Override
        public Future<List<Order>> openOrders(String symbol) {
            return Future.succeededFuture(List.of());
        }

        @Override
        public Future<Integer> setLeverage(String symbol, int leverage) {
            return Future.succeededFuture(leverage);
        }
    }

}
