package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg (and limit) jobs against a scripted exchange: the test decides when child orders fill and where the touch
 * is. TESTUSDT: tick 0.01, step and minQty 0.1, MIN_NOTIONAL 15; visible fraction 0.3, polls every second.
 */
class IcebergExecutionTest {

    private static final String CONFIG = "plugins:\n  order-routing:\n    iceberg_visible_fraction: 0.3\n"
            + "    poll_interval_ms: 1000\n";

    private TestClock clock;
    private FakeMarketData market;
    private ScriptedExchange exchange;
    private TestRuntime runtime;
    private TestRuntime.Instance router;

    @BeforeEach
    void boot(@TempDir Path dir) {
        clock = new TestClock(Fixtures.T0);
        market = new FakeMarketData(clock, Fixtures.test());
        market.book(Fixtures.bids(), Fixtures.asks());      // best bid 99.99, best ask 100.01
        exchange = new ScriptedExchange("paper", true, clock);
        runtime = TestRuntime.open(dir, clock, market, exchange);
        router = runtime.start(CONFIG);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private String iceberg(Map<String, ?> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("symbol", "TESTUSDT", "side", "BUY",
                "quantity", 1.0, "algorithm", "ICEBERG", "duration_seconds", 60, "dry_run", false));
        body.putAll(extra);
        TestRuntime.Reply r = router.execute(body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        router.settle();
        return r.data().get("execution_id").asText();
    }

    private static List<String> quantities(List<OrderRequest> orders) {
        return orders.stream().map(o -> o.quantity().toPlainString()).toList();
    }

    private static List<String> prices(List<OrderRequest> orders) {
        return orders.stream().map(o -> o.price().toPlainString()).toList();
    }

    @Test
    void theVisibleQuantityIsReplenishedAsItFillsAndReQuotedWhenTheTouchMovesAway() {
        String id = iceberg(Map.of());
        // child 1: 0.3 (= 1.0 × 0.3) at the best bid 99.99
        assertThat(exchange.placedIds()).containsExactly(id + "-1");

        exchange.fill(id + "-1", "0.3");
        router.advance(Duration.ofSeconds(1));
        // filled → replenished: child 2, 0.3 at 99.99
        assertThat(exchange.placedIds()).containsExactly(id + "-1", id + "-2");

        exchange.fill(id + "-2", "0.1");
        market.book(new double[][] {{100.05, 2}}, new double[][] {{100.07, 2}});
        router.advance(Duration.ofSeconds(1));
        // the bid moved up to 100.05: child 2 (0.1 of 0.3 filled) is cancelled and 0.3 re-quoted at 100.05
        assertThat(exchange.cancelled).containsExactly(id + "-2");
        assertThat(exchange.placedIds()).containsExactly(id + "-1", id + "-2", id + "-3");

        exchange.fill(id + "-3", "0.2");
        market.book(new double[][] {{100.10, 2}}, new double[][] {{100.12, 2}});
        router.advance(Duration.ofSeconds(1));
        // 0.4 left: 0.3 would leave 0.1 × 100.10 = 10.01 < MIN_NOTIONAL 15, so the last child takes all 0.4
        assertThat(exchange.cancelled).containsExactly(id + "-2", id + "-3");
        assertThat(quantities(exchange.placed)).containsExactly("0.3", "0.3", "0.3", "0.4");
        assertThat(prices(exchange.placed)).containsExactly("99.99", "99.99", "100.05", "100.1");
        assertThat(exchange.placed).extracting(OrderRequest::type).containsOnly(OrderType.LIMIT);

        exchange.fill(id + "-4", "0.4");
        router.advance(Duration.ofSeconds(1));
        JsonNode r = router.get(id).data();
        assertThat(r.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(r.get("algorithm").asText()).isEqualTo("ICEBERG");
        assertThat(r.get("venue").asText()).isEqualTo("paper");
        assertThat(r.get("visible_quantity").asDouble()).isEqualTo(0.3);
        assertThat(r.get("total_filled").asDouble()).isEqualTo(1.0);
        assertThat(r.get("num_slices").asInt()).isEqualTo(4);
        // (0.3 × 99.99 + 0.1 × 99.99 + 0.2 × 100.05 + 0.4 × 100.10) / 1.0 = 29.997 + 9.999 + 20.01 + 40.04 = 100.046
        assertThat(r.get("avg_execution_price").asDouble()).isEqualTo(100.046);
        // against the arrival mid (99.99 + 100.01) / 2 = 100: 4.6 bps
        assertThat(r.get("slippage_bps").asDouble()).isEqualTo(4.6);
        List<String> statuses = new ArrayList<>();
        r.get("slices").forEach(s -> statuses.add(s.get("status").asText() + " " + s.get("filled_quantity").asText()));
        assertThat(statuses).containsExactly("FILLED 0.3", "CANCELED 0.1", "CANCELED 0.2", "FILLED 0.4");
        assertThat(r.get("slices").get(1).get("note").asText()).isEqualTo("re-quoted: the touch moved away from 99.99"
                + " to 100.05");

        // every order action went through the runtime's journal: 4 places and 2 cancels, all answered
        List<JournalEntry> journal = runtime.journal(id + "-");
        assertThat(journal).extracting(j -> j.action() + " " + j.clientOrderId().substring(id.length()))
                .containsExactly("PLACE -1", "PLACE -2", "CANCEL -2", "PLACE -3", "CANCEL -3", "PLACE -4");
        assertThat(journal).extracting(JournalEntry::state).containsOnly(JournalEntry.State.DONE);
    }

    @Test
    void theWorkingChildIsCancelledWhenTheDurationEnds() {
        String id = iceberg(Map.of());
        exchange.fill(id + "-1", "0.1");
        router.advance(Duration.ofSeconds(61));
        JsonNode r = router.get(id).data();
        assertThat(exchange.placedIds()).containsExactly(id + "-1");
        assertThat(exchange.cancelled).containsExactly(id + "-1");
        assertThat(r.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(r.get("total_filled").asDouble()).isEqualTo(0.1);
        assertThat(r.get("fill_rate_pct").asDouble()).isEqualTo(10.0);
        assertThat(r.get("duration_seconds").asDouble()).isEqualTo(60.0);
        assertThat(r.get("reason").asText()).isEqualTo("the duration ended; the working order was cancelled: filled 0.1"
                + " of 1");
        assertThat(r.get("slices").get(0).get("note").asText()).isEqualTo("the duration ended");
    }

    @Test
    void aLimitOrderRestsAtItsPriceWithoutChasingTheTouch() {
        String id = iceberg(Map.of("algorithm", "LIMIT", "limit_price", 99.957));
        // a buy limit rounds down to the tick: 99.95; LIMIT shows the whole quantity
        assertThat(prices(exchange.placed)).containsExactly("99.95");
        assertThat(quantities(exchange.placed)).containsExactly("1");
        market.book(new double[][] {{100.50, 2}}, new double[][] {{100.52, 2}});
        router.advance(Duration.ofSeconds(5));
        assertThat(exchange.placedIds()).as("no re-quote").containsExactly(id + "-1");
        exchange.fill(id + "-1", "1.0");
        router.advance(Duration.ofSeconds(1));
        JsonNode r = router.get(id).data();
        assertThat(r.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(r.get("limit_price").asDouble()).isEqualTo(99.95);
        assertThat(r.get("avg_execution_price").asDouble()).isEqualTo(99.95);
        assertThat(r.get("slippage_bps").asDouble()).isEqualTo(-5.0);   // bought 0.05 below the arrival mid
    }

    @Test
    void cancellingAnIcebergCancelsItsWorkingChild() {
        String id = iceberg(Map.of());
        exchange.fill(id + "-1", "0.2");
        TestRuntime.Reply c = router.cancel(id);
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.data().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(c.data().get("total_filled").asDouble()).isEqualTo(0.2);
        assertThat(exchange.cancelled).containsExactly(id + "-1");
        router.advance(Duration.ofSeconds(30));
        assertThat(exchange.placedIds()).containsExactly(id + "-1");
    }
}
