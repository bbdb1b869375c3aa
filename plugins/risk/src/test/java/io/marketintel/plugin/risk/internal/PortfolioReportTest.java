package io.marketintel.plugin.risk.internal;

import static io.marketintel.plugin.risk.internal.Fixtures.BTC;
import static io.marketintel.plugin.risk.internal.Fixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole report computed by hand, the rules that fire on it, and the empty portfolio.
 *
 * <pre>
 * equity 10 000 (wallet 10 000, no unrealised PnL), default thresholds
 * BTC long 0.2 @ 50 000, 10x, liquidation 45 000: notional 10 000, 10 % away
 *     leverage 50, liquidation 100 − 20 = 80, drawdown 0, size 100 % / 2 = 50
 *     risk = 0.25·50 + 0.40·80 + 0 + 0.20·50 = 12.5 + 32 + 10 = 54.5 → MODERATE
 * ETH short 2 @ 3 000, 5x, liquidation 3 600: notional 6 000, 20 % away
 *     leverage 25, liquidation 60, drawdown 0, size 60 % / 2 = 30
 *     risk = 6.25 + 24 + 0 + 6 = 36.25 → MODERATE
 * gross 16 000, net +4 000, average leverage (10 000·10 + 6 000·5) / 16 000 = 8.125x, effective 1.6x
 * P = (10 000·54.5 + 6 000·36.25) / 16 000 = 762 500 / 16 000 = 47.65625
 * L = min(100, 50 · 8.125 / 3) = 100
 * C = BITCOIN 10 000 / 16 000 = 62.5 %
 * no correlation data: the long/short pair may not offset: q = 1, diversification 0 → D = 100
 * X = min(1, 1.6) = 1
 * heat = 0.5·47.65625 + 0.2·100 + 1·(0.15·62.5 + 0.15·100) = 23.828125 + 20 + 9.375 + 15 = 68.203125 → 68.2
 * </pre>
 * Heat 68.2 ≤ 70: no heat rule. BITCOIN 62.5 % > 50 % with two sectors: reduce BTC by half (0.1). Average leverage
 * 8.125x > 3x: BTC 10x → 3x and ETH 5x → 3x.
 */
class PortfolioReportTest {

    static Position btc(double lp, int leverage) {
        return Fixtures.liquidatingAt(Fixtures.position(BTC, "0.2", 50_000, 50_000, leverage), lp);
    }

    static Position eth() {
        return Fixtures.liquidatingAt(Fixtures.position(ETH, "-2", 3_000, 3_000, 5), 3_600);
    }

    @Test
    void theHandComputedReport() {
        PortfolioHeat r = Harness.model(List.of(eth(), btc(45_000, 10)), Fixtures.account(10_000, 0),
                RiskSettings.defaults());
        assertThat(r.positionRisks()).extracting(PositionRisk::symbol, PositionRisk::side, PositionRisk::notional,
                        PositionRisk::liquidationDistancePct, PositionRisk::components, PositionRisk::riskScore,
                        PositionRisk::riskLevel)
                .containsExactly(
                        tuple(BTC, PositionSide.LONG, 10_000.0, 10.0, new ScoreComponents(50, 80, 0, 50), 54.5,
                                RiskLevel.MODERATE),
                        tuple(ETH, PositionSide.SHORT, 6_000.0, 20.0, new ScoreComponents(25, 60, 0, 30), 36.25,
                                RiskLevel.MODERATE));
        assertThat(r.grossExposure()).isEqualTo(16_000.0);
        assertThat(r.netExposure()).isEqualTo(4_000.0);
        assertThat(r.averageLeverage()).isEqualTo(8.13);
        assertThat(r.effectiveLeverage()).isEqualTo(1.6);
        assertThat(r.heatComponents()).isEqualTo(new HeatComponents(47.66, 100, 62.5, 100, 1));
        assertThat(r.portfolioHeatScore()).isEqualTo(68.2);
        assertThat(r.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(r.diversification().effectiveBets()).isEqualTo(1.0);
        assertThat(r.rebalanceRequired()).isTrue();
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action, RebalanceAction::symbol,
                        RebalanceAction::trigger, RebalanceAction::side, RebalanceAction::quantity,
                        RebalanceAction::currentLeverage, RebalanceAction::targetLeverage)
                .containsExactly(
                        tuple(ActionType.REDUCE_POSITION, BTC, Trigger.SECTOR_CONCENTRATION, Side.SELL,
                                new BigDecimal("0.100"), null, null),
                        tuple(ActionType.ADJUST_LEVERAGE, BTC, Trigger.AVERAGE_LEVERAGE, null, null, 10, 3),
                        tuple(ActionType.ADJUST_LEVERAGE, ETH, Trigger.AVERAGE_LEVERAGE, null, null, 5, 3));
        assertThat(r.alerts()).containsExactly(
                "Sector BITCOIN holds 62.5 % of the exposure (BTCUSDT), above max_sector_concentration_pct 50 %.",
                "Average leverage 8.13x (weighted by notional) is above max_avg_leverage 3x.");
    }

