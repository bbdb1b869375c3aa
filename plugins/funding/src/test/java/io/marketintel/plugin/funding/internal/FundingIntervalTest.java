package io.marketintel.plugin.funding.internal;

import static io.marketintel.plugin.funding.internal.FundingAnalysis.annualize;
import static io.marketintel.plugin.funding.internal.FundingAnalysis.inferInterval;
import static io.marketintel.plugin.funding.internal.Fixtures.HOUR;
import static io.marketintel.plugin.funding.internal.Fixtures.T0;
import static io.marketintel.plugin.funding.internal.Fixtures.fundings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketintel.api.market.FundingRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Funding interval inference from settled fundings, and the annualisation that uses it. */
class FundingIntervalTest {

    @Test
    void eightHourHistoryGivesEightHours() {
        FundingInterval i = inferInterval(fundings(10, 8 * HOUR));
        assertThat(i.hours()).isEqualTo(8);
        assertThat(i.assumed()).isFalse();
        assertThat(i.gaps()).isEqualTo(9);
        assertThat(i.note()).contains("inferred 8h").contains("9 gaps");
    }

    @Test
    void fourHourHistoryWithMillisecondJitterGivesFourHours() {
        // Real funding times land a few ms late: 1637193600017, 1637222400007, ...
        FundingInterval i = inferInterval(fundings(10, 4 * HOUR, 17, 7, 11, 0, 0, 5, 12, 0, 7, 0));
        assertThat(i.hours()).isEqualTo(4);
        assertThat(i.assumed()).isFalse();
    }

    @Test
    void oneHourHistoryWithMillisecondJitterGivesOneHour() {
        // gaps of 1 h - 17 ms, 1 h + 9 ms, ...: all round to 1 h
        FundingInterval i = inferInterval(fundings(10, HOUR, 17, 0, 9, 3, 0, 21, 0, 4, 0, 15));
        assertThat(i.hours()).isEqualTo(1);
        assertThat(i.assumed()).isFalse();
    }

    @Test
    void unorderedAndDuplicatedFundingTimesAreTolerated() {
        List<FundingRate> h = new ArrayList<>(fundings(6, 4 * HOUR, 3, 0, 8));
        h.add(h.get(2));
        Collections.reverse(h);
        assertThat(inferInterval(h).hours()).isEqualTo(4);
    }

    @Test
    void aFewOddGapsDoNotMoveTheMedian() {
        // 7 gaps of 8 h and 2 gaps of 16 h (a missing settlement in the record): median gap is 8 h.
        List<FundingRate> h = new ArrayList<>(fundings(8, 8 * HOUR));
        h.add(new FundingRate("BTCUSDT", 0.0001, T0 + 9 * 8 * HOUR, 1));
        h.add(new FundingRate("BTCUSDT", 0.0001, T0 + 11 * 8 * HOUR, 1));
        assertThat(inferInterval(h).hours()).isEqualTo(8);
    }

    @Test
    void evenNumberOfGapsTakesTheLowerMiddleGap() {
        // gaps sorted: 1 h, 1 h, 8 h, 8 h -> lower middle is 1 h (a real gap, never the 4.5 h average)
        List<FundingRate> h = List.of(
                new FundingRate("X", 0, T0, 1),
                new FundingRate("X", 0, T0 + 8 * HOUR, 1),
                new FundingRate("X", 0, T0 + 16 * HOUR, 1),
                new FundingRate("X", 0, T0 + 17 * HOUR, 1),
                new FundingRate("X", 0, T0 + 18 * HOUR, 1));
        assertThat(inferInterval(h).hours()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} settled fundings -> assumed 8h")
    @CsvSource({"0", "1", "2"})
    void tooShortHistoryAssumesEightHoursAndSaysSo(int n) {
        FundingInterval i = inferInterval(fundings(n, 4 * HOUR));
        assertThat(i.hours()).isEqualTo(8);
        assertThat(i.assumed()).isTrue();
        assertThat(i.note()).startsWith("assumed 8h").contains(n + " settled funding");
    }

    @Test
    void threeFundingsAreEnoughToInfer() {
        FundingInterval i = inferInterval(fundings(3, 4 * HOUR));
        assertThat(i.hours()).isEqualTo(4);
        assertThat(i.assumed()).isFalse();
    }

    @ParameterizedTest(name = "{0} % every {1}h -> {2} % a year")
    @CsvSource({
            "0.01,   8, 10.95",    // 0.01 * 24/8 * 365 = 0.01 * 1095
            "0.01,   4, 21.9",     // 0.01 * 6 * 365
            "0.01,   1, 87.6",     // 0.01 * 24 * 365
            "0.085,  8, 93.075",   // 0.085 * 1095
            "-0.3,   8, -328.5",   // -0.3 * 1095
    })
    void annualisesWithTheInterval(double pct, int hours, double expected) {
        assertThat(annualize(pct, hours)).isCloseTo(expected, within(1e-9));
    }

    /** Real XRPUSDT funding times (freqtrade test data, 8 h with ms jitter), from ../shared/data/binance. */
    @Test
    void realXrpFundingHistoryIsEightHours() throws IOException {
        String dir = System.getProperty("marketintel.shared.data");
        Path file = dir == null ? null : Path.of(dir, "futures-xrp", "XRP_USDT-8h-funding_rate.json");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "shared Binance data missing (expected ../shared/data/binance/futures-xrp/XRP_USDT-8h-funding_rate.json)"
                        + ": skipping the real-data check");
        // rows: [funding_time_ms, funding_rate, 0, 0, 0, 0]
        Matcher m = Pattern.compile("\\[(\\d+),([-0-9.eE]+),").matcher(Files.readString(file));
        List<FundingRate> h = new ArrayList<>();
        while (m.find()) {
            h.add(new FundingRate("XRPUSDT", Double.parseDouble(m.group(2)), Long.parseLong(m.group(1)), Double.NaN));
        }
        assertThat(h).hasSize(91);
        assertThat(h).anyMatch(f -> f.fundingTime() % HOUR != 0);   // the jitter is really there
        FundingInterval i = inferInterval(h);
        assertThat(i.hours()).isEqualTo(8);
        assertThat(i.assumed()).isFalse();
        // and from the newest 10 only, as the plugin asks for
        assertThat(inferInterval(h.subList(h.size() - 10, h.size())).hours()).isEqualTo(8);
    }
}
