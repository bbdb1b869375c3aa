package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.IntelException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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
 * TWAP jobs in the runtime's plugin machinery (real H2, runtime operation invoker) on a hand-made book, with a fake
 * clock and a manual scheduler: slice times, quantities, fills, progress events, merging below MIN_NOTIONAL at run time,
 * cancellation.
 */
class TwapExecutionTest {

    private static final String CONFIG = "plugins:\n  order-routing:\n    twap_randomisation_pct: 0\n";

    private TestClock clock;
    private FakeMarketData market;
    private TestRuntime runtime;
    private TestRuntime.Instance router;

    @BeforeEach
    void boot(@TempDir Path dir) {
        clock = new TestClock(Fixtures.T0);
        market = new FakeMarketData(clock, Fixtures.test());
        market.book(Fixtures.bids(), Fixtures.asks());
        runtime = TestRuntime.open(dir, clock, market, new ScriptedExchange("paper", true, clock));
        router = runtime.start(CONFIG);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private String twap(double quantity) {
        TestRuntime.Reply r = router.execute(Map.of("symbol", "TESTUSDT", "side", "BUY", "quantity", quantity,
                "algorithm", "TWAP", "duration_seconds", 50, "num_slices", 5));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        router.settle();
        return r.data().get("execution_id").asText();
    }

    private static List<Long> longs(JsonNode slices, String field) {
        List<Long> out = new ArrayList<>();
        slices.forEach(s -> out.add(s.get(field).isNull() ? null : s.get(field).asLong()));
        return out;
    }

    private static List<String> texts(JsonNode slices, String field) {
        List<String> out = new ArrayList<>();
        slices.forEach(s -> out.add(s.get(field).asText()));
        return out;
    }

    @Test
    void fiveEqualSlicesTenSecondsApartTheFirstAtOnce() {
        TestRuntime.Reply accepted = router.execute(Map.of("symbol", "TESTUSDT", "side", "BUY", "quantity", 1.05,
                "algorithm", "TWAP", "duration_seconds", 50, "num_slices", 5));
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode a = accepted.data();
        String id = a.get("execution_id").asText();
        assertThat(id).matches("or-[0-9a-z]+-[0-9a-z]{4}");
        assertThat(a.get("status").asText()).isEqualTo("RUNNING");
        assertThat(a.get("total_quantity").asDouble()).isEqualTo(1.0);   // 1.05 rounded down to the step 0.1
        assertThat(a.get("num_slices").asInt()).isEqualTo(5);
        assertThat(a.get("dry_run").asBoolean()).isTrue();
        assertThat(a.get("venue").asText()).isEqualTo("dry-run");
        assertThat(a.get("reasoning").get(0).asText()).isEqualTo("quantity 1.05 rounded down to the MARKET_LOT_SIZE"
                + " stepSize 0.1: 1");
        assertThat(a.get("status_url").asText()).isEqualTo("/api/intelligence/order-routing/executions/" + id);

        router.settle();
        JsonNode first = router.get(id).data();
        assertThat(first.get("slices_sent").asInt()).as("first slice at once, no timer").isEqualTo(1);
        assertThat(first.get("slices").get(0).get("sent_at").asLong()).isEqualTo(Fixtures.T0);

        router.advance(Duration.ofSeconds(60));
        JsonNode r = router.get(id).data();
        assertThat(r.get("status").asText()).isEqualTo("COMPLETED");
        JsonNode slices = r.get("slices");
        assertThat(longs(slices, "planned_at")).containsExactly(Fixtures.T0, Fixtures.T0 + 10_000, Fixtures.T0 + 20_000,
                Fixtures.T0 + 30_000, Fixtures.T0 + 40_000);
        assertThat(longs(slices, "sent_at")).isEqualTo(longs(slices, "planned_at"));
        assertThat(texts(slices, "quantity")).containsExactly("0.2", "0.2", "0.2", "0.2", "0.2");
        assertThat(texts(slices, "client_order_id")).containsExactly(id + "-1", id + "-2", id + "-3", id + "-4", id + "-5");
        assertThat(texts(slices, "status")).containsOnly("FILLED");
        // each 0.2 takes the best ask, 100.01 × 1.0 (the dry run sends nothing: the book stays as it is)
        assertThat(texts(slices, "avg_price")).containsOnly("100.01");
        assertThat(r.get("algorithm").asText()).isEqualTo("TWAP");
        assertThat(r.get("total_quantity").asDouble()).isEqualTo(1.0);
        assertThat(r.get("total_filled").asDouble()).isEqualTo(1.0);
        assertThat(r.get("fill_rate_pct").asDouble()).isEqualTo(100.0);
        assertThat(r.get("avg_execution_price").asDouble()).isEqualTo(100.01);
        assertThat(r.get("num_slices").asInt()).isEqualTo(5);
        assertThat(r.get("duration_seconds").asDouble()).isEqualTo(40.0);
        assertThat(r.get("arrival_mid").asDouble()).isEqualTo(100.0);
        assertThat(r.get("slippage_bps").asDouble()).isEqualTo(1.0);   // (100.01 − 100) / 100 × 10000
        assertThat(r.get("slice_interval_seconds").asDouble()).isEqualTo(10.0);
        assertThat(r.get("reason").asText()).isEqualTo("filled 1 in 5 slices");
        assertThat(runtime.journal(id)).as("a dry run sends nothing").isEmpty();
    }

    @Test
    void aMarketOrderAboveMaxQtyGoesOutAsSeveralOrdersAtOnceNotOneCappedOrder() {
        market.book(Fixtures.bids(), new double[][] {{100.01, 1000.0}});
        TestRuntime.Reply accepted = router.execute(Map.of("symbol", "TESTUSDT", "side", "BUY", "quantity", 120,
                "algorithm", "MARKET"));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String id = accepted.data().get("execution_id").asText();
        router.settle();
        JsonNode r = router.get(id).data();
        // MARKET_LOT_SIZE maxQty 50: ceil(120 / 50) = 3 orders of 40, all due at once
        assertThat(r.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(texts(r.get("slices"), "quantity")).containsExactly("40", "40", "40");
        assertThat(longs(r.get("slices"), "sent_at")).containsOnly(Fixtures.T0);
        assertThat(r.get("total_filled").asDouble()).isEqualTo(120.0);
    }

    @Test
    void progressIsPublishedForEverySliceWithTheConsoleFields() {
        String id = twap(1.0);
        router.advance(Duration.ofSeconds(60));
        List<JsonObject> events = runtime.awaitProgress(id, "COMPLETED");
        assertThat(events).isNotEmpty();
        JsonObject accepted = events.get(0);
        assertThat(accepted.getString("status")).isEqualTo("RUNNING");
        assertThat(accepted.getInteger("slices_sent")).isZero();
        List<Integer> sent = new ArrayList<>();
        events.forEach(e -> sent.add(e.getInteger("slices_sent")));
        assertThat(sent).contains(1, 2, 3, 4, 5).isSorted();
        JsonObject last = events.get(events.size() - 1);
        assertThat(last.fieldNames()).contains("execution_id", "status", "slices_sent", "filled_quantity",
                "total_quantity", "avg_price", "slippage_bps");
        assertThat(last.getString("status")).isEqualTo("COMPLETED");
        assertThat(last.getDouble("filled_quantity")).isEqualTo(1.0);
        assertThat(last.getDouble("total_quantity")).isEqualTo(1.0);
        assertThat(last.getDouble("avg_price")).isEqualTo(100.01);
        assertThat(last.getDouble("slippage_bps")).isEqualTo(1.0);
    }

    @Test
    void aSliceThatWouldFallBelowMinNotionalIsCarriedIntoTheNext() {
        String id = twap(1.0);
        router.advance(Duration.ofSeconds(10));                       // slices 1, 2 at 100.01
        market.book(new double[][] {{49.99, 5}}, new double[][] {{50.01, 5}});
        // slice 3: 0.2 × 50 = 10 < MIN_NOTIONAL 15 → merged; slice 4: cumulative 0.8 − filled 0.4 = 0.4 × 50 = 20 → sent;
        // slice 5: 0.2 × 50 = 10 < 15 and nothing follows → the execution expires with 0.2 unfilled.
        router.advance(Duration.ofSeconds(60));
        JsonNode r = router.get(id).data();
        JsonNode slices = r.get("slices");
        assertThat(texts(slices, "status")).containsExactly("FILLED", "FILLED", "MERGED", "FILLED", "SKIPPED");
        assertThat(texts(slices, "quantity")).containsExactly("0.2", "0.2", "0.2", "0.4", "0.2");
        assertThat(slices.get(2).get("note").asText()).isEqualTo("quantity 0.2 at 50 is below MIN_NOTIONAL 15: carried"
                + " into slice 4");
        assertThat(slices.get(2).get("sent_at").isNull()).isTrue();
        assertThat(r.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(r.get("slices_sent").asInt()).isEqualTo(3);
        assertThat(r.get("total_filled").asDouble()).isEqualTo(0.8);
        assertThat(r.get("fill_rate_pct").asDouble()).isEqualTo(80.0);
        // (0.4 × 100.01 + 0.4 × 50.01) / 0.8 = 75.01
        assertThat(r.get("avg_execution_price").asDouble()).isEqualTo(75.01);
        assertThat(r.get("reason").asText()).isEqualTo("the remainder cannot be sent: quantity 0.2 at 50 is below"
                + " MIN_NOTIONAL 15; filled 0.8 of 1");
    }

    @Test
    void aFinishingExecutionIsNotSettledUntilItsLastWriteIsStoredAndReadsShowItsFinalState() {
        String id = twap(1.0);
        router.advance(Duration.ofSeconds(10));                       // slices 1, 2
        market.book(new double[][] {{49.99, 5}}, new double[][] {{50.01, 5}});
        router.advanceTo(Fixtures.T0 + 30_000);                      // slice 3 merged, slice 4 sent
        JsonNode running = router.get(id).data();
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(texts(running.get("slices"), "status")).as("a running execution is read from memory")
                .containsExactly("FILLED", "FILLED", "MERGED", "FILLED");
        TestRuntime.HeldWrites held = runtime.holdWrites();           // a busy database: the next write waits
        assertThat(router.scheduler.runNext(Fixtures.T0 + 40_000)).as("slice 5 due").isTrue();
        TestRuntime.await(held.requested());                          // slice 5 finishes EXPIRED; its save is held
        ExecutionEngine engine = router.plugin.engine();
        Future<ExecutionReport> cancel;
        try {
            assertThat(engine.settled(id).isComplete()).as("settled while the final save is in flight").isFalse();
            JsonNode during = router.get(id).data();
            assertThat(during.get("status").asText()).isEqualTo("EXPIRED");
            assertThat(texts(during.get("slices"), "status")).containsExactly("FILLED", "FILLED", "MERGED", "FILLED",
                    "SKIPPED");
            cancel = engine.cancel(id);                                // queued behind the finishing step
        } finally {
            held.release();
        }
        router.settle();
        Throwable refused = TestRuntime.await(cancel.transform(ar -> Future.succeededFuture(ar.cause())));
        assertThat(refused).isInstanceOf(IntelException.class).hasMessage("execution [" + id + "] is EXPIRED and"
                + " cannot be cancelled; only a RUNNING execution can");
        assertThat(router.plugin.engine().runningIds()).isEmpty();
        JsonNode stored = router.get(id).data();
        assertThat(stored.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(texts(stored.get("slices"), "status")).containsExactly("FILLED", "FILLED", "MERGED", "FILLED",
                "SKIPPED");
        assertThat(stored.get("reason").asText()).isEqualTo("the remainder cannot be sent: quantity 0.2 at 50 is below"
                + " MIN_NOTIONAL 15; filled 0.8 of 1");
    }

    @Test
    void aRunningExecutionIsCancelledAndAFinishedOneIsAConflict() {
        String id = twap(1.0);
        TestRuntime.Reply cancelled = router.cancel(id);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.data().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.data().get("slices_sent").asInt()).isEqualTo(1);
        assertThat(cancelled.data().get("reason").asText()).isEqualTo("cancelled by the caller after 1 slice: filled"
                + " 0.2 of 1");
        int reads = market.bookReads;
        router.advance(Duration.ofSeconds(120));
        assertThat(router.get(id).data().get("slices_sent").asInt()).as("no slice after the cancel").isEqualTo(1);
        assertThat(market.bookReads).isEqualTo(reads);
        assertThat(router.scheduler.pending()).isZero();

        TestRuntime.Reply again = router.cancel(id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
        assertThat(again.errorMessage()).isEqualTo("execution [" + id + "] is CANCELLED and cannot be cancelled; only a"
                + " RUNNING execution can");

        String done = twap(1.0);
        router.advance(Duration.ofSeconds(60));
        assertThat(router.cancel(done).status()).isEqualTo(409);
        assertThat(router.cancel("or-nope-0000").status()).isEqualTo(404);
        assertThat(router.get("or-nope-0000").status()).isEqualTo(404);
    }

    @Test
    void recentExecutionsAreListedNewestFirst() {
        String a = twap(1.0);
        router.advance(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(1));
        String b = twap(0.5);
        TestRuntime.Reply list = router.call("executions", null, Map.of());
        assertThat(list.status()).isEqualTo(200);
        JsonNode d = list.data();
        assertThat(d.get("count").asInt()).isEqualTo(2);
        assertThat(d.get("running").asInt()).isEqualTo(1);
        assertThat(texts(d.get("executions"), "execution_id")).containsExactly(b, a);
        assertThat(texts(d.get("executions"), "status")).containsExactly("RUNNING", "COMPLETED");
        TestRuntime.Reply running = router.call("executions", null, Map.of("status", "running", "limit", 5));
        assertThat(texts(running.data().get("executions"), "execution_id")).containsExactly(b);
    }

    @Test
    void moreExecutionsThanConfiguredAreAConflictUntilOneFinishes(@TempDir Path other) {
        try (TestRuntime second = TestRuntime.open(other, clock, market, new ScriptedExchange("paper", true, clock))) {
            TestRuntime.Instance limited = second.start("plugins:\n  order-routing:\n    max_concurrent_executions: 1\n");
            Map<String, Object> body = Map.of("symbol", "TESTUSDT", "side", "BUY", "quantity", 1.0, "algorithm", "TWAP",
                    "duration_seconds", 50, "num_slices", 5);
            TestRuntime.Reply first = limited.execute(body);
            assertThat(first.status()).isEqualTo(202);
            TestRuntime.Reply refused = limited.execute(body);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorMessage()).isEqualTo("1 executions are running, the most"
                    + " [plugins.order-routing.max_concurrent_executions] allows is 1; wait for one to finish or cancel one");
            limited.settle();
            assertThat(limited.cancel(first.data().get("execution_id").asText()).status()).isEqualTo(200);
            assertThat(limited.execute(body).status()).isEqualTo(202);
            limited.settle();
        }
    }
}