    @Test
    void heatAboveTheMaximumReducesAndHedgesTheLargestContributor() {
        // BTC at 20x and 5 % from liquidation: 0.25·100 + 0.40·90 + 0.20·50 = 71 (below 75);
        // P = (10 000·71 + 6 000·36.25) / 16 000 = 57.96875; heat = 28.984375 + 20 + 9.375 + 15 = 73.36 > 70
        PortfolioHeat r = Harness.model(List.of(btc(47_500, 20), eth()), Fixtures.account(10_000, 0),
                RiskSettings.defaults());
        assertThat(r.positionRisks().get(0).riskScore()).isEqualTo(71.0);
        assertThat(r.portfolioHeatScore()).isEqualTo(73.36);
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action, RebalanceAction::symbol,
                        RebalanceAction::trigger)
                .containsExactly(
                        tuple(ActionType.REDUCE_POSITION, BTC, Trigger.PORTFOLIO_HEAT),
                        tuple(ActionType.ADJUST_LEVERAGE, BTC, Trigger.AVERAGE_LEVERAGE),
                        tuple(ActionType.ADJUST_LEVERAGE, ETH, Trigger.AVERAGE_LEVERAGE),
                        tuple(ActionType.ADD_HEDGE, BTC, Trigger.PORTFOLIO_HEAT));
        assertThat(r.alerts()).startsWith("Portfolio heat 73.36 is above max_portfolio_heat 70.");
        assertThat(r.rebalanceActions().get(0).reason()).isEqualTo("Portfolio heat 73.36 is above 70; BTCUSDT"
                + " contributes most (10000 USDT at risk score 71). Reduce it by 50 %.");
    }

    @Test
    void aClosedPositionGetsNoLeverageChangeAndTheHeatRuleAddsNothingWhenItClosesTheLargestContributor() {
        // BTC 0.4 at 20x, marked 50 000 below its liquidation price 51 000 (distance 0), entered at 62 500 (20 %
        // drawdown), 200 % of equity: 25 + 40 + 15 + 20 = 100 > 90 → CLOSE. Heat ≈ 94 > 70, but its largest
        // contributor is BTC, already closed: the heat rule adds no reduction or hedge of the innocent ETH.
        Position btc = Fixtures.liquidatingAt(Fixtures.position(BTC, "0.4", 62_500, 50_000, 20), 51_000);
        Position eth = Fixtures.liquidatingAt(Fixtures.position(ETH, "-1", 3_000, 3_000, 10), 3_600);
        PortfolioHeat r = Harness.model(List.of(btc, eth), Fixtures.account(15_000, -5_000), RiskSettings.defaults());
        assertThat(r.positionRisks().get(0).riskScore()).isEqualTo(100.0);
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action, RebalanceAction::symbol,
                        RebalanceAction::quantity)
                .containsExactly(
                        tuple(ActionType.CLOSE_POSITION, BTC, new BigDecimal("0.4")),
                        tuple(ActionType.ADJUST_LEVERAGE, ETH, null));
        assertThat(r.portfolioHeatScore()).isGreaterThan(70);
    }

    @Test
    void aReductionBelowTheMinimumQuantitySendsNothingAndSaysWhy() {
        // 0.001 BTC (the minimum) cannot be halved: 0.0005 rounds down to 0
        RiskSettings s = Harness.settings(java.util.Map.of(RiskSettings.MAX_POSITION_RISK, 1.0));
        PortfolioHeat r = Harness.model(List.of(Fixtures.position(BTC, "0.001", 50_000, 50_000, 3)),
                Fixtures.account(10_000, 0), s);
        RebalanceAction a = r.rebalanceActions().get(0);
        assertThat(a.action()).isEqualTo(ActionType.REDUCE_POSITION);
        assertThat(a.quantity()).isNull();
        assertThat(a.side()).isNull();
        assertThat(a.note()).isEqualTo("50 % of 0.001 BTCUSDT rounds to 0, below the minimum quantity 0.001: no order"
                + " is sent; close the position if it must go.");
    }

    @Test
    void quantitiesAreRoundedDownToTheStepSize() {
        RiskSettings s = Harness.settings(java.util.Map.of(RiskSettings.MAX_POSITION_RISK, 1.0));
        PortfolioHeat r = Harness.model(List.of(Fixtures.position(BTC, "0.015", 50_000, 50_000, 3),
                Fixtures.position(Fixtures.SOL, "-7", 100, 100, 3)), Fixtures.account(10_000, 0), s);
        // 0.0075 → 0.007 (step 0.001); 3.5 → 3 (step 1); a short is reduced by buying
        assertThat(r.rebalanceActions()).filteredOn(a -> a.action() == ActionType.REDUCE_POSITION)
                .extracting(RebalanceAction::symbol, RebalanceAction::side, RebalanceAction::quantity)
                .containsExactly(tuple(BTC, Side.SELL, new BigDecimal("0.007")),
                        tuple(Fixtures.SOL, Side.BUY, new BigDecimal("3")));
    }

    @Test
    void anEmptyPortfolioIsAValidZeroRiskReport() {
        PortfolioHeat r = new Harness().heat();
        assertThat(r.portfolioHeatScore()).isZero();
        assertThat(r.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(r.rebalanceRequired()).isFalse();
        assertThat(r.positionRisks()).isEmpty();
        assertThat(r.rebalanceActions()).isEmpty();
        assertThat(r.alerts()).isEmpty();
        assertThat(r.grossExposure()).isZero();
        assertThat(r.averageLeverage()).isZero();
        assertThat(r.effectiveLeverage()).isZero();
        assertThat(r.equity()).isEqualTo(10_000.0);
        assertThat(r.heatComponents()).isEqualTo(new HeatComponents(0, 0, 0, 0, 0));
        assertThat(r.concentration().largestPositionSymbol()).isNull();
        assertThat(r.concentration().sectors()).isEmpty();
        assertThat(r.thresholds()).isEqualTo(new Thresholds(70, 75, 90, 50, 3, 3, 50));
    }

    @Test
    void nonPositiveEquityIsAnAlertAndFullSize() {
        PortfolioHeat r = Harness.model(List.of(Fixtures.position(BTC, "0.1", 60_000, 50_000, 3)),
                Fixtures.account(900, -1_000), RiskSettings.defaults());
        assertThat(r.effectiveLeverage()).isNull();
        assertThat(r.positionRisks().get(0).shareOfEquityPct()).isNull();
        assertThat(r.positionRisks().get(0).components().size()).isEqualTo(100.0);
        assertThat(r.alerts()).contains("Account equity is -100 USDT: every position is at risk of liquidation.");
    }
}
