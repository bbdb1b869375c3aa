package io.marketintel.runtime.market.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.LeverageBracket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binance's liquidation price, checked against numbers worked out by hand. */
class LiquidationTest {

    private static final List<LeverageBracket> BTC = SymbolTable.find("BTCUSDT").brackets();

    @Test
    void theDocumentedIsolatedLong() {
        // isolated long 1 BTC @ 60000, WB 6000, MMR 0.005, cum 50:
        // (6000 + 50 − 60000) / (0.005 − 1) = −53950 / −0.995 = 54221.105…
        assertThat(Liquidation.price(1, 1, 60_000, 6_000, 0, 0, 0.005, 50)).isCloseTo(54_221.11, within(0.005));
        // with Binance's BTC brackets the notional 60000 and the notional at 54221 both sit in bracket 2
        assertThat(Liquidation.price(1, 1, 60_000, 6_000, 0, 0, BTC)).isCloseTo(54_221.11, within(0.005));
    }

    @Test
    void anIsolatedShort() {
        // (6000 + 50 + 60000) / (0.005 + 1) = 66050 / 1.005 = 65721.393…
        assertThat(Liquidation.price(-1, 1, 60_000, 6_000, 0, 0, BTC)).isCloseTo(65_721.39, within(0.005));
    }

    @Test
    void theBracketIsRepickedAtTheLiquidationNotional() {
        // long 1 BTC @ 52000 (bracket 2), WB 3000: bracket 2 gives (3000 + 50 − 52000) / −0.995 = 49195.98,
        // a notional in bracket 1, which gives (3000 − 52000) / (0.004 − 1) = 49196.787…, still bracket 1
        assertThat(Liquidation.price(1, 1, 52_000, 3_000, 0, 0, 0.005, 50)).isCloseTo(49_195.98, within(0.005));
        assertThat(Liquidation.price(1, 1, 52_000, 3_000, 0, 0, BTC)).isCloseTo(49_196.79, within(0.005));
    }

    @Test
    void crossMarginCountsTheOtherPositions() {
        // cross long 2 BTC @ 60000 (notional 120000, bracket 2), wallet 10000, another position with
        // unrealised −1000 and maintenance 300: (10000 − 1000 − 300 + 50 − 120000) / (2·0.005 − 2)
        // = −111250 / −1.99 = 55904.52…
        assertThat(Liquidation.price(1, 2, 60_000, 10_000, -1_000, 300, BTC)).isCloseTo(55_904.52, within(0.005));
    }

    @Test
    void aFullyCollateralisedLongCannotBeLiquidated() {
        assertThat(Liquidation.price(1, 1, 60_000, 70_000, 0, 0, BTC)).isZero();
        assertThat(Liquidation.price(1, 0, 60_000, 1_000, 0, 0, BTC)).isZero();
    }

    @Test
    void maintenanceMarginUsesTheBracket() {
        // 120000 in bracket 2: 120000 × 0.005 − 50 = 550; 10000 in bracket 1: 40
        assertThat(Liquidation.maintenance(120_000, BTC)).isCloseTo(550, within(1e-9));
        assertThat(Liquidation.maintenance(10_000, BTC)).isCloseTo(40, within(1e-9));
    }
}
