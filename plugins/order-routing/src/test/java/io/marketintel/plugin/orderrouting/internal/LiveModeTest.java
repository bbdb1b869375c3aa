package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.trading.JournalEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real (non-paper) exchange, orders need {@code trading.live: true}: the plugin refuses a live execution up front
 * (403 naming the switch), a dry run is always allowed and sends nothing, and if the switch goes off while an execution
 * runs, the runtime's journaling exchange refuses the next slice with its own 403 and the execution fails.
 */
class LiveModeTest {

    private TestClock clock;
    private ScriptedExchange binance;
    private TestRuntime runtime;
    private TestRuntime.Instance router;

    @BeforeEach
    void boot(@TempDir Path dir) {
        clock = new TestClock(Fixtures.T0);
        FakeMarketData market = new FakeMarketData(clock, Fixtures.test());
        market.book(Fixtures.bids(), Fixtures.asks());
        binance = new ScriptedExchange("binance", false, clock);
        runtime = TestRuntime.open(dir, clock, market, binance);
        router = runtime.start("plugins:\n  order-routing:\n    twap_randomisation_pct: 0\n");
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private TestRuntime.Reply twap(boolean dryRun) {
        return router.execute(Map.of("symbol", "TESTUSDT", "side", "SELL", "quantity", 1.0, "algorithm", "TWAP",
                "duration_seconds", 40, "num_slices", 4, "dry_run", dryRun));
    }

    @Test
    void aLiveExecutionIsRefusedUnlessTradingLiveIsOn() {
        TestRuntime.Reply r = twap(false);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(r.errorMessage()).isEqualTo("live trading is off: exchange [binance] would send real orders; set"
                + " trading.live: true to allow it, or send dry_run: true");
        assertThat(r.body().get("error").get("details").get("config_key").asText()).isEqualTo("trading.live");
        assertThat(binance.placed).isEmpty();
        assertThat(runtime.journal("")).isEmpty();
        assertThat(router.call("executions", null, Map.of()).data().get("count").asInt()).isZero();
    }

    @Test
    void aDryRunIsAllowedAndSendsNothing() {
        TestRuntime.Reply r = twap(true);
        assertThat(r.status()).isEqualTo(202);
        router.settle();
        router.advance(Duration.ofSeconds(60));
        JsonNode report = router.get(r.data().get("execution_id").asText()).data();
        assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.get("venue").asText()).isEqualTo("dry-run");
        // 0.25 per slice: 0.25 × 99.99 against the bids
        assertThat(report.get("avg_execution_price").asDouble()).isEqualTo(99.99);
        assertThat(binance.placed).isEmpty();
        assertThat(runtime.journal("")).isEmpty();
    }

    @Test
    void withTradingLiveOrdersGoOutJournaledAndTheRuntimeRefusesThemOnceItIsOff() {
        runtime.live = true;
        TestRuntime.Reply r = twap(false);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        String id = r.data().get("execution_id").asText();
        router.settle();
        router.advance(Duration.ofSeconds(10));
        assertThat(binance.placedIds()).containsExactly(id + "-1", id + "-2");
        assertThat(runtime.journal(id + "-")).extracting(JournalEntry::paper).containsOnly(false);

        runtime.live = false;                       // the operator switches live trading off
        router.advance(Duration.ofSeconds(60));
        assertThat(binance.placedIds()).containsExactly(id + "-1", id + "-2");
        JsonNode report = router.get(id).data();
        assertThat(report.get("status").asText()).isEqualTo("FAILED");
        assertThat(report.get("slices").get(2).get("status").asText()).isEqualTo("REJECTED");
        assertThat(report.get("slices").get(2).get("note").asText()).isEqualTo("live trading is off: exchange [binance]"
                + " would send real orders; set trading.live: true to allow it");
        assertThat(report.get("reason").asText()).startsWith("slice 3 (" + id + "-3) was refused: live trading is off");
        assertThat(runtime.journal(id + "-3")).as("refused before anything was journaled").isEmpty();
    }
}
