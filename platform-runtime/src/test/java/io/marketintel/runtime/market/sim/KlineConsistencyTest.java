package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.failure;
import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static io.marketintel.runtime.market.sim.SimTesting.relativelyEqual;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.runtime.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every candle of a longer interval is the aggregate of the shorter candles inside it. */
class KlineConsistencyTest {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    /** Sums the candles by hand the way Binance's aggregate would. */
    private static void assertAggregates(Kline big, List<Kline> parts) {
        assertThat(parts).isNotEmpty();
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double volume = 0;
        double quote = 0;
        double takerBase = 0;
        double takerQuote = 0;
        long trades = 0;
        for (Kline k : parts) {
            high = Math.max(high, k.high());
            low = Math.min(low, k.low());
            volume += k.volume();
            quote += k.quoteVolume();
            takerBase += k.takerBuyBaseVolume();
            takerQuote += k.takerBuyQuoteVolume();
            trades += k.trades();
        }
        String what = "candle at " + Instant.ofEpochMilli(big.openTime());
        assertThat(big.open()).as(what + " open").isEqualTo(parts.get(0).open());
        assertThat(big.close()).as(what + " close").isEqualTo(parts.get(parts.size() - 1).close());
        assertThat(big.high()).as(what + " high").isEqualTo(high);
        assertThat(big.low()).as(what + " low").isEqualTo(low);
        assertThat(big.trades()).as(what + " trades").isEqualTo(trades);
        assertThat(relativelyEqual(volume, big.volume(), 1e-9)).as(what + " volume " + volume + " vs " + big.volume()).isTrue();
        assertThat(relativelyEqual(quote, big.quoteVolume(), 1e-9)).as(what + " quote volume").isTrue();
        assertThat(relativelyEqual(takerBase, big.takerBuyBaseVolume(), 1e-9)).as(what + " taker base").isTrue();
        assertThat(relativelyEqual(takerQuote, big.takerBuyQuoteVolume(), 1e-9)).as(what + " taker quote").isTrue();
    }

