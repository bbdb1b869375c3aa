package io.marketintel.plugin.liquidations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.LeverageBracket;
import io.marketintel.plugin.liquidations.internal.LiquidationPrice.Brackets;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binance's one-way liquidation price, by hand, and bracket re-picking on the real BTCUSDT brackets. */
class LiquidationPriceTest {

    /** The bracket 2 of BTCUSDT: 50 000 … 600 000 USDT, MMR 0.5 %, cum 50. */
    private static final Brackets MMR_05_CUM_50 = Brackets.of(List.of(
            new LeverageBracket(2, 100, 600_000, 0, 0.005, 50)));

    @Test
    void workedExampleIsolatedLong() {
        // isolated long 1 BTC @ 60000, wallet 6000, MMR 0.005, cum 50:
        // (6000 + 50 - 1*1*60000) / (1*0.005 - 1*1) = -53950 / -0.995 = 54221.1055...
        assertThat(LiquidationPrice.formula(1, 1, 60_000, 6_000, 0, 0, 0.005, 50)).isCloseTo(54_221.11, within(0.005));
        assertThat(LiquidationPrice.isolated(1, 1, 60_000, 6_000, MMR_05_CUM_50)).isCloseTo(54_221.11, within(0.005));
        // 6000 is the initial margin of 1 BTC @ 60000 at 10x
        assertThat(LiquidationPrice.isolatedAtLeverage(1, 1, 60_000, 10, MMR_05_CUM_50))
                .isCloseTo(54_221.11, within(0.005));
    }

    @Test
    void shortCounterpart() {
        // isolated short 1 BTC @ 60000, wallet 6000, MMR 0.005, cum 50, side = -1:
        // (6000 + 50 + 1*1*60000) / (1*0.005 + 1*1) = 66050 / 1.005 = 65721.3930...
        assertThat(LiquidationPrice.formula(-1, 1, 60_000, 6_000, 0, 0, 0.005, 50)).isCloseTo(65_721.39, within(0.005));
        assertThat(LiquidationPrice.isolatedAtLeverage(-1, 1, 60_000, 10, MMR_05_CUM_50))
                .isCloseTo(65_721.39, within(0.005));
    }

    @Test
    void crossTermsEnterTheNumerator() {
        // (6000 + 500 - 200 + 50 - 60000) / (0.005 - 1) = -53650 / -0.995 = 53919.5979...
        assertThat(LiquidationPrice.formula(1, 1, 60_000, 6_000, 500, 200, 0.005, 50)).isCloseTo(53_919.598, within(0.001));
    }

