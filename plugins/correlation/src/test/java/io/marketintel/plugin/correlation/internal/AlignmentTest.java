package io.marketintel.plugin.correlation.internal;

import static io.marketintel.plugin.correlation.internal.Fixtures.HOUR;
import static io.marketintel.plugin.correlation.internal.Fixtures.T0;
import static io.marketintel.plugin.correlation.internal.Fixtures.kline;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.plugin.correlation.internal.Alignment.Aligned;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alignment by open time on hand-made gaps: what is kept, what is dropped, and the counts. */
class AlignmentTest {

    /** Far in the future: every candle is closed. */
    private static final long LATER = T0 + 1000 * HOUR;

    /** Hourly candles at the given hours after T0, close = 100 × (index + 1) + hour so each value is traceable. */
    private static List<Kline> at(int base, int... hours) {
        List<Kline> out = new ArrayList<>();
        for (int h : hours) {
            out.add(kline(T0 + h * HOUR, base + h, Interval.H1));
        }
        return out;
    }

    private static long[] hours(long... h) {
        long[] out = new long[h.length];
        for (int i = 0; i < h.length; i++) {
            out[i] = T0 + h[i] * HOUR;
        }
        return out;
    }

    @Test
    void anOpenTimeMissingForAnySymbolIsDroppedForAllAndCounted() {
        List<Kline> a = at(100, 0, 1, 2, 3, 4, 5, 6, 7);      // lacks 8
        List<Kline> b = at(200, 0, 1, 3, 4, 5, 6, 7);         // lacks 2 and 8
        List<Kline> c = at(300, 1, 2, 3, 4, 6, 7, 8);         // lacks 0 and 5
        Aligned al = Alignment.align(List.of(a, b, c), Interval.H1, LATER);

        assertThat(al.openTimes).containsExactly(hours(1, 3, 4, 6, 7));
        assertThat(al.closes[0]).containsExactly(101, 103, 104, 106, 107);
        assertThat(al.closes[1]).containsExactly(201, 203, 204, 206, 207);
        assertThat(al.closes[2]).containsExactly(301, 303, 304, 306, 307);
        assertThat(al.timestampsSeen).isEqualTo(9);                     // hours 0 .. 8
        assertThat(al.droppedTimestamps).isEqualTo(4);                  // 0, 2, 5, 8
        assertThat(al.missing).containsExactly(1, 2, 2);                // a: 8; b: 2, 8; c: 0, 5
        assertThat(al.bars).containsExactly(8, 7, 7);
        assertThat(al.gapReturns).isEqualTo(2);                         // 1 -> 3 and 4 -> 6 span two hours
        assertThat(al.observations()).isEqualTo(4);
        assertThat(al.firstOpenTime).containsExactly(hours(0, 0, 1));
        assertThat(al.lastOpenTime).containsExactly(hours(7, 7, 8));
        assertThat(al.lastCloseTime()).isEqualTo(T0 + 8 * HOUR - 1);
    }

    @Test
    void anOutageOfEverySymbolIsNotADropButAGapReturn() {
        List<Kline> a = at(100, 0, 1, 2, 5, 6);
        List<Kline> b = at(200, 0, 1, 2, 5, 6);
        Aligned al = Alignment.align(List.of(a, b), Interval.H1, LATER);
        assertThat(al.droppedTimestamps).isZero();
        assertThat(al.missing).containsExactly(0, 0);
        assertThat(al.gapReturns).isEqualTo(1);                         // 2 -> 5
        assertThat(al.length()).isEqualTo(5);
    }

    @Test
    void formingCandlesAreLeftOut() {
        List<Kline> a = at(100, 0, 1, 2, 3);
        List<Kline> b = at(200, 0, 1, 2, 3);
        long now = T0 + 3 * HOUR + 20 * 60_000L;                        // hour 3 still forming
        Aligned al = Alignment.align(List.of(a, b), Interval.H1, now);
        assertThat(al.openTimes).containsExactly(hours(0, 1, 2));
        assertThat(al.bars).containsExactly(3, 3);
        assertThat(al.droppedTimestamps).isZero();

        Aligned exactlyAtClose = Alignment.align(List.of(a, b), Interval.H1, T0 + 4 * HOUR - 1);
        assertThat(exactlyAtClose.length()).as("closeTime == now is still forming").isEqualTo(3);
        assertThat(Alignment.align(List.of(a, b), Interval.H1, T0 + 4 * HOUR).length()).isEqualTo(4);
    }

    @Test
    void unsortedAnswersAreSortedAndARepeatedCandleKeepsTheLaterValue() {
        List<Kline> a = new ArrayList<>(at(100, 2, 0, 1));
        a.add(kline(T0 + HOUR, 999, Interval.H1));                       // hour 1 again, later
        List<Kline> b = at(200, 0, 1, 1, 2);                             // hour 1 twice in order
        Aligned al = Alignment.align(List.of(a, b), Interval.H1, LATER);
        assertThat(al.openTimes).containsExactly(hours(0, 1, 2));
        assertThat(al.closes[0]).containsExactly(100, 999, 102);
        assertThat(al.closes[1]).containsExactly(200, 201, 202);
        assertThat(al.bars).containsExactly(3, 3);
    }

    @Test
    void unusableClosesCountAsMissing() {
        List<Kline> a = at(100, 0, 1, 2, 3);
        List<Kline> b = new ArrayList<>(at(200, 0, 1, 3));
        b.add(2, kline(T0 + 2 * HOUR, 0.0, Interval.H1));               // a zero close cannot give a return
        b.add(kline(T0 + 4 * HOUR, Double.NaN, Interval.H1));
        Aligned al = Alignment.align(List.of(a, b), Interval.H1, LATER);
        assertThat(al.openTimes).containsExactly(hours(0, 1, 3));
        assertThat(al.missing).containsExactly(0, 1);
        assertThat(al.bars).containsExactly(4, 3);
    }

    @Test
    void aSymbolWithoutCandlesLeavesNothingInCommon() {
        Aligned al = Alignment.align(List.of(at(100, 0, 1, 2), List.of()), Interval.H1, LATER);
        assertThat(al.length()).isZero();
        assertThat(al.observations()).isZero();
        assertThat(al.droppedTimestamps).isEqualTo(3);
        assertThat(al.missing).containsExactly(0, 3);
        assertThat(al.firstOpenTime[1]).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void theWalkIsLinearInTheBars() {
        // 100 symbols x 1,500 bars, each missing a different bar: every dropped open time is counted once.
        int k = 100;
        int n = 1500;
        List<List<Kline>> all = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            List<Kline> list = new ArrayList<>(n);
            for (int h = 0; h < n; h++) {
                if (h != 10 + s) {
                    list.add(kline(T0 + h * HOUR, 100 + s + h * 0.01, Interval.H1));
                }
            }
            all.add(list);
        }
        Aligned al = Alignment.align(all, Interval.H1, T0 + 10_000 * HOUR);
        assertThat(al.length()).isEqualTo(n - k);
        assertThat(al.droppedTimestamps).isEqualTo(k);
        assertThat(al.missing).containsOnly(1);
        assertThat(al.gapReturns).isEqualTo(1);                          // 9 -> 110
    }
}