    private static List<Kline> inside(SimulatedMarket m, String symbol, Interval small, Kline big) {
        return ok(m.klines(symbol, small, big.openTime(), big.closeTime(), 1500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-11T00:00:00Z", "2024-06-15T10:20:30.500Z", "2024-11-30T23:59:59.999Z",
            "2025-02-03T07:00:00.001Z"})
    void hoursAreSixtyMinutesAndFourHoursAreFourHours(String at) {
        SimulatedMarket m = SimTesting.market(MutableClock.at(at));
        for (String symbol : List.of("BTCUSDT", "XRPUSDT")) {
            List<Kline> hours = ok(m.klines(symbol, Interval.H1, 6));
            for (Kline h : hours) {
                List<Kline> minutes = inside(m, symbol, Interval.M1, h);
                if (h.isClosedAt(Instant.parse(at).toEpochMilli())) {
                    assertThat(minutes).hasSize(60);
                }
                assertAggregates(h, minutes);
            }
            for (Kline four : ok(m.klines(symbol, Interval.H4, 3))) {
                assertAggregates(four, inside(m, symbol, Interval.H1, four));
            }
            for (Kline fifteen : ok(m.klines(symbol, Interval.M15, 5))) {
                assertAggregates(fifteen, inside(m, symbol, Interval.M5, fifteen));
                assertAggregates(fifteen, inside(m, symbol, Interval.M3, fifteen));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-04-10T18:30:15Z", "2024-08-01T00:00:00Z"})
    void daysAre1440MinutesAndWeeksAreDays(String at) {
        long now = Instant.parse(at).toEpochMilli();
        SimulatedMarket m = SimTesting.market(MutableClock.at(at));
        List<Kline> days = ok(m.klines("ETHUSDT", Interval.D1, 2));
        for (Kline day : days) {
            List<Kline> minutes = inside(m, "ETHUSDT", Interval.M1, day);
            if (day.isClosedAt(now)) {
                assertThat(minutes).hasSize(1440);
            }
            assertAggregates(day, minutes);
            assertAggregates(day, inside(m, "ETHUSDT", Interval.H12, day));
            assertAggregates(day, inside(m, "ETHUSDT", Interval.H8, day));
        }
        List<Kline> weeks = ok(m.klines("ETHUSDT", Interval.W1, 3));
        for (Kline week : weeks) {
            assertThat(Instant.ofEpochMilli(week.openTime()).atZone(java.time.ZoneOffset.UTC).getDayOfWeek())
                    .isEqualTo(java.time.DayOfWeek.MONDAY);
            List<Kline> weekDays = inside(m, "ETHUSDT", Interval.D1, week);
            if (week.isClosedAt(now)) {
                assertThat(weekDays).hasSize(7);
            }
            assertAggregates(week, weekDays);
        }
    }

    @Test
    void candlesAreWellFormed() {
        SimulatedMarket m = SimTesting.market(MutableClock.at("2024-07-04T12:34:56Z"));
        for (Interval interval : Interval.values()) {
            List<Kline> ks = ok(m.klines("SOLUSDT", interval, 50));
            assertThat(ks).isNotEmpty();
            Kline prev = null;
            for (Kline k : ks) {
                assertThat(k.closeTime()).isEqualTo(k.openTime() + interval.millis() - 1);
                assertThat(k.openTime()).isEqualTo(interval.openTimeOf(k.openTime()));
                assertThat(k.high()).isGreaterThanOrEqualTo(Math.max(k.open(), k.close()));
                assertThat(k.low()).isLessThanOrEqualTo(Math.min(k.open(), k.close())).isPositive();
                assertThat(k.takerBuyBaseVolume()).isBetween(0.0, k.volume());
                if (prev != null) {
                    assertThat(k.openTime()).isEqualTo(prev.openTime() + interval.millis());
                    assertThat(k.open()).as("continuous path").isEqualTo(prev.close());
                }
                prev = k;
            }
            long now = Instant.parse("2024-07-04T12:34:56Z").toEpochMilli();
            assertThat(ks.get(ks.size() - 1).isClosedAt(now)).as("last %s candle is forming", interval).isFalse();
            assertThat(ks.get(ks.size() - 2).isClosedAt(now)).isTrue();
        }
    }

    @Test
    void theMarketMovesWithTheClock() {
        MutableClock clock = MutableClock.at("2024-06-15T10:20:10Z");
        SimulatedMarket m = SimTesting.market(clock);
        List<Kline> first = ok(m.klines("BTCUSDT", Interval.M1, 10));
        Kline forming = first.get(first.size() - 1);
        assertThat(forming.openTime()).isEqualTo(Instant.parse("2024-06-15T10:20:00Z").toEpochMilli());

        clock.advance(Duration.ofSeconds(30));
        List<Kline> later = ok(m.klines("BTCUSDT", Interval.M1, 10));
        Kline grown = later.get(later.size() - 1);
        assertThat(grown.openTime()).isEqualTo(forming.openTime());
        assertThat(grown.open()).isEqualTo(forming.open());
        assertThat(grown.volume()).isGreaterThan(forming.volume());
        assertThat(grown).isNotEqualTo(forming);

        clock.advance(Duration.ofMinutes(1));
        List<Kline> next = ok(m.klines("BTCUSDT", Interval.M1, 10));
        assertThat(next.get(next.size() - 1).openTime()).isEqualTo(forming.openTime() + MINUTE);
        assertThat(next.get(next.size() - 2).openTime()).isEqualTo(forming.openTime());
        assertThat(next.get(next.size() - 2).isClosedAt(clock.millis())).isTrue();
        // the closed candle is what the forming one became: its prefix extremes stay within its range
        assertThat(next.get(next.size() - 2).high()).isGreaterThanOrEqualTo(grown.high());
        assertThat(next.get(next.size() - 2).low()).isLessThanOrEqualTo(grown.low());
    }

    @Test
    void rangeQueriesFollowBinance() {
        SimulatedMarket m = SimTesting.market(MutableClock.at("2024-06-15T10:20:10Z"));
        long start = Instant.parse("2024-06-15T00:00:30Z").toEpochMilli();
        long end = Instant.parse("2024-06-15T05:00:00Z").toEpochMilli();
        List<Kline> ks = ok(m.klines("BTCUSDT", Interval.H1, start, end, 1500));
        assertThat(ks).extracting(Kline::openTime).containsExactly(
                start - 30_000 + HOUR, start - 30_000 + 2 * HOUR, start - 30_000 + 3 * HOUR,
                start - 30_000 + 4 * HOUR, start - 30_000 + 5 * HOUR);
        List<Kline> limited = ok(m.klines("BTCUSDT", Interval.M1, start, end, 7));
        assertThat(limited).hasSize(7);
        assertThat(limited.get(0).openTime()).isEqualTo(start + 30_000);
        // nothing before genesis, nothing after now
        List<Kline> early = ok(m.klines("BTCUSDT", Interval.D1, 0, Instant.parse("2024-01-03T00:00:00Z").toEpochMilli(), 10));
        assertThat(early).extracting(Kline::openTime).containsExactly(
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), Instant.parse("2024-01-02T00:00:00Z").toEpochMilli(),
                Instant.parse("2024-01-03T00:00:00Z").toEpochMilli());
        List<Kline> future = ok(m.klines("BTCUSDT", Interval.H1, start, start + 30 * DAY, 1500));
        assertThat(future.get(future.size() - 1).openTime()).isEqualTo(Instant.parse("2024-06-15T10:00:00Z").toEpochMilli());
        assertThat(failure(m.klines("BTCUSDT", Interval.H1, end, start, 10)).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void beforeGenesisThereIsNothing() {
        SimulatedMarket m = SimTesting.market(MutableClock.at("2023-12-31T12:00:00Z"));
        assertThat(ok(m.klines("BTCUSDT", Interval.H1, 100))).isEmpty();
        SimulatedMarket justAfter = SimTesting.market(MutableClock.at("2024-01-01T02:30:00Z"));
        List<Kline> hours = ok(justAfter.klines("BTCUSDT", Interval.H1, 100));
        assertThat(hours).hasSize(3);
        assertThat(hours.get(0).openTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
    }
}