    @ParameterizedTest(name = "{0} {1}x at 100 -> {2}")
    @CsvSource({
            // one bracket, MMR 0.4 %, cum 0: long LP = EP*(1 - 1/L)/(1 - mmr), short LP = EP*(1 + 1/L)/(1 + mmr)
            " 1,   5, 80.321285",    // 100*0.8/0.996
            " 1,  10, 90.361446",    // 100*0.9/0.996
            " 1,  20, 95.381526",    // 100*0.95/0.996
            " 1, 100, 99.397590",    // 100*0.99/0.996
            "-1,   5, 119.521912",   // 100*1.2/1.004
            "-1,  10, 109.561753",   // 100*1.1/1.004
            "-1, 100, 100.597610",   // 100*1.01/1.004
    })
    void leverageTiersOnOneBracket(int side, int leverage, double expected) {
        Brackets flat = Brackets.of(Fixtures.flatBracket(0.004, 0, 125));
        assertThat(LiquidationPrice.isolatedAtLeverage(side, 3, 100, leverage, flat)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void aLongThatCannotBeLiquidatedHasNoPrice() {
        // 1x long, cum 50: (60000 + 50 - 60000) / (0.005 - 1) < 0 -> no liquidation price
        assertThat(LiquidationPrice.isolatedAtLeverage(1, 1, 60_000, 1, MMR_05_CUM_50)).isNaN();
        assertThat(LiquidationPrice.isolated(1, 0, 60_000, 100, MMR_05_CUM_50)).isNaN();
    }

    @Test
    void shortRepicksTheHigherBracketWhenTheNotionalAtLiquidationCrossesItsFloor() throws IOException {
        Brackets btc = Brackets.of(JacksonSupport.sharedBrackets("BTCUSDT"));
        // real BTCUSDT: bracket 2 = [50000, 600000) MMR 0.005 cum 50; bracket 3 = [600000, 3000000) MMR 0.0065 cum 950
        assertThat(btc.indexOf(570_000)).isEqualTo(1);
        assertThat(btc.mmr(2)).isEqualTo(0.0065);
        assertThat(btc.cum(2)).isEqualTo(950);
        // short 9.5 BTC @ 60000 at 10x: notional 570000 (bracket 2), wallet 57000
        // bracket 2: (57000 + 50 + 570000) / (9.5*0.005 + 9.5) = 627050 / 9.5475 = 65676.88; 9.5 * 65676.88 = 623930 >= 600000
        // bracket 3: (57000 + 950 + 570000) / (9.5*0.0065 + 9.5) = 627950 / 9.56175 = 65673.12; 9.5 * 65673.12 = 623895: stays
        double first = LiquidationPrice.formula(-1, 9.5, 60_000, 57_000, 0, 0, 0.005, 50);
        assertThat(first).isCloseTo(65_676.88, within(0.005));
        assertThat(first * 9.5).isGreaterThan(600_000);
        assertThat(LiquidationPrice.isolatedAtLeverage(-1, 9.5, 60_000, 10, btc)).isCloseTo(65_673.12, within(0.005));
    }

    @Test
    void longRepicksTheLowerBracketWhenTheNotionalAtLiquidationFallsBelowItsFloor() throws IOException {
        Brackets btc = Brackets.of(JacksonSupport.sharedBrackets("BTCUSDT"));
        // long 1 BTC @ 50500 at 10x: notional 50500 (bracket 2, MMR 0.005 cum 50), wallet 5050
        // bracket 2: (5050 + 50 - 50500) / (0.005 - 1) = 45400 / 0.995 = 45628.14 < 50000 -> bracket 1
        // bracket 1 (MMR 0.004, cum 0): (5050 - 50500) / (0.004 - 1) = 45450 / 0.996 = 45632.53; stays in bracket 1
        assertThat(btc.indexOf(50_500)).isEqualTo(1);
        assertThat(LiquidationPrice.formula(1, 1, 50_500, 5_050, 0, 0, 0.005, 50)).isCloseTo(45_628.14, within(0.005));
        assertThat(LiquidationPrice.isolatedAtLeverage(1, 1, 50_500, 10, btc)).isCloseTo(45_632.53, within(0.005));
    }

    @Test
    void continuousBracketsMakeRepickingAgreeWithTheConsistentBracket() throws IOException {
        // With cum_n = cum_{n-1} + floor_n*(mmr_n - mmr_{n-1}) the two candidate prices differ by cents only, and the
        // re-picked one is the one whose notional lies in its own bracket.
        Brackets btc = Brackets.of(JacksonSupport.sharedBrackets("BTCUSDT"));
        for (double qty : new double[] {0.5, 9.5, 49, 190, 1_500}) {
            for (int side : new int[] {1, -1}) {
                double lp = LiquidationPrice.isolatedAtLeverage(side, qty, 60_000, 4, btc);
                int b = btc.indexOf(qty * lp);
                assertThat(LiquidationPrice.formula(side, qty, 60_000, qty * 60_000 / 4, 0, 0, btc.mmr(b), btc.cum(b)))
                        .as("side %d qty %s", side, qty).isCloseTo(lp, within(1e-6));
            }
        }
    }

    @Test
    void bracketLookupAndMaxLeverage() throws IOException {
        Brackets btc = Brackets.of(JacksonSupport.sharedBrackets("BTCUSDT"));
        assertThat(btc.size()).isEqualTo(12);
        assertThat(btc.indexOf(0)).isZero();
        assertThat(btc.indexOf(49_999.99)).isZero();
        assertThat(btc.indexOf(50_000)).isEqualTo(1);            // floors are inclusive
        assertThat(btc.indexOf(5e12)).isEqualTo(11);            // beyond the last cap: the last bracket
        assertThat(btc.maxLeverage(100_000)).isEqualTo(100);
        assertThat(btc.maxLeverage(1_000_000)).isEqualTo(75);
        assertThat(btc.maxLeverage(20_000)).isEqualTo(125);
    }
}
