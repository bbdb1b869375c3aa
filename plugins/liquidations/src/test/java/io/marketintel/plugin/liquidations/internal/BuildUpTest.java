package io.marketintel.plugin.liquidations.internal;

import static io.marketintel.plugin.liquidations.internal.Fixtures.HOUR;
import static io.marketintel.plugin.liquidations.internal.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.Kline;
import org.junit.jupiter.api.Test;

/** Where positions were entered: open interest changes located at the klines of their periods. */
class BuildUpTest {

    private static final long[] HOURS_0_TO_3 = {T0, T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR};
    private static final long[] KLINES_0_TO_2 = {T0, T0 + HOUR, T0 + 2 * HOUR};
    private static final double[] VWAP = {50, 60, 70};

    @Test
    void growthIsEnteredAtTheVwapOfThePeriodItHappenedInAndReductionsAreProportional() {
        // OI 100 -> 110 -> 104.5 -> 124.5
        //  +10 during hour 0 -> cohort of 10 at 50, observed at hour 1
        //  -5.5 during hour 1 -> every cohort keeps 1 - 5.5/110 = 0.95 -> 9.5
        //  +20 during hour 2 -> cohort of 20 at 70, observed at hour 3
        BuildUp b = BuildUp.walk(HOURS_0_TO_3, new double[] {100, 110, 104.5, 124.5}, KLINES_0_TO_2, VWAP, HOUR);
        assertThat(b.count).isEqualTo(2);
        assertThat(b.qty[0]).isCloseTo(9.5, within(1e-12));
        assertThat(b.entryPrice[0]).isEqualTo(50);
        assertThat(b.entryTime[0]).isEqualTo(T0 + HOUR);
        assertThat(b.klineIndex[0]).isZero();
        assertThat(b.qty[1]).isCloseTo(20, within(1e-12));
        assertThat(b.entryPrice[1]).isEqualTo(70);
        assertThat(b.entryTime[1]).isEqualTo(T0 + 3 * HOUR);
        assertThat(b.klineIndex[1]).isEqualTo(2);
        assertThat(b.grown).isCloseTo(30, within(1e-12));          // 10 + 20
        assertThat(b.openQty()).isCloseTo(29.5, within(1e-12));     // 9.5 + 20
        assertThat(b.unlocated).isZero();
    }

    @Test
    void reductionsCloseAllOpenInterestProportionallyNotJustTheLocatedBuildUp() {
        // OI 1000 -> 1010 (+10 at 50) -> 505: half of all open interest closed, so the cohort keeps 1 - 505/1010 = 0.5
        BuildUp b = BuildUp.walk(new long[] {T0, T0 + HOUR, T0 + 2 * HOUR}, new double[] {1000, 1010, 505},
                KLINES_0_TO_2, VWAP, HOUR);
        assertThat(b.qty[0]).isCloseTo(5, within(1e-12));
    }

    @Test
    void aCollapseToZeroClosesEverythingAndLaterGrowthStartsAfresh() {
        BuildUp b = BuildUp.walk(HOURS_0_TO_3, new double[] {10, 20, 0, 5}, KLINES_0_TO_2, VWAP, HOUR);
        assertThat(b.count).isEqualTo(2);
        assertThat(b.qty[0]).isZero();
        assertThat(b.qty[1]).isEqualTo(5);
        assertThat(b.openQty()).isEqualTo(5);
    }

    @Test
    void growthWithoutAKlineIsCountedAsUnlocated() {
        // no kline for hour 0: the +10 cannot be priced
        BuildUp b = BuildUp.walk(HOURS_0_TO_3, new double[] {100, 110, 110, 130},
                new long[] {T0 + HOUR, T0 + 2 * HOUR}, new double[] {60, 70}, HOUR);
        assertThat(b.unlocated).isEqualTo(1);
        assertThat(b.count).isEqualTo(1);
        assertThat(b.entryPrice[0]).isEqualTo(70);
        assertThat(b.grown).isEqualTo(30);
    }

    @Test
    void snapshotsBetweenPeriodBoundariesUseTheKlineThatContainsThem() {
        // the current open interest at hour 2 + 25 min grew during the kline opening at hour 2
        BuildUp b = BuildUp.walk(new long[] {T0 + 2 * HOUR, T0 + 2 * HOUR + 25 * 60_000L}, new double[] {100, 104},
                KLINES_0_TO_2, VWAP, HOUR);
        assertThat(b.count).isEqualTo(1);
        assertThat(b.entryPrice[0]).isEqualTo(70);
    }

    @Test
    void nonFiniteSnapshotsAreSkipped() {
        BuildUp b = BuildUp.walk(HOURS_0_TO_3, new double[] {100, Double.NaN, 110, 120}, KLINES_0_TO_2, VWAP, HOUR);
        assertThat(b.count).isEqualTo(1);
        assertThat(b.qty[0]).isEqualTo(10);
    }

    @Test
    void entryPriceIsTheVwapOrTheTypicalPrice() {
        // quote volume 6150 / volume 100 = 61.5, within [55, 70]
        assertThat(BuildUp.entryPrice(new Kline(T0, 60, 70, 55, 65, 100, T0 + HOUR - 1, 6_150, 10, 50, 3_000)))
                .isEqualTo(61.5);
        // no volume (or no quote volume, as in spot CSVs): (70 + 55 + 65) / 3 = 63.333...
        assertThat(BuildUp.entryPrice(new Kline(T0, 60, 70, 55, 65, 0, T0 + HOUR - 1, 0, 0, 0, 0)))
                .isCloseTo(63.3333, within(1e-4));
        // an inconsistent VWAP outside the candle falls back too
        assertThat(BuildUp.entryPrice(new Kline(T0, 60, 70, 55, 65, 100, T0 + HOUR - 1, 9_000, 10, 50, 3_000)))
                .isCloseTo(63.3333, within(1e-4));
    }
}
