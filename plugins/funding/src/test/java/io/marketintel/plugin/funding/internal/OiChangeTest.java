package io.marketintel.plugin.funding.internal;

import static io.marketintel.plugin.funding.internal.FundingAnalysis.oiChange;
import static io.marketintel.plugin.funding.internal.Fixtures.oi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Open interest change and trend against the threshold (strictly beyond it is RISING / FALLING). */
class OiChangeTest {

    @ParameterizedTest(name = "{0} -> {1}: {2} % {3}")
    @CsvSource({
            "10000, 10820, 8.2,   RISING",    // (10820 - 10000) / 10000 * 100
            "10000, 10201, 2.01,  RISING",    // just above the 2 % threshold
            "10000, 10200, 2.0,   FLAT",      // exactly at it: not strictly above
            "10000, 10000, 0.0,   FLAT",
            "10000,  9800, -2.0,  FLAT",
            "10000,  9799, -2.01, FALLING",
            "20000, 15000, -25.0, FALLING",   // -5000 / 20000
    })
    void changeAndTrendAgainstTwoPercent(double first, double last, double changePct, OiTrend trend) {
        OiChange c = oiChange(oi(first, last, 25, Period.H1), 2.0);
        assertThat(c.changePct()).isCloseTo(changePct, within(1e-9));
        assertThat(c.trend()).isEqualTo(trend);
        assertThat(c.windowMillis()).isEqualTo(24 * 3_600_000L);   // 25 hourly snapshots span 24 h
    }

    @Test
    void thresholdIsConfigurable() {
        // +3 % is RISING against 2 % but FLAT against 5 %
        assertThat(oiChange(oi(100, 103, 5, Period.H1), 2.0).trend()).isEqualTo(OiTrend.RISING);
        assertThat(oiChange(oi(100, 103, 5, Period.H1), 5.0).trend()).isEqualTo(OiTrend.FLAT);
    }

    @Test
    void windowFollowsThePeriodOfThePoints() {
        OiChange c = oiChange(oi(100, 101, 7, Period.M5), 2.0);
        assertThat(c.windowMillis()).isEqualTo(6 * 5 * 60_000L);   // 6 gaps of 5 min = 30 min
        assertThat(FundingAnalysis.duration(c.windowMillis())).isEqualTo("30m");
        assertThat(FundingAnalysis.duration(24 * 3_600_000L)).isEqualTo("24h");
    }

    @Test
    void unorderedPointsAreSortedByTime() {
        List<OpenInterestPoint> points = new ArrayList<>(oi(10_000, 10_820, 25, Period.H1));
        Collections.shuffle(points, new java.util.Random(7));
        assertThat(oiChange(points, 2.0).changePct()).isCloseTo(8.2, within(1e-9));
    }

    @Test
    void tooLittleHistoryIsUnknown() {
        assertThat(oiChange(List.of(), 2.0).trend()).isEqualTo(OiTrend.UNKNOWN);
        OiChange one = oiChange(oi(100, 100, 1, Period.H1), 2.0);
        assertThat(one.trend()).isEqualTo(OiTrend.UNKNOWN);
        assertThat(one.changePct()).isNull();
        assertThat(one.lastValue()).isEqualTo(100 * 61_800.0);
        assertThat(oiChange(oi(0, 100, 3, Period.H1), 2.0).trend()).isEqualTo(OiTrend.UNKNOWN);
    }
}
