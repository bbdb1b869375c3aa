package io.marketintel.plugin.volumeprofile.internal;

import static io.marketintel.plugin.volumeprofile.internal.ValueAreaPosition.ABOVE_VALUE_AREA;
import static io.marketintel.plugin.volumeprofile.internal.ValueAreaPosition.BELOW_VALUE_AREA;
import static io.marketintel.plugin.volumeprofile.internal.ValueAreaPosition.INSIDE_VALUE_AREA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketintel.api.Bias;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Position, bias, confidence, reasoning, levels and comparison on the hand-made profile of
 * {@link Fixtures#handMade()}: POC 105.5 (25.65 %), value area 103 – 108 (73.04 %), HVN 104 – 106 peaking at the POC,
 * LVNs at 100.5 (bin 100–101, 10 = 4.35 %) and 108.5 (bins 108–110, 11 = 4.78 %); LVN threshold 11.5.
 */
class ProfileReportTest {

    private static final Profile HAND = Fixtures.profile(Fixtures.handMade(), "1", 10);

    private static ProfileReport.Window window(double price) {
        return new ProfileReport.Window(Fixtures.BTC, "5m", 10, price, true, Fixtures.T0,
                Fixtures.T0 + 10 * Fixtures.M5 - 1, "fake");
    }

    @ParameterizedTest(name = "price {0} → {1}")
    @CsvSource({
            "108,          INSIDE_VALUE_AREA",    // VAH itself is inside
            "108.0000001,  ABOVE_VALUE_AREA",
            "103,          INSIDE_VALUE_AREA",    // VAL itself is inside
            "102.9999999,  BELOW_VALUE_AREA",
            "105.5,        INSIDE_VALUE_AREA"})
    void positionAtTheBoundaries(double price, ValueAreaPosition expected) {
        assertThat(ProfileReport.position(price, 103, 108)).isEqualTo(expected);
        assertThat(ProfileReport.analysis(HAND, window(price)).positionRelativeToValueArea()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "price {0} → {1} {2}")
    @CsvSource({
            // inside: 70 − 30·k, k = |price − POC| / (VAH − POC or POC − VAL) = … / 2.5
            "105.5, NEUTRAL, 70",     // at the POC
            "107,   NEUTRAL, 52",     // k = 0.6
            "108,   NEUTRAL, 40",     // at VAH, k = 1
            "103,   NEUTRAL, 40",     // at VAL
            // outside: 50 + 35·min(1, k − 1)
            "109,   LONG,    64",     // k = 1.4
            "110.5, LONG,    85",     // k = 2
            "120,   LONG,    85",     // capped
            "102,   SHORT,   64",
            "100.5, SHORT,   85"})
    void biasFromThePositionConfidenceFromTheDistanceToThePoc(double price, Bias bias, int confidence) {
        ProfileResult r = ProfileReport.analysis(HAND, window(price));
        assertThat(r.bias()).isEqualTo(bias);
        assertThat(r.confidence()).isEqualTo(confidence);
    }

    @Test
    void analysisCarriesTheHandComputedNumbers() {
        ProfileResult r = ProfileReport.analysis(HAND, window(105));
        assertThat(r.currentPrice()).isEqualTo(105.0);
        assertThat(r.poc()).isEqualTo(new PocLevel(105.5, 105, 106, 25.65));
        assertThat(r.valueAreaHigh()).isEqualTo(new PriceRef(108));
        assertThat(r.valueAreaLow()).isEqualTo(new PriceRef(103));
        assertThat(r.valueAreaPct()).isEqualTo(70.0);
        assertThat(r.valueAreaVolumePct()).isEqualTo(73.04);
        assertThat(r.distanceToPocPct()).isEqualTo(-0.47);            // (105 − 105.5) / 105.5
        assertThat(r.highVolumeNodes()).containsExactly(new VolumeNode(105.5, 104, 106, 25.65, 100));
        assertThat(r.lowVolumeNodes()).containsExactly(
                new VolumeNode(100.5, 100, 101, 4.35, 13),              // 100 · (1 − 10 / 11.5) = 13.04
                new VolumeNode(108.5, 108, 110, 4.78, 4));              // 100 · (1 − 11 / 11.5) = 4.35
        assertThat(r.binSize()).isEqualTo(1.0);
        assertThat(r.binCount()).isEqualTo(10);
        assertThat(r.rangeLow()).isEqualTo(100.0);
        assertThat(r.rangeHigh()).isEqualTo(110.0);
        assertThat(r.totalVolume()).isEqualTo(230.0);
        assertThat(r.bins()).hasSize(10).first().isEqualTo(new ProfileBin(100, 101, 10));
        assertThat(r.bins().get(5)).isEqualTo(new ProfileBin(105, 106, 59));
        assertThat(r.bins()).extracting(ProfileBin::volume).containsExactly(10.0, 12.0, 18.0, 21.0, 51.0, 59.0, 21.0,
                16.0, 11.0, 11.0);
        assertThat(r.reasoning()).containsExactly(
                "Price inside Value Area (103 - 108) - range-bound",
                "POC at 105.5 holds 25.65% of volume; price is 0.47% below it (confidence 64)",
                "LVN above at 108.5 (+3.33%) - thin volume, price may move quickly through it",
                "LVN below at 100.5 (-4.29%) - thin volume, price may move quickly through it",
                "Profile of 10 closed 5m candles: 100 - 110 in 10 bins of 1, value area holds 73.04% of volume; price"
                        + " 105 is the last trade (close of the forming candle, which is not in the profile)");
    }

    @Test
    void reasoningOutsideTheValueArea() {
        assertThat(ProfileReport.analysis(HAND, window(109)).reasoning().get(0))
                .isEqualTo("Price above Value Area (103 - 108) - exploring higher values");
        assertThat(ProfileReport.analysis(HAND, window(102)).reasoning().get(0))
                .isEqualTo("Price below Value Area (103 - 108) - exploring lower values");
        assertThat(ProfileReport.analysis(HAND, new ProfileReport.Window(Fixtures.BTC, "5m", 10, 105.5, false, 0, 0, "x"))
                .reasoning()).anySatisfy(s -> assertThat(s).startsWith("POC at 105.5 holds 25.65% of volume; price is at"
                + " the POC")).anySatisfy(s -> assertThat(s).endsWith("(close of the newest closed candle)"));
    }

    @Test
    void levelsNearestFirstOnEachSideWithoutRepeatingThePocAsAnHvn() {
        LevelsResult l = ProfileReport.levels(ProfileReport.analysis(HAND, window(105)), 5);
        assertThat(l.levelsAbove()).extracting(Level::type, Level::price, Level::distancePct, Level::strength)
                .containsExactly(
                        tuple(LevelType.POC, 105.5, 0.48, 100),
                        tuple(LevelType.VAH, 108.0, 2.86, 60),
                        tuple(LevelType.LVN, 108.5, 3.33, 4));
        assertThat(l.levelsBelow()).extracting(Level::type, Level::price, Level::distancePct, Level::strength)
                .containsExactly(
                        tuple(LevelType.VAL, 103.0, -1.9, 60),
                        tuple(LevelType.LVN, 100.5, -4.29, 13));
        assertThat(l.numLevels()).isEqualTo(5);
        assertThat(l.currentPrice()).isEqualTo(105.0);

        LevelsResult two = ProfileReport.levels(ProfileReport.analysis(HAND, window(105)), 1);
        assertThat(two.levelsAbove()).extracting(Level::type).containsExactly(LevelType.POC);
        assertThat(two.levelsBelow()).extracting(Level::type).containsExactly(LevelType.VAL);
    }

    @Test
    void aLevelAtThePriceCountsAsBelowAndOtherHvnsAreListed() {
        LevelsResult l = ProfileReport.levels(ProfileReport.analysis(HAND, window(108)), 5);
        assertThat(l.levelsBelow()).first().extracting(Level::type, Level::distancePct).containsExactly(LevelType.VAH, 0.0);
        assertThat(l.levelsAbove()).extracting(Level::type).containsExactly(LevelType.LVN);

        // a second HVN away from the POC: four bins of 1 from 100 holding 10, 50, 5, 45
        Profile two = Fixtures.profile(java.util.List.of(
                Fixtures.candle(0, 100, 100, 100, 100, 10), Fixtures.candle(1, 101, 101, 101, 101, 50),
                Fixtures.candle(2, 102, 102, 102, 102, 5), Fixtures.candle(3, 103, 104, 103, 104, 45)), "1", 4);
        LevelsResult m = ProfileReport.levels(ProfileReport.analysis(two, window(102.5)), 10);
        // mean 27.5, HVN threshold 41.25: bins 1 (50, the POC) and 3 (45) → HVN at 103.5, strength 100·45/50 = 90
        assertThat(m.levelsAbove()).extracting(Level::type, Level::price, Level::strength)
                .contains(tuple(LevelType.HVN, 103.5, 90));
        assertThat(m.levelsBelow()).extracting(Level::type).doesNotContain(LevelType.HVN).contains(LevelType.POC);
    }

    // ---------------------------------------------------------------- compare

    private static CompareResult compareShifted(double delta) {
        Profile current = Fixtures.profile(Fixtures.shifted(Fixtures.handMade(), delta), "1", 10);
        return ProfileReport.compare(current, HAND, window(105 + delta), Fixtures.T0 - 20 * Fixtures.M5,
                Fixtures.T0 - 1, 2);
    }

    @Test
    void valueMigratedHigherWhenTheCurrentValueAreaIsAboveTheHistoricalOne() {
        // current = the same candles 6 higher: POC 111.5, value area 109 – 114, against POC 105.5, 103 – 108
        CompareResult c = compareShifted(6);
        assertThat(c.current().pocPrice()).isEqualTo(111.5);
        assertThat(c.current().valueAreaLow()).isEqualTo(109.0);
        assertThat(c.current().valueAreaHigh()).isEqualTo(114.0);
        assertThat(c.historical().pocPrice()).isEqualTo(105.5);
        assertThat(c.pocMigration()).isEqualTo(6.0);
        assertThat(c.pocMigrationPct()).isEqualTo(5.69);                 // 6 / 105.5
        assertThat(c.currentVaInsideHistoricalPct()).isZero();
        assertThat(c.historicalVaInsideCurrentPct()).isZero();
        assertThat(c.shiftDirection()).isEqualTo(ShiftDirection.HIGHER);
        assertThat(c.bias()).isEqualTo(Bias.LONG);
        assertThat(c.confidence()).isEqualTo(61);                        // 55 + 30 · (109 − 108) / 5
        assertThat(c.reasoning()).containsExactly(
                "Current value area (109 - 114) is entirely above the historical one (103 - 108) - value migrating higher",
                "POC moved from 105.5 to 111.5 (+6, +5.69%)",
                "Current profile: the last 10 closed 5m candles; historical: the 10 closed candles before them (2x the"
                        + " lookback of 10)");
        assertThat(c.historical().fromTime()).isEqualTo(Fixtures.T0 - 20 * Fixtures.M5);
        assertThat(c.current().toTime()).isEqualTo(Fixtures.T0 + 10 * Fixtures.M5 - 1);
    }

    @Test
    void overlappingValueAreasReportTheOverlapBothWays() {
        // 3 higher: value area 106 – 111 against 103 – 108 share 106 – 108 = 2 of 5 each way
        CompareResult c = compareShifted(3);
        assertThat(c.shiftDirection()).isEqualTo(ShiftDirection.OVERLAPPING);
        assertThat(c.currentVaInsideHistoricalPct()).isEqualTo(40.0);
        assertThat(c.historicalVaInsideCurrentPct()).isEqualTo(40.0);
        assertThat(c.pocMigration()).isEqualTo(3.0);
        assertThat(c.pocMigrationPct()).isEqualTo(2.84);
        assertThat(c.bias()).isEqualTo(Bias.NEUTRAL);
        assertThat(c.confidence()).isEqualTo(46);                        // 30 + 0.4 · 40
        assertThat(c.reasoning().get(0)).isEqualTo("Current value area (106 - 111) overlaps the historical one"
                + " (103 - 108): 40% of it lies inside the historical value area, which it covers 40% of - overlapping,"
                + " shifted higher");
    }

    @Test
    void touchingValueAreasDoNotOverlap() {
        // 5 lower: value area 98 – 103 ends where the historical one starts
        CompareResult c = compareShifted(-5);
        assertThat(c.shiftDirection()).isEqualTo(ShiftDirection.LOWER);
        assertThat(c.bias()).isEqualTo(Bias.SHORT);
        assertThat(c.confidence()).isEqualTo(55);
        assertThat(c.pocMigration()).isEqualTo(-5.0);
        assertThat(c.reasoning().get(1)).isEqualTo("POC moved from 105.5 to 100.5 (-5, -4.74%)");
    }

    @Test
    void identicalProfilesOverlapFully() {
        CompareResult c = compareShifted(0);
        assertThat(c.shiftDirection()).isEqualTo(ShiftDirection.OVERLAPPING);
        assertThat(c.currentVaInsideHistoricalPct()).isEqualTo(100.0);
        assertThat(c.historicalVaInsideCurrentPct()).isEqualTo(100.0);
        assertThat(c.confidence()).isEqualTo(70);
        assertThat(c.reasoning().get(1)).isEqualTo("POC unchanged at 105.5");
    }

    @Test
    void overlapIsAsymmetricWhenTheWidthsDiffer() {
        assertThat(ProfileReport.overlap(103, 108, 100, 110)).isEqualTo(5.0);
        assertThat(ProfileReport.shift(103, 108, 100, 110)).isEqualTo(ShiftDirection.OVERLAPPING);
        assertThat(ProfileReport.shift(110, 112, 100, 110)).isEqualTo(ShiftDirection.HIGHER);
        assertThat(ProfileReport.shift(95, 100, 100, 110)).isEqualTo(ShiftDirection.LOWER);
        assertThat(ProfileReport.overlap(95, 100, 100, 110)).isZero();
    }
}
