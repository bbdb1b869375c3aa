package io.marketintel.runtime.market.replay;

import static io.marketintel.runtime.market.replay.ReplayTesting.ok;

import io.marketintel.api.market.Interval;
import io.marketintel.runtime.MutableClock;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load time and memory of a month of 1m klines for ten symbols (446,400 rows), printed, never asserted. Run on
 * demand: {@code mvn -pl platform-runtime -am test -Dtest='io.marketintel.runtime.market.replay.ReplayBenchmarkTest'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreplay.bench=true}.
 */
@EnabledIfSystemProperty(named = "replay.bench", matches = "true")
class ReplayBenchmarkTest {

    @Test
    void monthOfMinutesForTenSymbols(@TempDir Path dir) {
        long start = Fixtures.t("2024-01-01T00:00:00Z");
        int rows = 31 * 1440;
        for (int s = 0; s < 10; s++) {
            Fixtures.write(dir, "SYM" + s + "USDT-1m-2024-01.csv",
                    Fixtures.withHeader(Fixtures.KLINES_HEADER, Fixtures.klineRows(start, 60_000L, rows)));
        }
        Vertx vertx = Vertx.vertx();
        try {
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heap0 = rt.totalMemory() - rt.freeMemory();
            ReplayClock clock = new ReplayClock(MutableClock.at("2030-01-01T00:00:00Z"),
                    Instant.parse("2024-02-01T00:00:00Z"), 1);
            long t0 = System.nanoTime();
            ReplayMarket m = ok(ReplayMarket.open(vertx, dir, clock));
            long t1 = System.nanoTime();
            ok(m.preload());
            long t2 = System.nanoTime();
            System.gc();
            long heap1 = rt.totalMemory() - rt.freeMemory();
            long t3 = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                m.klines("SYM" + (i % 10) + "USDT", Interval.M1, 1500);
            }
            long t4 = System.nanoTime();
            System.out.printf("10 × %d 1m rows: open %.1f ms, load (+ aggregates) %.1f ms, heap +%.1f MB, "
                    + "klines(1m, 1500) %.1f µs per call%n", rows, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    (heap1 - heap0) / 1e6, (t4 - t3) / 1e3 / 10_000);
            for (ReplayStatus.SymbolStatus st : m.status().details()) {
                System.out.printf("  %s load %.1f ms%n", st.symbol(), st.loadMillis());
            }
            ReplayMarket again = ok(ReplayMarket.open(vertx, dir, clock));
            long t5 = System.nanoTime();
            for (String s : again.symbols()) {
                ok(again.klines(s, Interval.M1, 1)); // one at a time, JIT warm
            }
            System.out.printf("sequential load of the 10 symbols, JIT warm: %.1f ms%n", (System.nanoTime() - t5) / 1e6);
        } finally {
            ok(vertx.close());
        }
    }
}
