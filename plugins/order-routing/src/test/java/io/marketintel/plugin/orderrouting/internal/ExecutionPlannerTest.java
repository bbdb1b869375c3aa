package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.IntelException;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning an execution from a request and the market at arrival (TESTUSDT on the fixture book, mid 100). */
class ExecutionPlannerTest {

    private static final RoutingSettings DEFAULTS = RoutingSettings.defaults();
    private static final ExecutionPlanner.Inputs MARKET = new ExecutionPlanner.Inputs(Fixtures.test(),
            Fixtures.book("TESTUSDT"), List.of());

    private static ExecuteRequest request(Algorithm algorithm, String quantity, Integer duration, Urgency urgency,
                                          Integer slices, String limit) {
        return new ExecuteRequest("TESTUSDT", Side.BUY, new BigDecimal(quantity), algorithm, duration, urgency, true,
                slices, limit == null ? null : new BigDecimal(limit), 1L);
    }

    private static ExecutionSpec plan(ExecuteRequest r) {
        return ExecutionPlanner.plan(r, MARKET, DEFAULTS, "or-test-0000", Fixtures.T0, "dry-run").spec();
    }

    @Test
    void adaptiveRoutingScalesTheDefaultDurationByUrgency() {
        assertThat(plan(request(Algorithm.ADAPTIVE, "12", null, Urgency.LOW, null, null)).durationMs()).isEqualTo(600_000);
        assertThat(plan(request(Algorithm.ADAPTIVE, "12", null, Urgency.NORMAL, null, null)).durationMs()).isEqualTo(300_000);
        assertThat(plan(request(Algorithm.ADAPTIVE, "12", null, Urgency.HIGH, null, null)).durationMs()).isEqualTo(150_000);
        assertThat(plan(request(Algorithm.TWAP, "12", null, Urgency.LOW, null, null)).durationMs()).isEqualTo(300_000);
        assertThat(plan(request(Algorithm.TWAP, "12", 77, Urgency.LOW, null, null)).durationMs()).isEqualTo(77_000);
    }

    @Test
    void adaptiveRoutingChoosesAndKeepsItsReasons() {
        // 12 walks 1 @ 100.01 + 2 @ 100.02 + 3 @ 100.05 + 6 @ 100.10 = 1200.8 → 100.0667, impact 6.67 bps > 5 (NORMAL):
        // no MARKET; spread 2 ≤ 5, impact ≤ 10, no volatility known → TWAP
        ExecutionSpec spec = plan(request(Algorithm.ADAPTIVE, "12", null, Urgency.NORMAL, null, null));
        assertThat(spec.algorithm()).isEqualTo(Algorithm.TWAP);
        assertThat(spec.requestedAlgorithm()).isEqualTo(Algorithm.ADAPTIVE);
        assertThat(spec.selection().estimatedImpactBps()).isEqualTo(6.6667);
        assertThat(spec.selection().reasoning().get(1)).startsWith("TWAP: moderate impact (6.6667 bps > 5 bps");
        // 300 s / 30 s = 10 slices of 1.2
        Schedule s = (Schedule) spec.plan();
        assertThat(s.slices()).extracting(p -> p.quantity().toPlainString()).containsOnly("1.2").hasSize(10);
        assertThat(s.intervalMs()).isEqualTo(30_000);
    }

    @Test
    void theIcebergShowsItsFractionRaisedToOneSendableOrder() {
        // 1.0 × 0.1 = 0.1, but 0.1 × 99.99 < MIN_NOTIONAL 15: 15 / 99.99 = 0.150015 → 0.2 (step 0.1)
        Passive p = (Passive) plan(request(Algorithm.ICEBERG, "1", null, Urgency.NORMAL, null, null)).plan();
        assertThat(p.visibleQuantity()).isEqualByComparingTo("0.2");
        assertThat(p.requote()).isTrue();
        assertThat(p.limitPrice()).isNull();
        Passive big = (Passive) plan(request(Algorithm.ICEBERG, "50", null, Urgency.NORMAL, null, null)).plan();
        assertThat(big.visibleQuantity()).isEqualByComparingTo("5");
    }

