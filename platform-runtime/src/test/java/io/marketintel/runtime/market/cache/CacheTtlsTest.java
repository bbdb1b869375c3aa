package io.marketintel.runtime.market.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.market.Interval;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CacheTtlsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        CacheTtls d = CacheTtls.defaults();

        assertThat(d.exchangeInfo()).isEqualTo(Duration.ofHours(1));
        assertThat(d.funding()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.orderBook()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.liquidationInputs()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.klines()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.klinesLong()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.tickers()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @EnumSource(DataKind.class)
    void zeroNegativeMissingOrHugeTtlIsRefusedNamingTheKind(DataKind kind) {
        CacheTtls d = CacheTtls.defaults();

        assertThatThrownBy(() -> d.with(kind, Duration.ZERO))
                .hasMessage("cache ttl [" + kind.key() + "] must be positive, was PT0S");
        assertThatThrownBy(() -> d.with(kind, Duration.ofSeconds(-5)))
                .hasMessageContaining("cache ttl [" + kind.key() + "] must be positive");
        assertThatThrownBy(() -> d.with(kind, null)).hasMessage("cache ttl [" + kind.key() + "] is missing");
        assertThatThrownBy(() -> d.with(kind, Duration.ofDays(8)))
                .hasMessageContaining("cache ttl [" + kind.key() + "] must be at most PT168H");
    }

    @ParameterizedTest
    @EnumSource(DataKind.class)
    void withReplacesOnlyItsKind(DataKind kind) {
        CacheTtls changed = CacheTtls.defaults().with(kind, Duration.ofSeconds(3));

        for (DataKind k : DataKind.values()) {
            assertThat(changed.ttl(k)).isEqualTo(k == kind ? Duration.ofSeconds(3) : CacheTtls.defaults().ttl(k));
        }
    }

    @Test
    void klinesFromOneHourUpAreLong() {
        assertThat(CachingMarketData.klineKind(Interval.M30)).isEqualTo(DataKind.KLINES);
        assertThat(CachingMarketData.klineKind(Interval.H1)).isEqualTo(DataKind.KLINES_LONG);
        assertThat(CachingMarketData.klineKind(Interval.W1)).isEqualTo(DataKind.KLINES_LONG);
    }
}
