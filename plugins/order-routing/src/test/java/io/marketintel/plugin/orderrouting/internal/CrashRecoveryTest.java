package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderStatus;
import io.marketintel.runtime.market.sim.PaperExchange;
import io.marketintel.runtime.market.sim.SimSettings;
import io.marketintel.runtime.market.sim.SimulatedMarket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety on the simulated market and its paper exchange, with the runtime's journaling exchange and H2 database:
 * a plugin instance runs a live (paper) TWAP and "crashes" (is abandoned without stop, its timers never fire again,
 * possibly in the middle of sending an order); a new instance then starts on the same database and exchange. The
 * exchange outlives the crash, as Binance would. Every client order id must reach the exchange at most once.
 */
class CrashRecoveryTest {

    private static final String SYMBOL = "BTCUSDT";

    private TestClock clock;
    private FaultyExchange exchange;
    private PaperExchange paper;
    private TestRuntime runtime;

    @BeforeEach
    void boot(@TempDir Path dir) {
        clock = new TestClock(Fixtures.T0);
        SimulatedMarket market = new SimulatedMarket(new SimSettings(42, Instant.parse("2025-03-01T00:00:00Z"), 1.0, 8),
                clock);
        paper = new PaperExchange(market, clock, new BigDecimal("1000000"));
        exchange = new FaultyExchange(paper);
        runtime = TestRuntime.open(dir, clock, market, exchange);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private static String config(String onRestart) {
        return "plugins:\n  order-routing:\n    twap_randomisation_pct: 0\n    on_restart: " + onRestart + "\n";
    }

    /** A live (paper) TWAP of 0.5 BTC in 5 slices over 50 s: slices due at +0, +10, +20, +30, +40 s. */
    private static String twap(TestRuntime.Instance router) {
        TestRuntime.Reply r = router.execute(Map.of("symbol", SYMBOL, "side", "BUY", "quantity", 0.5, "algorithm", "TWAP",
                "duration_seconds", 50, "num_slices", 5, "dry_run", false));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        assertThat(r.data().get("venue").asText()).isEqualTo("paper");
        router.settle();
        return r.data().get("execution_id").asText();
    }

    private static List<String> ids(String id, int... slices) {
        return IntStream.of(slices).mapToObj(n -> id + "-" + n).toList();
    }

    /** Every client order id reached the exchange once, and the journal has one answered PLACE per id. */
    private void assertNothingSentTwice(String id) {
        List<String> received = exchange.received();
        assertThat(new HashSet<>(received)).as("duplicates in %s", received).hasSameSizeAs(received);
        List<String> done = new ArrayList<>();
        for (JournalEntry j : runtime.journal(id + "-")) {
            if (j.action() == JournalEntry.Action.PLACE && j.state() == JournalEntry.State.DONE) {
                done.add(j.clientOrderId());
            }
        }
        assertThat(new HashSet<>(done)).hasSameSizeAs(done);
    }

    private JsonNode report(TestRuntime.Instance router, String id) {
        TestRuntime.Reply r = router.get(id);
        assertThat(r.status()).isEqualTo(200);
        return r.data();
    }

    private BigDecimal filledOnTheExchange(String id, int slices) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 1; n <= slices; n++) {
            Order o = TestRuntime.await(paper.order(SYMBOL, id + "-" + n));
            sum = sum.add(o.executedQty());
        }
        return sum;
    }

    @Test
    void aTwapInterruptedAfterTwoSlicesResumesWithSliceThree() {
        TestRuntime.Instance first = runtime.start(config("RESUME"));
        String id = twap(first);
        first.advance(Duration.ofSeconds(15));                                   // slices 1 (+0 s) and 2 (+10 s)
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2));
        // crash: the first instance is abandoned, its timer for slice 3 never fires

        TestRuntime.Instance second = runtime.start(config("RESUME"));
        JsonNode resumed = report(second, id);
        assertThat(resumed.get("status").asText()).isEqualTo("RUNNING");
        assertThat(resumed.get("slices_sent").asInt()).isEqualTo(2);
        assertThat(resumed.get("restarts").asInt()).isEqualTo(1);
        assertThat(resumed.get("notes").toString()).contains("found RUNNING at start").contains("resumed at")
                .contains("(on_restart: RESUME) after 2 slices sent");

        second.advance(Duration.ofSeconds(60));
        JsonNode done = report(second, id);
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2, 3, 4, 5));
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("total_filled").asDouble()).isEqualTo(0.5);
        List<Long> sentAt = new ArrayList<>();
        done.get("slices").forEach(s -> sentAt.add(s.get("sent_at").asLong() - Fixtures.T0));
        assertThat(sentAt).containsExactly(0L, 10_000L, 20_000L, 30_000L, 40_000L);
        assertThat(filledOnTheExchange(id, 5)).isEqualByComparingTo("0.5");
        assertNothingSentTwice(id);
    }

    @Test
    void anOrderSentJustBeforeTheCrashIsFoundThroughTheJournalNotSentAgain() {
        TestRuntime.Instance first = runtime.start(config("RESUME"));
        String id = twap(first);
        first.advance(Duration.ofSeconds(10));                                   // slices 1 and 2
        exchange.hangAfterForwarding.add(id + "-3");
        assertThat(first.scheduler.runNext(Fixtures.T0 + 20_000)).isTrue();      // slice 3 reaches the exchange...
        assertThat(waitForHang()).isEqualTo(id + "-3");                           // ...and the process dies before the answer
        assertThat(runtime.journal(id + "-3")).extracting(JournalEntry::state).containsExactly(JournalEntry.State.INTENT);

        clock.advance(Duration.ofSeconds(3));
        TestRuntime.Instance second = runtime.start(config("RESUME"));
        // the journal's intent was reconciled with the exchange, which has the order: slice 3 counts as sent and filled
        JsonNode resumed = report(second, id);
        assertThat(resumed.get("slices_sent").asInt()).isEqualTo(3);
        assertThat(resumed.get("total_filled").asDouble()).isEqualTo(0.3);
        JsonNode slice3 = resumed.get("slices").get(2);
        assertThat(slice3.get("status").asText()).isEqualTo("FILLED");
        assertThat(slice3.get("note").asText()).isEqualTo("rebuilt from the order journal at restart");
        assertThat(runtime.journal(id + "-3")).extracting(JournalEntry::state).containsExactly(JournalEntry.State.DONE);

        second.advance(Duration.ofSeconds(60));
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2, 3, 4, 5));
        assertThat(report(second, id).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(filledOnTheExchange(id, 5)).isEqualByComparingTo("0.5");
        assertNothingSentTwice(id);
    }

    @Test
    void anOrderThatNeverReachedTheExchangeIsSentOnceAfterTheRestartUnderTheSameId() {
        TestRuntime.Instance first = runtime.start(config("RESUME"));
        String id = twap(first);
        first.advance(Duration.ofSeconds(10));
        exchange.dropAndHang.add(id + "-3");
        assertThat(first.scheduler.runNext(Fixtures.T0 + 20_000)).isTrue();
        assertThat(waitForHang()).isEqualTo(id + "-3");                           // lost on the way: the exchange never saw it
        exchange.dropAndHang.clear();

        TestRuntime.Instance second = runtime.start(config("RESUME"));
        second.settle();
        // reconciled as never received, so slice 3 (due at +20 s, now) is sent at once, under its own id, for the first time
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2, 3));
        second.advance(Duration.ofSeconds(60));
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2, 3, 4, 5));
        assertThat(runtime.journal(id + "-3")).extracting(j -> j.action() + " " + j.state())
                .containsExactly("PLACE REJECTED", "PLACE DONE");
        assertThat(runtime.journal(id + "-3").get(0).error()).isEqualTo("the exchange never received it");
        JsonNode done = report(second, id);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("slices_sent").asInt()).isEqualTo(5);
        assertNothingSentTwice(id);
    }

    @Test
    void onRestartStopStopsItAndReportsWhatWasSentAndFilled() {
        TestRuntime.Instance first = runtime.start(config("STOP"));
        String id = twap(first);
        first.advance(Duration.ofSeconds(15));

        TestRuntime.Instance second = runtime.start(config("STOP"));
        JsonNode stopped = report(second, id);
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("reason").asText()).isEqualTo("stopped at restart (on_restart: STOP) after 2 slices:"
                + " filled 0.2 of 0.5");
        assertThat(stopped.get("slices_sent").asInt()).isEqualTo(2);
        assertThat(stopped.get("total_filled").asDouble()).isEqualTo(0.2);
        second.advance(Duration.ofSeconds(120));
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2));
        assertThat(second.cancel(id).status()).isEqualTo(409);
    }

    @Test
    void anOutcomeTheExchangeCannotConfirmStopsItWhateverOnRestartSays() {
        TestRuntime.Instance first = runtime.start(config("RESUME"));
        String id = twap(first);
        exchange.hangAfterForwarding.add(id + "-2");
        exchange.unreachableLookups.add(id + "-2");
        assertThat(first.scheduler.runNext(Fixtures.T0 + 10_000)).isTrue();
        assertThat(waitForHang()).isEqualTo(id + "-2");

        TestRuntime.Instance second = runtime.start(config("RESUME"));
        JsonNode stopped = report(second, id);
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("reason").asText()).startsWith("the outcome of order [" + id + "-2] is still unknown after"
                + " reconciling with the exchange: not resumed, so that nothing is sent twice");
        second.advance(Duration.ofSeconds(120));
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2));
    }

    @Test
    void aStoppedPluginLeavesItRunningForTheNextStartWhichResumesIt() {
        TestRuntime.Instance first = runtime.start(config("RESUME"));
        String id = twap(first);
        first.advance(Duration.ofSeconds(10));
        TestRuntime.await(first.manager.setEnabled(OrderRoutingPlugin.ID, false));     // graceful stop mid-run
        clock.advance(Duration.ofSeconds(25));                                         // slices 3 and 4 fall due meanwhile

        TestRuntime.Instance second = runtime.start(config("RESUME"));
        second.settle();
        JsonNode r = report(second, id);
        // the overdue slices 3 (+20 s) and 4 (+30 s) go as one catch-up slice under number 4
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2, 4));
        JsonNode slices = r.get("slices");
        assertThat(slices.get(2).get("status").asText()).isEqualTo("MERGED");
        assertThat(slices.get(3).get("quantity").asDouble()).isEqualTo(0.2);
        assertThat(r.get("notes").toString()).contains("suspended at").contains("(plugin stopped)");
        second.advance(Duration.ofSeconds(30));
        assertThat(exchange.received()).isEqualTo(ids(id, 1, 2, 4, 5));
        assertThat(report(second, id).get("status").asText()).isEqualTo("COMPLETED");
        assertNothingSentTwice(id);
    }

    @Test
    void aRestingIcebergChildIsCancelledWhenARestartStopsTheExecution() {
        TestRuntime.Instance first = runtime.start(config("STOP"));
        TestRuntime.Reply r = first.execute(Map.of("symbol", SYMBOL, "side", "BUY", "quantity", 0.5,
                "algorithm", "ICEBERG", "duration_seconds", 300, "dry_run", false));
        assertThat(r.status()).isEqualTo(202);
        first.settle();
        String id = r.data().get("execution_id").asText();
        Order child = TestRuntime.await(paper.order(SYMBOL, id + "-1"));
        assertThat(child.status()).isEqualTo(OrderStatus.NEW);                  // resting at the bid

        TestRuntime.Instance second = runtime.start(config("STOP"));
        assertThat(TestRuntime.await(paper.order(SYMBOL, id + "-1")).status()).isEqualTo(OrderStatus.CANCELED);
        JsonNode stopped = report(second, id);
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("slices").get(0).get("status").asText()).isEqualTo("CANCELED");
        assertThat(runtime.journal(id + "-")).extracting(j -> j.action() + " " + j.state())
                .containsExactly("PLACE DONE", "CANCEL DONE");
    }

    private String waitForHang() {
        try {
            return exchange.hung.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the order was never sent", e);
        }
    }
}
