package io.marketintel.plugin.risk.internal;

import static io.marketintel.plugin.risk.internal.Fixtures.BTC;
import static io.marketintel.plugin.risk.internal.Fixtures.ETH;
import static io.marketintel.plugin.risk.internal.Fixtures.SOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Concentration per sector, hand-computed. Heat and leverage rules are switched off (max_portfolio_heat 100,
 * max_avg_leverage 125) so the sector rule acts alone; every position runs at 2x.
 */
class ConcentrationTest {

    private static final Map<String, Object> SECTOR_RULE_ONLY = Map.of(RiskSettings.MAX_PORTFOLIO_HEAT, 100.0,
            RiskSettings.MAX_AVG_LEVERAGE, 125.0);

    private static PortfolioHeat report(Map<String, ?> extra, Position... positions) {
        Map<String, Object> o = new java.util.HashMap<>(SECTOR_RULE_ONLY);
        o.putAll(extra);
        return Harness.model(List.of(positions), Fixtures.account(10_000, 0), Harness.settings(o));
    }

    private static Position btc(String qty) {
        return Fixtures.position(BTC, qty, 50_000, 50_000, 2);
    }

    private static Position eth(String qty) {
        return Fixtures.position(ETH, qty, 3_000, 3_000, 2);
    }

    private static Position sol(String qty) {
        return Fixtures.position(SOL, qty, 100, 100, 2);
    }

    @Test
    void sharesPerSectorOfTheGrossExposure() {
        // BTC 5 000 (BITCOIN), ETH 3 000 + SOL 2 000 (LAYER1): 50 % each, not above 50 %
        PortfolioHeat r = report(Map.of(), btc("0.1"), eth("1"), sol("20"));
        Concentration c = r.concentration();
        assertThat(c.sectors()).extracting(SectorExposure::sector, SectorExposure::notional,
                        SectorExposure::shareOfExposurePct, SectorExposure::symbols)
                .containsExactly(tuple("BITCOIN", 5_000.0, 50.0, List.of(BTC)),
                        tuple("LAYER1", 5_000.0, 50.0, List.of(ETH, SOL)));
        assertThat(c.largestPositionSymbol()).isEqualTo(BTC);
        assertThat(c.largestPositionPct()).isEqualTo(50.0);
        assertThat(c.largestSector()).isEqualTo("BITCOIN");
        assertThat(c.largestSectorPct()).isEqualTo(50.0);
        assertThat(c.unmappedSymbols()).isEmpty();
        assertThat(r.positionRisks()).extracting(PositionRisk::symbol, PositionRisk::sector,
                        PositionRisk::shareOfExposurePct, PositionRisk::shareOfEquityPct)
                .containsExactly(tuple(BTC, "BITCOIN", 50.0, 50.0), tuple(ETH, "LAYER1", 30.0, 30.0),
                        tuple(SOL, "LAYER1", 20.0, 20.0));
        assertThat(r.rebalanceRequired()).isFalse();
        assertThat(r.rebalanceActions()).isEmpty();
    }

    @Test
    void aSectorAboveTheMaximumReducesItsLargestPosition() {
        // LAYER1 = 3 000 + 2 500 of 10 500 = 52.38 % > 50 %: reduce ETH (its largest) by 50 %
        PortfolioHeat r = report(Map.of(), btc("0.1"), eth("1"), sol("25"));
        assertThat(r.concentration().largestSector()).isEqualTo("LAYER1");
        assertThat(r.concentration().largestSectorPct()).isEqualTo(52.38);
        assertThat(r.rebalanceRequired()).isTrue();
        assertThat(r.alerts()).containsExactly("Sector LAYER1 holds 52.38 % of the exposure (ETHUSDT, SOLUSDT), above"
                + " max_sector_concentration_pct 50 %.");
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action, RebalanceAction::symbol,
                        RebalanceAction::trigger, RebalanceAction::side, RebalanceAction::quantity)
                .containsExactly(tuple(ActionType.REDUCE_POSITION, ETH, Trigger.SECTOR_CONCENTRATION, Side.SELL,
                        new BigDecimal("0.500")));
    }

    @Test
    void theSectorMapIsConfigurableAndLaidOverTheBuiltInOne() {
        // SOL moved to its own sector: LAYER1 = ETH 3 000 = 28.57 %, SOLANA 23.81 %, BITCOIN 47.62 %: no breach
        PortfolioHeat r = report(Map.of(RiskSettings.SECTORS, Map.of(SOL, "SOLANA")), btc("0.1"), eth("1"), sol("25"));
        assertThat(r.concentration().sectors()).extracting(SectorExposure::sector, SectorExposure::shareOfExposurePct)
                .containsExactly(tuple("BITCOIN", 47.62), tuple("LAYER1", 28.57), tuple("SOLANA", 23.81));
        assertThat(r.rebalanceActions()).isEmpty();
    }

    @Test
    void anUnmappedSymbolIsItsOwnSector() {
        Position other = Fixtures.position("NEWUSDT", "1000", 2, 2, 2);
        PortfolioHeat r = report(Map.of(), btc("0.1"), other);
        assertThat(r.concentration().unmappedSymbols()).containsExactly("NEWUSDT");
        assertThat(r.concentration().sectors()).extracting(SectorExposure::sector, SectorExposure::shareOfExposurePct)
                .containsExactly(tuple("BITCOIN", 71.43), tuple("NEWUSDT", 28.57));
    }

    @Test
    void whenEverythingIsInOneSectorReducingCannotHelpSoTheLargestPositionIsHedged() {
        PortfolioHeat r = report(Map.of(), eth("1"), sol("20"));
        assertThat(r.concentration().largestSectorPct()).isEqualTo(100.0);
        assertThat(r.rebalanceActions()).extracting(RebalanceAction::action, RebalanceAction::symbol,
                        RebalanceAction::trigger)
                .containsExactly(tuple(ActionType.ADD_HEDGE, ETH, Trigger.SECTOR_CONCENTRATION));
    }

    @Test
    void aSinglePositionIsNotASectorBreach() {
        PortfolioHeat r = report(Map.of(), btc("0.1"));
        assertThat(r.concentration().largestSectorPct()).isEqualTo(100.0);
        assertThat(r.rebalanceRequired()).isFalse();
        assertThat(r.rebalanceActions()).isEmpty();
    }

    @Test
    void theMaximumIsConfigurable() {
        PortfolioHeat r = report(Map.of(RiskSettings.MAX_SECTOR_CONCENTRATION_PCT, 60.0), btc("0.1"), eth("1"),
                sol("25"));
        assertThat(r.rebalanceActions()).isEmpty();
    }
}
