package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.runtime.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The market is a pure function of (seed, symbol, time). */
class DeterminismTest {

    private static final String T = "2024-05-17T13:45:27.250Z";

    @Test
    void twoMarketsWithTheSameSeedAnswerTheSameAtTheSameTime() {
        SimulatedMarket a = new SimulatedMarket(SimSettings.defaults(), MutableClock.at(T));
        SimulatedMarket b = new SimulatedMarket(SimSettings.defaults(), MutableClock.at(T));
        for (String symbol : a.symbols()) {
            assertThat(ok(a.klines(symbol, Interval.M1, 500))).isEqualTo(ok(b.klines(symbol, Interval.M1, 500)));
        }
        assertThat(ok(a.klines("ETHUSDT", Interval.H4, 300))).isEqualTo(ok(b.klines("ETHUSDT", Interval.H4, 300)));
        assertThat(ok(a.orderBook("BTCUSDT", 1000))).isEqualTo(ok(b.orderBook("BTCUSDT", 1000)));
        assertThat(ok(a.fundingRateHistory("DOGEUSDT", 200))).isEqualTo(ok(b.fundingRateHistory("DOGEUSDT", 200)));
        assertThat(ok(a.premiumIndexAll())).isEqualTo(ok(b.premiumIndexAll()));
        assertThat(ok(a.openInterestHistory("SOLUSDT", Period.M15, 100)))
                .isEqualTo(ok(b.openInterestHistory("SOLUSDT", Period.M15, 100)));
        assertThat(ok(a.longShortRatio("BTCUSDT", RatioSeries.TOP_POSITION, Period.H1, 50)))
                .isEqualTo(ok(b.longShortRatio("BTCUSDT", RatioSeries.TOP_POSITION, Period.H1, 50)));
        assertThat(ok(a.tickers24h())).isEqualTo(ok(b.tickers24h()));
    }

    @Test
    void answersDoNotDependOnWhatWasAskedBefore() {
        MutableClock busyClock = MutableClock.at("2024-03-01T00:00:00Z");
        SimulatedMarket busy = new SimulatedMarket(SimSettings.defaults(), busyClock);
        // a history of unrelated questions at other times
        ok(busy.klines("BTCUSDT", Interval.D1, 1500));
        ok(busy.orderBook("BTCUSDT", 1000));
        busyClock.set(java.time.Instant.parse("2024-09-01T00:00:00Z"));
        ok(busy.klines("BTCUSDT", Interval.M5, 1500));
        ok(busy.takerBuySellRatio("BTCUSDT", Period.D1, 500));
        busyClock.set(java.time.Instant.parse(T));

        SimulatedMarket fresh = new SimulatedMarket(SimSettings.defaults(), MutableClock.at(T));
        assertThat(ok(busy.klines("BTCUSDT", Interval.M15, 1000))).isEqualTo(ok(fresh.klines("BTCUSDT", Interval.M15, 1000)));
        assertThat(ok(busy.orderBook("BTCUSDT", 500))).isEqualTo(ok(fresh.orderBook("BTCUSDT", 500)));
        assertThat(ok(busy.premiumIndex("BTCUSDT"))).isEqualTo(ok(fresh.premiumIndex("BTCUSDT")));
        assertThat(ok(busy.openInterest("BTCUSDT"))).isEqualTo(ok(fresh.openInterest("BTCUSDT")));
    }

    @Test
    void warmingUpChangesNothing() {
        SimulatedMarket warm = new SimulatedMarket(SimSettings.defaults(), MutableClock.at(T));
        warm.warmUp();
        SimulatedMarket cold = new SimulatedMarket(SimSettings.defaults(), MutableClock.at(T));
        for (Interval interval : Interval.values()) {
            assertThat(ok(warm.klines("LINKUSDT", interval, 1500))).isEqualTo(ok(cold.klines("LINKUSDT", interval, 1500)));
        }
    }

    @Test
    void anotherSeedIsAnotherMarket() {
        SimulatedMarket a = new SimulatedMarket(SimSettings.defaults(), MutableClock.at(T));
        SimulatedMarket b = new SimulatedMarket(SimSettings.defaults().withSeed(43), MutableClock.at(T));
        assertThat(ok(a.klines("BTCUSDT", Interval.H1, 100))).isNotEqualTo(ok(b.klines("BTCUSDT", Interval.H1, 100)));
        assertThat(ok(a.orderBook("BTCUSDT", 100))).isNotEqualTo(ok(b.orderBook("BTCUSDT", 100)));
        assertThat(ok(a.fundingRateHistory("BTCUSDT", 100))).isNotEqualTo(ok(b.fundingRateHistory("BTCUSDT", 100)));
    }

    @Test
    void theSameInstantGivesTheSameAnswerAfterTheClockMovedAway() {
        MutableClock clock = MutableClock.at(T);
        SimulatedMarket m = new SimulatedMarket(SimSettings.defaults(), clock);
        var before = ok(m.klines("ETHUSDT", Interval.M1, 100));
        var book = ok(m.orderBook("ETHUSDT", 100));
        clock.advance(Duration.ofDays(3));
        ok(m.klines("ETHUSDT", Interval.M1, 100));
        clock.set(java.time.Instant.parse(T));
        assertThat(ok(m.klines("ETHUSDT", Interval.M1, 100))).isEqualTo(before);
        assertThat(ok(m.orderBook("ETHUSDT", 100))).isEqualTo(book);
    }
}