    @Test
    void parametersThatDoNotApplyAre400sNamingThem() {
        assertThatThrownBy(() -> plan(request(Algorithm.TWAP, "1", null, Urgency.NORMAL, null, "99")))
                .isInstanceOf(IntelException.class)
                .hasMessage("parameter [limit_price] applies to LIMIT and ICEBERG only, not TWAP");
        assertThatThrownBy(() -> plan(request(Algorithm.ICEBERG, "1", null, Urgency.NORMAL, 5, null)))
                .hasMessage("parameter [num_slices] applies to TWAP only, not ICEBERG");
        assertThatThrownBy(() -> plan(request(Algorithm.ADAPTIVE, "1", null, Urgency.NORMAL, null, "99")))
                .hasMessage("parameter [limit_price] applies to LIMIT and ICEBERG only; ADAPTIVE chooses its own prices");
    }

    @Test
    void limitPricesRoundToTheTickAndRespectThePriceFilter() {
        Passive p = (Passive) plan(request(Algorithm.LIMIT, "1", null, Urgency.NORMAL, null, "99.957")).plan();
        assertThat(p.limitPrice()).isEqualByComparingTo("99.95");
        assertThatThrownBy(() -> plan(request(Algorithm.LIMIT, "1", null, Urgency.NORMAL, null, "0.001")))
                .isInstanceOfSatisfying(IntelException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("limit price 0.001 is below PRICE_FILTER minPrice 0.01 for"
                            + " TESTUSDT");
                    assertThat(e.details()).containsEntry("rule", "PRICE_FILTER").containsEntry("parameter", "limit_price");
                });
        // the notional of a LIMIT is judged at its price: 0.1 × 99.95 < 15
        assertThatThrownBy(() -> plan(request(Algorithm.LIMIT, "0.1", null, Urgency.NORMAL, null, "99.95")))
                .hasMessage("notional 9.995 (quantity 0.1 x price 99.95) is below MIN_NOTIONAL 15 for TESTUSDT");
        assertThatThrownBy(() -> plan(request(Algorithm.LIMIT, "1500", null, Urgency.NORMAL, null, null)))
                .hasMessage("quantity 1500 is above LOT_SIZE maxQty 1000 for TESTUSDT (one order); use TWAP or ICEBERG");
    }

    @Test
    void theRecommendationCarriesTheAnalysisAndParameters() {
        Recommendation r = ExecutionPlanner.recommend("TESTUSDT", Side.BUY, new BigDecimal("4.5"), Urgency.NORMAL, MARKET,
                DEFAULTS, Fixtures.T0);
        // impact 2.78 bps ≤ 5 (half of 10 at NORMAL urgency), spread 2 bps ≤ 5 → MARKET at once
        assertThat(r.algorithm()).isEqualTo("MARKET");
        assertThat(r.parameters().numSlices()).isEqualTo(1);
        assertThat(r.parameters().sliceQuantity()).isEqualTo(4.5);
        assertThat(r.conditions().estimatedImpactBps()).isEqualTo(2.7778);
        assertThat(r.reasoning().get(1)).startsWith("MARKET: impact 2.7778 bps is within 5 bps");
        Recommendation passive = ExecutionPlanner.recommend("TESTUSDT", Side.SELL, new BigDecimal("12"), Urgency.LOW,
                MARKET, DEFAULTS, Fixtures.T0);
        // sell 12: 1.5 @ 99.99 + 2.5 @ 99.98 + 4 @ 99.95 + 4 @ 99.90 = 149.985 + 249.95 + 399.8 + 399.6 = 1199.335
        // → 99.944583, impact 5.5417 bps > 2.5 (LOW);
        // spread tight, impact ≤ 10, LOW → ICEBERG at the best ask, 1.2 visible, over 600 s
        assertThat(passive.algorithm()).isEqualTo("ICEBERG");
        assertThat(passive.conditions().estimatedImpactBps()).isEqualTo(5.5417);
        assertThat(passive.parameters().visibleQuantity()).isEqualTo(1.2);
        assertThat(passive.parameters().limitPrice()).isEqualTo(100.01);
        assertThat(passive.parameters().durationSeconds()).isEqualTo(600.0);
    }
}
