package io.marketintel.runtime.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The number and time parsing under the readers. */
class ReplayReadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"58051.25000000", "0.60963000", "1240.20901600", "7267451.9000000004", "1e-05",
            "-0.00005000", "0", "-0.0", ".5", "5.", "123456789012345678901234", "0.1234567890123456789012345",
            "9007199254740993", "1637193600017", "+1.5", "NaN", "Infinity"})
    void decimalsParseExactlyLikeTheJdk(String text) {
        assertThat(Double.doubleToRawLongBits(ReplayReaders.parseDecimal(text)))
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void randomDecimalsParseExactlyLikeTheJdk() {
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            BigDecimal d = BigDecimal.valueOf(r.nextLong() % 10_000_000_000_000L, r.nextInt(16));
            String text = i % 2 == 0 ? d.toPlainString() : d.toPlainString() + "000";
            assertThat(ReplayReaders.parseDecimal(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1.2.3", "abc", "1,5"})
    void nonNumbersFailLikeTheJdk(String text) {
        assertThatThrownBy(() -> ReplayReaders.parseDecimal(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "58051.25000000, 2", "0.60963000, 5", "1240, 0", "1e-05, 5", "7267451.9, 1", "0.123456789, 8"})
    void significantDecimalsAreCounted(String text, int decimals) {
        assertThat(Precision.decimals(text)).isEqualTo(decimals);
    }

    @ParameterizedTest
    @CsvSource({
            "2021-04-04 20:00:00,     1617566400000",
            "2021-04-04T20:00:00Z,    1617566400000",
            "2021-04-04T20:00:00.5Z,  1617566400500",
            "1617566400000,           1617566400000",
            "1617566400000123,        1617566400000"})
    void timesAreUtcMillis(String text, long millis) {
        ReplayFile f = FileNames.classify(java.nio.file.Path.of("x"), "BTCUSDT-metrics-2021-04-04.csv").file();
        assertThat(ReplayReaders.parseTime(f, 1, "create_time", text)).isEqualTo(millis);
    }
}
