package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.RatioSeries;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 1,000 mixed requests from four concurrent "plugins" against a fake allowing 300 weight per minute: the shared
 * budget spreads them over (virtual) minutes; Binance never answers 429 and every request is answered.
 */
@ExtendWith(VertxExtension.class)
class BurstTest {

    private static final int PLUGINS = 4;
    private static final int PER_PLUGIN = 250;
    private static final int CONCURRENCY = 8;

    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aThousandMixedRequestsNeverDraw429(Vertx vertx) {
        h = Harness.start(vertx, fake -> fake.requestWeightLimit(300),
                s -> s.withMaxQueueWait(Duration.ofMinutes(5)));
        long start = h.clock.millis();
        List<Future<Integer>> plugins = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        for (int p = 0; p < PLUGINS; p++) {
            Context ctx = vertx.getOrCreateContext();
            Promise<Integer> done = Promise.promise();
            int seed = p;
            ctx.runOnContext(v -> new Plugin(ctx, new SplittableRandom(seed), answered, done).go());
            plugins.add(done.future());
        }
        for (Future<Integer> f : plugins) {
            // 1,000 real HTTP requests: bounded generously so that a loaded machine does not fail it.
            assertThat(Await.value(f, 300)).isEqualTo(PER_PLUGIN);
        }
        assertThat(answered.get()).isEqualTo(PLUGINS * PER_PLUGIN);
        assertThat(h.fake.statusCount(429)).as("429 answers").isZero();
        assertThat(h.fake.statusCount(418)).as("418 answers").isZero();

        // per minute of server time the fake never counted more than 300 (it would have said 429)
        Map<Long, Integer> perMinute = new TreeMap<>();
        for (FakeBinance.Recorded r : h.fake.requests()) {
            Map<String, String> params = new java.util.HashMap<>();
            if (!r.query().isEmpty()) {
                for (String kv : r.query().split("&")) {
                    String[] parts = kv.split("=", 2);
                    params.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
            perMinute.merge(r.serverTime() / 60_000, FakeBinance.weightOf(r.method() + " " + r.path(), params),
                    Integer::sum);
        }
        assertThat(perMinute.values()).allMatch(w -> w <= 300);
        int total = perMinute.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("enough weight to need several minutes").isGreaterThan(3 * 300);
        assertThat(h.clock.millis() - start).as("the budget spread them over virtual minutes")
                .isGreaterThanOrEqualTo((total / 270 - 1) * 60_000L);
        assertThat(h.market.status().queued()).isZero();
    }

    /** One plugin: PER_PLUGIN random calls, at most CONCURRENCY at a time, on its own context. */
    private final class Plugin {
        private final Context ctx;
        private final SplittableRandom rnd;
        private final AtomicInteger answered;
        private final Promise<Integer> done;
        private int started;
        private int finished;

        Plugin(Context ctx, SplittableRandom rnd, AtomicInteger answered, Promise<Integer> done) {
            this.ctx = ctx;
            this.rnd = rnd;
            this.answered = answered;
            this.done = done;
        }

        void go() {
            while (started < PER_PLUGIN && started - finished < CONCURRENCY) {
                started++;
                next().get().onComplete(ar -> {
                    if (ar.failed()) {
                        done.tryFail(ar.cause());
                        return;
                    }
                    finished++;
                    answered.incrementAndGet();
                    if (finished == PER_PLUGIN) {
                        done.tryComplete(finished);
                    } else {
                        ctx.runOnContext(v -> go());
                    }
                });
            }
        }

        private Supplier<Future<?>> next() {
            BinanceMarketData md = h.md();
            String[] symbols = {"BTCUSDT", "ETHUSDT", "XRPUSDT", "SOLUSDT"};
            String s = symbols[rnd.nextInt(symbols.length)];
            int[] depth = {5, 10, 20, 50, 100, 500, 1000};
            return switch (rnd.nextInt(9)) {
                case 0, 1 -> () -> md.orderBook(s, depth[rnd.nextInt(depth.length)]);
                case 2, 3 -> () -> md.klines(s, Interval.H1, 1 + rnd.nextInt(1500));
                case 4 -> () -> md.premiumIndex(s);
                case 5 -> () -> md.ticker24h(s);
                case 6 -> () -> md.bookTicker(s);
                case 7 -> () -> md.longShortRatio(s, RatioSeries.TOP_POSITION, Period.M5, 30);
                default -> () -> md.openInterest(s);
            };
        }
    }
}
