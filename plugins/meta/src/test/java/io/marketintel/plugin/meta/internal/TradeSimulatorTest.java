package io.marketintel.plugin.meta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.Bias;
import org.junit.jupiter.api.Test;

/**
 * Simulated outcomes computed by hand. Price 100, unit 1 % (A = 1), six hourly candles (k1 = 1, k2 = 2).
 */
class TradeSimulatorTest {

    private static TradeSimulator.Result run(Arm arm, Bias d, double[][] ohlc) {
        double[] o = new double[ohlc.length];
        double[] h = new double[ohlc.length];
        double[] l = new double[ohlc.length];
        double[] c = new double[ohlc.length];
        for (int i = 0; i < ohlc.length; i++) {
            o[i] = ohlc[i][0];
            h[i] = ohlc[i][1];
            l[i] = ohlc[i][2];
            c[i] = ohlc[i][3];
        }
        return TradeSimulator.simulate(arm, d, 100, 1, o, h, l, c);
    }

    /**
     * static / disabled / AGGRESSIVE / MARKET, long: targets 100 + 1.3·(1.5, 3, 5) = 101.95, 103.9, 106.5 closing
     * 20 / 30 / 50 %. Candle 3 reaches 101.95 (0.2 out), candle 5 reaches 103.9 (0.3 out), 0.5 closes at 105.
     * P&L 0.2·1.95 + 0.3·3.9 + 0.5·5 = 4.06; costs 0.06 % of 100 + 0.2·101.95 + 0.3·103.9 + 0.5·105 = 0.122436;
     * return (4.06 − 0.122436) / 100 = 3.937564 %.
     */
    @Test
    void staticEntryTargetsAndHorizon() {
        TradeSimulator.Result r = run(Arm.STATIC_HOLD, Bias.LONG, new double[][] {
                {100, 100.6, 99.8, 100.5}, {100.5, 101.2, 100.4, 101}, {101, 102, 100.9, 102},
                {102, 103.2, 101.8, 103}, {103, 104, 102.9, 104}, {104, 105.2, 103.8, 105}});
        assertThat(r.returnPct()).isCloseTo(3.937564, within(1e-9));
        assertThat(r.exitReason()).isEqualTo("HORIZON");
        assertThat(r.filled()).isTrue();
        assertThat(r.barsHeld()).isEqualTo(6);
        assertThat(r.holdReturnPct()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void sniperNotReachedIsNoTrade() {
        TradeSimulator.Result r = run(Arm.SNIPER_STATIC, Bias.LONG, new double[][] {
                {100, 100.6, 99.6, 100.5}, {100.5, 101, 99, 100}, {100, 100, 99, 99.5},
                {99.5, 100, 99, 99.5}, {99.5, 100, 99, 99.5}, {99.5, 100, 99, 99.5}});
        // Limit 99.5 works only during candle 1 (k1 = 1); candle 1's low 99.6 misses it.
        assertThat(r.filled()).isFalse();
        assertThat(r.returnPct()).isZero();
        assertThat(r.exitReason()).isEqualTo("NOT_FILLED");
    }

    /**
     * sniper / static / CONSERVATIVE / TWAP, long: limit 99.5 filled in candle 1 (open 100 is above it); stop 99.5 − 2
     * = 97.5; candle 2 (open 99) reaches 97 → out at 97.5. P&L −2; costs 0.045 % of 99.5 + 97.5 = 0.08865;
     * return −2.08865 %.
     */
    @Test
    void sniperFilledThenStopped() {
        TradeSimulator.Result r = run(Arm.SNIPER_STATIC, Bias.LONG, new double[][] {
                {100, 100.2, 99.4, 99.6}, {99, 99.2, 97, 97.2}, {97, 98, 96, 97},
                {97, 98, 96, 97}, {97, 98, 96, 97}, {97, 98, 96, 97}});
        assertThat(r.returnPct()).isCloseTo(-2.08865, within(1e-9));
        assertThat(r.exitReason()).isEqualTo("STOP");
        assertThat(r.barsHeld()).isEqualTo(2);
    }

    /**
     * dca / breakeven / CONSERVATIVE / ADAPTIVE, short: ⅓ at 100; ⅓ at candle 1's close 101 (average 100.5, stop
     * 102.5); ⅓ at candle 2's close 102 (average 101, stop 103); candle 3 reaches 103.5 → all out at 103 (open 102 is
     * below the stop). P&L −(103 − 101) = −2; costs 0.04 % of 101 (average entry notional) + 103 = 0.0816; return
     * −2.0816 %.
     */
    @Test
    void dcaAveragesAgainstAShortAndTheStopFollowsTheAverage() {
        TradeSimulator.Result r = run(Arm.DCA_BREAKEVEN, Bias.SHORT, new double[][] {
                {100, 101.2, 99.8, 101}, {101, 102.3, 100.8, 102}, {102, 103.5, 101.9, 103.2},
                {103, 104, 102, 103}, {103, 104, 102, 103}, {103, 104, 102, 103}});
        assertThat(r.returnPct()).isCloseTo(-2.0816, within(1e-9));
        assertThat(r.exitReason()).isEqualTo("STOP");
        assertThat(r.filledFraction()).isCloseTo(1.0, within(1e-12));
    }

    /**
     * pyramid / smart / AGGRESSIVE / ICEBERG, long: ⅓ at 100; candle 1 closes 100.8 above it → ⅓ more (average
     * 100.4); candle 2 closes 100.5, below the last entry 100.8 → no add. Candle 3 reaches 101.95 → 0.2 out there; the
     * rest (⅔ − 0.2) closes at 101.5. P&L 0.2·1.55 + 0.4666…·1.1 = 0.823333…; costs 0.045 % of (33.333 + 33.6) +
     * 0.2·101.95 + 0.4666…·101.5 = 0.0606105; return 0.7627228… %.
     */
    @Test
    void pyramidAddsOnlyInProfit() {
        TradeSimulator.Result r = run(Arm.PYRAMID_SMART, Bias.LONG, new double[][] {
                {100, 100.9, 99.9, 100.8}, {100.8, 100.9, 100.3, 100.5}, {100.5, 102, 100.4, 101.6},
                {101.6, 101.9, 101.2, 101.8}, {101.8, 101.9, 101.3, 101.4}, {101.4, 101.7, 101.2, 101.5}});
        double pnl = 0.2 * 1.55 + (2.0 / 3 - 0.2) * 1.1;
        double costs = 0.00045 * ((100 + 100.8) / 3 + 0.2 * 101.95 + (2.0 / 3 - 0.2) * 101.5);
        assertThat(r.returnPct()).isCloseTo(pnl - costs, within(1e-9));
        assertThat(r.returnPct()).isCloseTo(0.7627228, within(1e-6));
        assertThat(r.filledFraction()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.exitReason()).isEqualTo("HORIZON");
    }

    /**
     * static / dynamic / ADAPTIVE / LIMIT, long: stop trails the best close by 2. Closes 101, 102.95 → stop 100.95;
     * candle 3 opens 102.5 and falls to 100.5 → out at 100.95. Target 1 (101.5, 25 %) was reached in candle 1 (high
     * 101.6), target 2 (103) never. P&L 0.25·1.5 + 0.75·0.95 = 1.0875; costs 0.02 % of 100 + 0.25·101.5 +
     * 0.75·100.95 = 0.0402175; return 1.0472825 %.
     */
    @Test
    void dynamicStopTrailsTheBestClose() {
        TradeSimulator.Result r = run(Arm.STATIC_DYNAMIC, Bias.LONG, new double[][] {
                {100, 101.6, 99.9, 101}, {101, 102.95, 100.9, 102.95}, {102.5, 102.6, 100.5, 100.8},
                {100.8, 101, 100, 100.5}, {100.5, 101, 100, 100.5}, {100.5, 101, 100, 100.5}});
        assertThat(r.returnPct()).isCloseTo(1.0472825, within(1e-9));
        assertThat(r.exitReason()).isEqualTo("STOP");
    }

    /**
     * static / profit_based / ADAPTIVE / MARKET, short: no stop until 1.5 in profit, then 1 behind the best close.
     * Candle 1 rises to 101.9 (no stop yet), closes 101.5; candle 2 closes 98.4 (best, 1.6 in profit: stop 99.4);
     * target 1 (98.5, 25 %) reached in candle 2 (low 98.3); candle 3 reaches 99.6 → out at 99.4 (open 98.6).
     * P&L 0.25·1.5 + 0.75·0.6 = 0.825; costs 0.06 % of 100 + 0.25·98.5 + 0.75·99.4 = 0.119505; return 0.705495 %.
     */
    @Test
    void profitBasedTrailsOnlyOnceInProfit() {
        TradeSimulator.Result r = run(Arm.STATIC_PROFIT, Bias.SHORT, new double[][] {
                {100, 101.9, 99.8, 101.5}, {101.5, 101.6, 98.3, 98.4}, {98.6, 99.6, 98.55, 99.5},
                {99.5, 100, 99, 99.5}, {99.5, 100, 99, 99.5}, {99.5, 100, 99, 99.5}});
        assertThat(r.returnPct()).isCloseTo(0.705495, within(1e-9));
        assertThat(r.exitReason()).isEqualTo("STOP");
    }

    @Test
    void aNeutralRecommendationHasNoTrade() {
        assertThatThrownBy(() -> TradeSimulator.simulate(Arm.STATIC_HOLD, Bias.NEUTRAL, 100, 1, new double[] {1},
                new double[] {1}, new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEUTRAL");
    }
}
