package io.marketintel.runtime.market.sim;

import static io.marketintel.runtime.market.sim.SimTesting.ok;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Period;
import io.marketintel.runtime.MutableClock;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timings of the simulated market, printed, never asserted. Run on demand:
 * {@code mvn -pl platform-runtime -am test -Dtest='io.marketintel.runtime.market.sim.SimBenchmarkTest'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsim.bench=true}.
 */
@EnabledIfSystemProperty(named = "sim.bench", matches = "true")
class SimBenchmarkTest {

    private static double millis(Supplier<?> call) {
        long t0 = System.nanoTime();
        call.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double best(int runs, Supplier<?> call) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            best = Math.min(best, millis(call));
        }
        return best;
    }

    @Test
    void timings() {
        // first call of the JVM, 1500 days after genesis (every daily candle exists)
        MutableClock clock = MutableClock.at("2028-02-09T12:00:00Z");
        SimulatedMarket m = SimTesting.market(clock);
        System.out.printf("cold klines(BTCUSDT, 1d, 1500), first call in the JVM: %.1f ms%n",
                millis(() -> ok(m.klines("BTCUSDT", Interval.D1, 1500))));
        System.out.printf("cold klines(ETHUSDT, 1d, 1500), JIT warm:           %.1f ms%n",
                millis(() -> ok(m.klines("ETHUSDT", Interval.D1, 1500))));
        System.out.printf("cold klines(SOLUSDT, 1w, 1500), JIT warm:           %.1f ms%n",
                millis(() -> ok(m.klines("SOLUSDT", Interval.W1, 1500))));
        for (Interval interval : Interval.values()) {
            double cold = millis(() -> ok(m.klines("XRPUSDT", interval, 1500)));
            double warm = best(20, () -> ok(m.klines("XRPUSDT", interval, 1500)));
            System.out.printf("klines(XRPUSDT, %-3s, 1500): cold %7.2f ms, warm %6.3f ms%n", interval.code(), cold, warm);
        }
        double bookCold = millis(() -> ok(m.orderBook("LTCUSDT", 1000)));
        double bookWarm = best(50, () -> {
            clock.advance(Duration.ofSeconds(1));
            return ok(m.orderBook("LTCUSDT", 1000));
        });
        System.out.printf("orderBook(1000): first %.2f ms, next seconds best %.3f ms%n", bookCold, bookWarm);
        System.out.printf("orderBook(20) warm: %.3f ms%n", best(50, () -> {
            clock.advance(Duration.ofSeconds(1));
            return ok(m.orderBook("LTCUSDT", 20));
        }));
        System.out.printf("ticker24h warm: %.3f ms, tickers24h: %.3f ms, premiumIndexAll: %.3f ms%n",
                best(20, () -> ok(m.ticker24h("BTCUSDT"))), best(20, () -> ok(m.tickers24h())),
                best(20, () -> ok(m.premiumIndexAll())));
        SimulatedMarket fresh = new SimulatedMarket(SimSettings.defaults().withSeed(7),
                MutableClock.at("2026-06-01T00:00:00Z"));
        System.out.printf("warmUp(), ten symbols, 2.4 years after genesis: %.1f ms%n", millis(() -> {
            fresh.warmUp();
            return null;
        }));
        System.out.printf("fundingRateHistory(1000) cold %.2f ms, warm %.3f ms%n",
                millis(() -> ok(m.fundingRateHistory("ADAUSDT", 1000))), best(20, () -> ok(m.fundingRateHistory("ADAUSDT", 1000))));
        System.out.printf("takerBuySellRatio(5m, 500) warm %.3f ms, longShortRatio(1h, 500) warm %.3f ms%n",
                best(20, () -> ok(m.takerBuySellRatio("BTCUSDT", Period.M5, 500))),
                best(20, () -> ok(m.longShortRatio("BTCUSDT", io.marketintel.api.market.RatioSeries.TOP_POSITION, Period.H1, 500))));
    }
}
