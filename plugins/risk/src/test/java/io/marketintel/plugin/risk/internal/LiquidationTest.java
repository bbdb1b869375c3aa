package io.marketintel.plugin.risk.internal;

import static io.marketintel.plugin.risk.internal.Fixtures.BTC;
import static io.marketintel.plugin.risk.internal.Fixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.trading.MarginType;
import io.marketintel.api.trading.Position;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Binance's liquidation price {@code LP = (WB + UPNL_other − TMM_other + cum − side·Q·EP) / (Q·MMR − side·Q)} on
 * hand-computed positions, and where the report takes it from.
 */
class LiquidationTest {

    @Test
    void binancesWorkedExampleIsolatedLong() {
        // isolated long 1 BTC @ 60 000, WB 6 000, MMR 0.005, cum 50:
        // (6 000 + 50 − 60 000) / (0.005 − 1) = −53 950 / −0.995 = 54 221.105527…
        assertThat(LiquidationMath.price(1, 1, 60_000, 6_000, 0, 0, 0.005, 50)).isCloseTo(54_221.11, within(0.005));
        assertThat(LiquidationMath.price(1, 1, 60_000, 6_000, 0, 0, Fixtures.btcBrackets()))
                .isCloseTo(53_950 / 0.995, within(1e-6));
    }

    @Test
    void isolatedShort() {
        // (6 000 + 50 + 60 000) / (0.005 + 1) = 66 050 / 1.005 = 65 721.39303…; its notional stays in bracket 2
        assertThat(LiquidationMath.price(-1, 1, 60_000, 6_000, 0, 0, Fixtures.btcBrackets()))
                .isCloseTo(66_050 / 1.005, within(1e-6));
    }

    @Test
    void crossLongCountsTheOtherPositionsPnlAndMaintenance() {
        // cross long 1 BTC @ 60 000 (bracket 2: 0.5 %, cum 50), wallet 10 000; the other cross position is short
        // 10 ETH @ 3 000 marked 3 100: UPNL_other = −1 000, TMM_other = 31 000 × 0.5 % = 155.
        // (10 000 − 1 000 − 155 + 50 − 60 000) / (0.005 − 1) = −51 105 / −0.995 = 51 361.809045…
        assertThat(LiquidationMath.price(1, 1, 60_000, 10_000, -1_000, 155, Fixtures.btcBrackets()))
                .isCloseTo(51_105 / 0.995, within(1e-6));
    }

    @Test
    void theBracketIsRepickedAtTheLiquidationNotional() {
        // isolated long 1 BTC @ 52 000 (notional in bracket 2), WB 5 200: bracket 2 gives
        // (5 200 + 50 − 52 000) / −0.995 = 46 984.92, a notional in bracket 1 (0.4 %, cum 0), which gives
        // (5 200 − 52 000) / (0.004 − 1) = −46 800 / −0.996 = 46 987.951807…, still bracket 1.
        assertThat(LiquidationMath.price(1, 1, 52_000, 5_200, 0, 0, Fixtures.btcBrackets()))
                .isCloseTo(46_800 / 0.996, within(1e-6));
    }

    @Test
    void aLongTheWalletCoversAllTheWayDownHasNoLiquidationPrice() {
        assertThat(LiquidationMath.price(1, 1, 60_000, 70_000, 0, 0, Fixtures.btcBrackets())).isZero();
        assertThat(LiquidationMath.distancePct(1, 60_000, 0)).isNull();
    }

    @Test
    void distanceIsTheAdverseMoveInPercentOfTheMark() {
        assertThat(LiquidationMath.distancePct(1, 60_000, 54_000)).isCloseTo(10.0, within(1e-12));
        assertThat(LiquidationMath.distancePct(-1, 60_000, 66_000)).isCloseTo(10.0, within(1e-12));
        // already beyond: 0
        assertThat(LiquidationMath.distancePct(1, 50_000, 54_000)).isZero();
    }

