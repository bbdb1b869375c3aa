package io.marketintel.runtime.market.binance;

import io.marketintel.runtime.MutableClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/**
 * A connector on virtual time against a {@link FakeBinance} on the same clock. Tests that use it skip (with
 * the reason) when the shared data folder is missing.
 */
final class Harness {

    /** 2024-08-09T00:00:10Z: ten seconds into a minute. */
    static final String START = "2024-08-09T00:00:10Z";

    final Vertx vertx;
    final MutableClock clock;
    final VirtualScheduler scheduler;
    final FakeBinance fake;
    BinanceMarket market;

    private Harness(Vertx vertx) {
        this.vertx = vertx;
        this.clock = MutableClock.at(START);
        this.scheduler = new VirtualScheduler(vertx, clock);
        this.fake = new FakeBinance(clock, SharedData.get());
    }

    /** Skips the calling test with a clear reason when the shared data is missing. */
    static void assumeData() {
        Assumptions.assumeTrue(SharedData.missing() == null, () -> "skipped: " + SharedData.missing());
    }

    /** Starts the fake (configured by {@code fakeSetup}) and connects with test settings changed by {@code tune}. */
    static Harness start(Vertx vertx, Consumer<FakeBinance> fakeSetup, UnaryOperator<BinanceSettings> tune) {
        assumeData();
        Harness h = new Harness(vertx);
        fakeSetup.accept(h.fake);
        Await.value(h.fake.start(vertx));
        h.market = Await.value(BinanceMarket.connect(vertx, tune.apply(settings(h.fake)), h.scheduler));
        BinanceMarket m = h.market;
        h.scheduler.idleWhen(() -> m.inFlight() == 0);
        return h;
    }

    static Harness start(Vertx vertx) {
        return start(vertx, f -> { }, s -> s);
    }

    /** Starts only the fake (for tests that connect themselves). */
    static Harness fakeOnly(Vertx vertx, Consumer<FakeBinance> fakeSetup) {
        assumeData();
        Harness h = new Harness(vertx);
        fakeSetup.accept(h.fake);
        Await.value(h.fake.start(vertx));
        return h;
    }

    /** Test settings: the fake's URL and credentials, short timeouts, no periodic time sync. */
    static BinanceSettings settings(FakeBinance fake) {
        return BinanceSettings.defaults()
                .withBaseUrl(fake.baseUrl())
                .withCredentials(FakeBinance.API_KEY, FakeBinance.API_SECRET)
                .withRequestTimeout(Duration.ofSeconds(3))
                .withRetries(2, Duration.ofMillis(20))
                .withTimeSyncInterval(Duration.ofDays(1));
    }

    BinanceMarketData md() {
        return market.marketData();
    }

    BinanceExchange ex() {
        return market.exchange();
    }

    void close() {
        scheduler.stop();
        if (market != null) {
            Await.value(market.close());
        }
        Await.value(fake.close());
    }

    /** The shared data, loaded once for the whole test run (read-only afterwards). */
    static final class SharedData {
        private SharedData() {
        }

        static String missing() {
            return FakeData.missing(FakeData.defaultDir()).orElse(null);
        }

        static FakeData get() {
            return Holder.DATA;
        }

        private static final class Holder {
            static final FakeData DATA = FakeData.load(FakeData.defaultDir());
        }
    }
}
