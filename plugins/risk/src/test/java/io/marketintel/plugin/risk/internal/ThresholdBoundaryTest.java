package io.marketintel.plugin.risk.internal;

import static io.marketintel.plugin.risk.internal.Fixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The position thresholds at their boundaries. One long of 0.4 BTC at 50 000 (notional 20 000) on an equity of
 * 10 000 at 20x: leverage sub-score 100 (25 points), size 200 % of equity → 100 (20 points), no drawdown. The
 * liquidation price decides the rest: 43 750 is 12.5 % away → 100 − 25 = 75 → 30 points → risk exactly 75.
 * 43 745 is 12.51 % away → 74.98 → 29.992 → 74.99; 43 755 is 12.49 % away → 75.02 → 30.008 → 75.01. The heat and
 * leverage rules are switched off (max_portfolio_heat 100, max_avg_leverage 125) so only the position rule acts.
 */
class ThresholdBoundaryTest {

    private static final RiskSettings ONLY_POSITION_RULES = Harness.settings(Map.of(
            RiskSettings.MAX_PORTFOLIO_HEAT, 100.0, RiskSettings.MAX_AVG_LEVERAGE, 125.0));

    private static PortfolioHeat longBtcLiquidatingAt(double lp, double entry) {
        Position p = Fixtures.liquidatingAt(Fixtures.position(BTC, "0.4", entry, 50_000, 20), lp);
        double upnl = 0.4 * (50_000 - entry);
        return Harness.model(List.of(p), Fixtures.account(10_000 - upnl, upnl), ONLY_POSITION_RULES);
    }

    @Test
    void exactlyAtMaxPositionRiskIsHighAndNeedsNoAction() {
        PortfolioHeat r = longBtcLiquidatingAt(43_750, 50_000);
        PositionRisk p = r.positionRisks().get(0);
        assertThat(p.liquidationDistancePct()).isEqualTo(12.5);
        assertThat(p.components()).isEqualTo(new ScoreComponents(100, 75, 0, 100));
        assertThat(p.riskScore()).isEqualTo(75.0);
        assertThat(p.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(r.rebalanceRequired()).isFalse();
        assertThat(r.rebalanceActions()).isEmpty();
        assertThat(r.alerts()).isEmpty();
    }

    @Test
    void justBelowMaxPositionRiskNeedsNoAction() {
        PortfolioHeat r = longBtcLiquidatingAt(43_745, 50_000);
        assertThat(r.positionRisks().get(0).liquidationDistancePct()).isEqualTo(12.51);
        assertThat(r.positionRisks().get(0).riskScore()).isEqualTo(74.99);
        assertThat(r.positionRisks().get(0).riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(r.rebalanceRequired()).isFalse();
        assertThat(r.rebalanceActions()).isEmpty();
    }

    @Test
    void justAboveMaxPositionRiskIsCriticalAndReducedByHalf() {
        PortfolioHeat r = longBtcLiquidatingAt(43_755, 50_000);
        PositionRisk p = r.positionRisks().get(0);
        assertThat(p.liquidationDistancePct()).isEqualTo(12.49);
        assertThat(p.riskScore()).isEqualTo(75.01);
        assertThat(p.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(r.rebalanceRequired()).isTrue();
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action, RebalanceAction::symbol,
                        RebalanceAction::trigger, RebalanceAction::side, RebalanceAction::quantity,
                        RebalanceAction::reducePct)
                .containsExactly(tuple(ActionType.REDUCE_POSITION, BTC, Trigger.POSITION_RISK, Side.SELL,
                        new BigDecimal("0.200"), 50));
        assertThat(r.alerts()).containsExactly("BTCUSDT risk score 75.01 is above max_position_risk 75 (leverage 20x,"
                + " liquidation 12.49 % away, drawdown 0 %, 200 % of equity).");
    }

    @Test
    void exactlyAtClosePositionRiskIsReducedNotClosed() {
        // a 16.67 % drawdown (entry 60 000) adds 15 points: 25 + 30 + 15 + 20 = 90
        PortfolioHeat r = longBtcLiquidatingAt(43_750, 60_000);
        assertThat(r.positionRisks().get(0).riskScore()).isEqualTo(90.0);
        assertThat(r.positionRisks().get(0).unrealizedPnlPct()).isEqualTo(-16.67);
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action)
                .containsExactly(ActionType.REDUCE_POSITION);
    }

    @Test
    void justAboveClosePositionRiskClosesTheWholePosition() {
        PortfolioHeat r = longBtcLiquidatingAt(43_755, 60_000);
        assertThat(r.positionRisks().get(0).riskScore()).isEqualTo(90.01);
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action, RebalanceAction::side,
                        RebalanceAction::quantity, RebalanceAction::reducePct)
                .containsExactly(tuple(ActionType.CLOSE_POSITION, Side.SELL, new BigDecimal("0.4"), 100));
    }

    @Test
    void theThresholdsAreConfigurable() {
        RiskSettings strict = Harness.settings(Map.of(RiskSettings.MAX_PORTFOLIO_HEAT, 100.0,
                RiskSettings.MAX_AVG_LEVERAGE, 125.0, RiskSettings.MAX_POSITION_RISK, 74.99));
        Position p = Fixtures.liquidatingAt(Fixtures.position(BTC, "0.4", 50_000, 50_000, 20), 43_750);
        PortfolioHeat r = Harness.model(List.of(p), Fixtures.account(10_000, 0), strict);
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action).containsExactly(ActionType.REDUCE_POSITION);
        assertThat(r.thresholds().maxPositionRisk()).isEqualTo(74.99);
    }
}