    @Test
    void theReportComputesACrossPriceWithTheFormulaWhenTheExchangeGivesNone() {
        // the exchange reports no liquidation price for either position
        Position btc = Fixtures.position(BTC, "1", 60_000, 60_000, 10);
        Position eth = Fixtures.position(ETH, "-10", 3_000, 3_100, 10);
        PortfolioHeat r = Harness.model(List.of(btc, eth), Fixtures.account(10_000, -1_000), RiskSettings.defaults(),
                null, Map.of(BTC, Fixtures.btcBrackets(), ETH, Fixtures.flatBrackets()));
        PositionRisk b = find(r, BTC);
        assertThat(b.liquidationSource()).isEqualTo(LiquidationSource.FORMULA);
        assertThat(b.liquidationPrice()).isEqualTo(51_361.81);
        // (60 000 − 51 361.809) / 60 000 = 14.397 %
        assertThat(b.liquidationDistancePct()).isEqualTo(14.4);
        // ETH short, cross: the other position (BTC) has UPNL 0 and TMM 60 000 × 0.5 % − 50 = 250:
        // (10 000 + 0 − 250 + 0 + 10 × 3 000) / (10 × 0.005 + 10) = 39 750 / 10.05 = 3 955.2239; 27.59 % above 3 100
        PositionRisk e = find(r, ETH);
        assertThat(e.liquidationSource()).isEqualTo(LiquidationSource.FORMULA);
        assertThat(e.liquidationPrice()).isEqualTo(3_955.22);
        assertThat(e.liquidationDistancePct()).isEqualTo(27.59);
    }

    @Test
    void theReportComputesAnIsolatedPriceFromTheIsolatedWallet() {
        // isolated margin as Binance reports it = isolated wallet + unrealised PnL: 6 000 + 0
        Position btc = Fixtures.isolated(Fixtures.position(BTC, "1", 60_000, 60_000, 10), 6_000);
        PortfolioHeat r = Harness.model(List.of(btc), Fixtures.account(20_000, 0), RiskSettings.defaults(), null,
                Map.of(BTC, Fixtures.btcBrackets()));
        PositionRisk b = r.positionRisks().get(0);
        assertThat(b.marginType()).isEqualTo(MarginType.ISOLATED);
        assertThat(b.liquidationSource()).isEqualTo(LiquidationSource.FORMULA);
        assertThat(b.liquidationPrice()).isEqualTo(54_221.11);
        // (60 000 − 54 221.1055) / 60 000 = 9.6315 %
        assertThat(b.liquidationDistancePct()).isEqualTo(9.63);
    }

    @Test
    void theExchangesPriceIsPreferredAndNoneAppliesWithoutBrackets() {
        Position reported = Fixtures.liquidatingAt(Fixtures.position(BTC, "1", 60_000, 60_000, 10), 50_000);
        Position unreported = Fixtures.position(ETH, "2", 3_000, 3_000, 10);
        PortfolioHeat r = Harness.model(List.of(reported, unreported), Fixtures.account(10_000, 0),
                RiskSettings.defaults());
        assertThat(find(r, BTC).liquidationSource()).isEqualTo(LiquidationSource.EXCHANGE);
        assertThat(find(r, BTC).liquidationPrice()).isEqualTo(50_000.0);
        assertThat(find(r, BTC).liquidationDistancePct()).isEqualTo(16.67);
        assertThat(find(r, ETH).liquidationSource()).isEqualTo(LiquidationSource.NONE);
        assertThat(find(r, ETH).liquidationPrice()).isNull();
        assertThat(find(r, ETH).liquidationDistancePct()).isNull();
        assertThat(find(r, ETH).components().liquidation()).isZero();
    }

    @Test
    void thePluginAsksForBracketsOnlyWhenTheExchangeReportsNoPrice() {
        Harness h = new Harness();
        h.exchange.hold(Fixtures.liquidatingAt(Fixtures.position(BTC, "1", 60_000, 60_000, 10), 50_000));
        h.heat();
        assertThat(h.market.count("leverageBrackets")).isZero();

        // cross long 10 ETH @ 3 000, wallet 10 000, BTC's maintenance 60 000 × 0.5 % − 50 = 250:
        // (10 000 − 250 − 30 000) / (10 × 0.005 − 10) = −20 250 / −9.95 = 2 035.18
        h.exchange.hold(Fixtures.position(ETH, "10", 3_000, 3_000, 10));
        h.market.leverageBrackets(BTC, Fixtures.btcBrackets());
        h.market.leverageBrackets(ETH, Fixtures.flatBrackets());
        PortfolioHeat r = h.heat();
        assertThat(h.market.requests()).contains("leverageBrackets BTCUSDT", "leverageBrackets ETHUSDT");
        assertThat(find(r, ETH).liquidationSource()).isEqualTo(LiquidationSource.FORMULA);
        assertThat(find(r, ETH).liquidationPrice()).isEqualTo(2_035.18);
        assertThat(find(r, BTC).liquidationSource()).isEqualTo(LiquidationSource.EXCHANGE);

        // 2 ETH: the wallet covers it all the way down, the formula gives no price
        h.exchange.hold(Fixtures.position(ETH, "2", 3_000, 3_000, 10));
        assertThat(find(h.heat(), ETH).liquidationSource()).isEqualTo(LiquidationSource.NONE);
    }

    static PositionRisk find(PortfolioHeat r, String symbol) {
        return r.positionRisks().stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElseThrow();
    }
}
