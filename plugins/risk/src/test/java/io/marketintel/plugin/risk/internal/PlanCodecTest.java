package io.marketintel.plugin.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored plan comes back exactly: same actions, same orders (quantities with their scale), same ids. */
class PlanCodecTest {

    @Test
    void roundTrip() {
        Harness h = Scenarios.hot();
        RebalancePlan plan = RebalancePlanner.plan(h.heat(), "rt-1", Fixtures.NOW, Fixtures.SYMBOLS.stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.symbol(), s -> s)));
        assertThat(plan.steps()).hasSize(4);
        assertThat(PlanCodec.decode(PlanCodec.encode(plan))).isEqualTo(plan);
    }

    @Test
    void roundTripWithAHedgeAndNonFiniteNumbers() {
        RebalanceAction hedge = new RebalanceAction(ActionType.ADD_HEDGE, "BTCUSDT", Trigger.PORTFOLIO_HEAT, "why",
                null, null, null, null, null,
                new HedgeSuggestion("ETHUSDT", Side.SELL, null, 4_000, 0.8, 0.9, 81, Double.NaN), "no quantity");
        RebalanceAction close = new RebalanceAction(ActionType.CLOSE_POSITION, "SOLUSDT", Trigger.POSITION_RISK,
                "why", Side.BUY, new BigDecimal("13.000"), 100, null, null, null, null);
        RebalancePlan plan = new RebalancePlan("x", 1L, 91.5, RiskLevel.CRITICAL, true, List.of(
                new PlannedAction(1, close, List.of(io.marketintel.api.trading.OrderRequest.market("SOLUSDT", Side.BUY,
                        new BigDecimal("13.000"), true, "rb-x-1"))),
                new PlannedAction(2, hedge, List.of())));
        RebalancePlan back = PlanCodec.decode(PlanCodec.encode(plan));
        assertThat(back.steps().get(0)).isEqualTo(plan.steps().get(0));
        assertThat(back.steps().get(0).orders().get(0).quantity().scale()).isEqualTo(3);
        assertThat(back.steps().get(1).action().hedge().markPrice()).isNaN();
        assertThat(back.steps().get(1).action().note()).isEqualTo("no quantity");
    }
}
