package io.marketintel.plugin.orderrouting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TWAP schedules, hand-computed. */
class TwapPlannerTest {

    private static final SymbolRules BTC = new SymbolRules(Fixtures.btc());

    private static List<String> quantities(Schedule s) {
        return s.slices().stream().map(p -> p.quantity().toPlainString()).toList();
    }

    private static List<Long> offsets(Schedule s) {
        return s.slices().stream().map(PlannedSlice::offsetMs).toList();
    }

    private static BigDecimal sum(Schedule s) {
        return s.slices().stream().map(PlannedSlice::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void equalSlicesOfWholeStepsSumExactlyToTheTotalAndTheFirstIsDueAtOnce() {
        // 1.000 BTC = 1000 steps of 0.001 over 7 slices: 142 each, the first 1000 mod 7 = 6 get one more.
        Schedule s = TwapPlanner.plan(new BigDecimal("1.000"), 7, 70_000, 0, 42, BTC.lot(true), BTC.minNotional(), 60_000);
        assertThat(quantities(s)).containsExactly("0.143", "0.143", "0.143", "0.143", "0.143", "0.143", "0.142");
        assertThat(sum(s)).isEqualByComparingTo("1.000");
        assertThat(offsets(s)).containsExactly(0L, 10_000L, 20_000L, 30_000L, 40_000L, 50_000L, 60_000L);
        assertThat(s.intervalMs()).isEqualTo(10_000);
        assertThat(s.slices()).extracting(PlannedSlice::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(s.note()).isNull();
        assertThat(s.cumulative(3)).isEqualByComparingTo("0.429");
    }

    @Test
    void slicesBelowMinNotionalAreMergedIntoFewerSlices() {
        // 0.010 BTC at 60000 in 10 slices would be 0.001 = 60 USDT < MIN_NOTIONAL 100: the smallest sendable slice is
        // ceil(100 / 60000 / 0.001) = 2 steps, so at most floor(10 / 2) = 5 slices of 0.002 (120 USDT each).
        Schedule s = TwapPlanner.plan(new BigDecimal("0.010"), 10, 300_000, 0, 1, BTC.lot(true), BTC.minNotional(), 60_000);
        assertThat(quantities(s)).containsExactly("0.002", "0.002", "0.002", "0.002", "0.002");
        assertThat(offsets(s)).containsExactly(0L, 60_000L, 120_000L, 180_000L, 240_000L);
        assertThat(s.note()).isEqualTo("10 slices of 0.001 would fall below MIN_NOTIONAL 100 at price 60000: merged into"
                + " 5 slices of at least 0.002");
    }

    @Test
    void oneSliceWhenOnlyTheWholeIsSendable() {
        // 0.003 BTC at 60000 = 180 USDT: two slices would be 0.001 + 0.002, the smaller one 60 USDT < 100.
        Schedule s = TwapPlanner.plan(new BigDecimal("0.003"), 2, 60_000, 0, 1, BTC.lot(true), BTC.minNotional(), 60_000);
        assertThat(quantities(s)).containsExactly("0.003");
        assertThat(offsets(s)).containsExactly(0L);
    }

    @Test
    void slicesAboveMarketMaxQtyAreSplitFurther() {
        // 300 BTC in 2 slices would be 150 > MARKET_LOT_SIZE maxQty 120: ceil(300 / 120) = 3 slices of 100.
        Schedule s = TwapPlanner.plan(new BigDecimal("300"), 2, 90_000, 0, 1, BTC.lot(true), BTC.minNotional(), 60_000);
        assertThat(quantities(s)).containsExactly("100", "100", "100");
        assertThat(offsets(s)).containsExactly(0L, 30_000L, 60_000L);
        assertThat(s.note()).contains("MARKET_LOT_SIZE maxQty 120: split into 3");
    }

    @Test
    void randomisationMovesLaterSlicesWithinTheBandReproduciblyPerSeed() {
        Schedule a = TwapPlanner.plan(new BigDecimal("1"), 10, 300_000, 20, 7, BTC.lot(true), BTC.minNotional(), 60_000);
        Schedule b = TwapPlanner.plan(new BigDecimal("1"), 10, 300_000, 20, 7, BTC.lot(true), BTC.minNotional(), 60_000);
        Schedule c = TwapPlanner.plan(new BigDecimal("1"), 10, 300_000, 20, 8, BTC.lot(true), BTC.minNotional(), 60_000);
        assertThat(offsets(a)).isEqualTo(offsets(b));
        assertThat(offsets(a)).isNotEqualTo(offsets(c));
        assertThat(a.slices().get(0).offsetMs()).isZero();
        for (int i = 1; i < 10; i++) {
            long grid = i * 30_000L;
            // ±20 % of the 30 s interval = ±6 s around the grid point
            assertThat(a.slices().get(i).offsetMs()).isBetween(grid - 6_000, grid + 6_000);
            assertThat(a.slices().get(i).offsetMs()).isGreaterThan(a.slices().get(i - 1).offsetMs());
        }
        assertThat(quantities(a)).containsOnly("0.1");
        // java.util.Random(7): the first nextDouble() is 0.7306990420600421 → 2·0.7307 − 1 = 0.4614 → 0.4614 × 20 % × 30 s
        // = +2768 ms
        assertThat(a.slices().get(1).offsetMs()).isEqualTo(32_768L);
    }

    @Test
    void marketExecutionsAreOneImmediateSliceUnlessAboveMaxQty() {
        assertThat(quantities(TwapPlanner.immediate(new BigDecimal("1.5"), BTC.lot(true)))).containsExactly("1.5");
        Schedule split = TwapPlanner.immediate(new BigDecimal("250"), BTC.lot(true));
        // 250 = 250000 steps over ceil(250 / 120) = 3 slices: 83334, 83333, 83333 steps
        assertThat(quantities(split)).containsExactly("83.334", "83.333", "83.333");
        assertThat(offsets(split)).containsOnly(0L);
    }
}
