package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PremiumIndex;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 429 pauses everything for Retry-After, 418 stops everything until the ban ends, headers correct the count. */
@ExtendWith(VertxExtension.class)
class RateLimitHandlingTest {

    private static final long MINUTE_END = Instant.parse("2024-08-09T00:01:00Z").toEpochMilli();

    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void a429PausesEveryRequestForRetryAfterThenResumes(Vertx vertx) throws InterruptedException {
        h = Harness.start(vertx, fake -> fake.requestWeightLimit(100), s -> s.withMaxQueueWait(Duration.ofMinutes(2)));
        h.scheduler.autoAdvance(false);
        h.fake.consumeWeight(98); // another bot on the same IP: the minute is now full

        Future<PremiumIndex> first = h.md().premiumIndex("BTCUSDT");
        waitFor(() -> h.fake.statusCount(429) == 1 && h.market.status().queued() == 1);
        long at429 = h.fake.requests().get(h.fake.requests().size() - 1).serverTime();
        BinanceStatus paused = h.market.status();
        assertThat(paused.pausedUntil()).as("Retry-After: the 50 s left in the minute").isEqualTo(MINUTE_END);
        assertThat(paused.state()).isEqualTo("DEGRADED");

        List<Future<?>> more = new ArrayList<>();
        more.add(h.md().ticker24h("ETHUSDT"));
        more.add(h.md().orderBook("BTCUSDT", 5));
        more.add(h.md().klines("BTCUSDT", Interval.H1, 10));
        waitFor(() -> h.market.status().queued() == 4);
        int seen = h.fake.requests().size();
        h.scheduler.advance(Duration.ofSeconds(49));
        Thread.sleep(50);
        assertThat(h.fake.requests()).as("nothing is sent during the pause").hasSize(seen);
        assertThat(first.isComplete()).isFalse();
        assertThat(h.market.status().queued()).isEqualTo(4);

        h.scheduler.advance(Duration.ofSeconds(1));
        assertThat(Await.value(first).symbol()).isEqualTo("BTCUSDT");
        more.forEach(Await::value);
        List<FakeBinance.Recorded> after = h.fake.requests().subList(seen, h.fake.requests().size());
        assertThat(after).hasSize(4).allMatch(r -> r.serverTime() >= MINUTE_END && r.status() == 200);
        assertThat(at429).isLessThan(MINUTE_END);
        assertThat(h.fake.statusCount(429)).isEqualTo(1);
        assertThat(h.market.status().pausedUntil()).isNull();
    }

    @Test
    void a418StopsEverythingUntilTheBanEndsAndIsReported(Vertx vertx) {
        h = Harness.start(vertx);
        h.scheduler.autoAdvance(false);
        long now = h.clock.millis();
        h.fake.banFor(Duration.ofMinutes(2));

        IntelException banned = Await.failure(h.md().premiumIndex("BTCUSDT"));
        assertThat(banned.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(banned.getMessage()).contains("418").contains("banned");
        assertThat(h.fake.count("/fapi/v1/premiumIndex")).as("a ban is not retried").isEqualTo(1);
        BinanceStatus s = h.market.status();
        assertThat(s.bannedUntil()).isEqualTo(now + 120_000);
        assertThat(s.state()).isEqualTo("DOWN");
        assertThat(s.lastError()).contains("banned");

        int seen = h.fake.requests().size();
        IntelException fast = Await.failure(h.md().ticker24h("BTCUSDT"));
        assertThat(fast.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(fast.getMessage()).contains("banned");
        assertThat(h.fake.requests()).as("nothing is sent while banned").hasSize(seen);

        h.scheduler.advance(Duration.ofMinutes(2));
        assertThat(Await.value(h.md().premiumIndex("BTCUSDT")).symbol()).isEqualTo("BTCUSDT");
        assertThat(h.market.status().bannedUntil()).isNull();
        assertThat(h.market.status().state()).isEqualTo("UP");
    }

    @Test
    void theUsedWeightHeaderMakesTheClientWaitInsteadOfDrawingA429(Vertx vertx) {
        h = Harness.start(vertx, fake -> fake.requestWeightLimit(100), s -> s);
        h.fake.consumeWeight(80); // unknown to the client until a header tells it
        Await.value(h.md().premiumIndex("BTCUSDT"));
        assertThat(h.market.status().serverUsedWeight()).isEqualTo(83);
        assertThat(h.market.status().weightUsed()).isEqualTo(83);

        // weight 20 does not fit before the minute ends (50 s), longer than the default 10 s deadline: fail fast
        int seen = h.fake.requests().size();
        IntelException tooLong = Await.failure(h.md().orderBook("BTCUSDT", 1000));
        assertThat(tooLong.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(tooLong.getMessage()).contains("GET /fapi/v1/depth").contains("10000 ms");
        assertThat(h.fake.requests()).hasSize(seen);

        // a second connector in the process shares the same budget; with a longer deadline it waits
        BinanceMarket patient = Await.value(BinanceMarket.connect(vertx, Harness.settings(h.fake)
                .withMaxQueueWait(Duration.ofMinutes(2)), h.scheduler));
        try {
            assertThat(patient.status().weightUsed()).as("shared budget").isGreaterThanOrEqualTo(83);
            OrderBook book = Await.value(patient.marketData().orderBook("BTCUSDT", 1000));
            assertThat(book.bids()).hasSize(1000);
        } finally {
            Await.value(patient.close());
        }
        assertThat(h.fake.statusCount(429)).isZero();
        FakeBinance.Recorded depth = h.fake.requests().get(h.fake.requests().size() - 1);
        assertThat(depth.path()).isEqualTo("/fapi/v1/depth");
        assertThat(depth.serverTime()).isGreaterThanOrEqualTo(MINUTE_END);
    }

    @Test
    void theFakeAnswers429ThenBansAfterRepeatedAbuseLikeBinance(Vertx vertx) {
        h = Harness.fakeOnly(vertx, fake -> fake.requestWeightLimit(10).banAfter(3, Duration.ofMinutes(2)));
        WebClient raw = WebClient.create(vertx);
        List<HttpResponse<Buffer>> answers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            answers.add(Await.value(raw.getAbs(h.fake.baseUrl() + "/fapi/v1/depth?symbol=BTCUSDT&limit=5").send()));
        }
        assertThat(answers).extracting(HttpResponse::statusCode)
                .containsExactly(200, 200, 200, 200, 200, 429, 429, 418, 418);
        HttpResponse<Buffer> tooMany = answers.get(5);
        assertThat(tooMany.getHeader("Retry-After")).isEqualTo("50");
        assertThat(tooMany.bodyAsJsonObject().getInteger("code")).isEqualTo(-1003);
        assertThat(tooMany.getHeader("X-MBX-USED-WEIGHT-1M")).isEqualTo("10");
        assertThat(answers.get(4).getHeader("X-MBX-USED-WEIGHT-1M")).isEqualTo("10");
        HttpResponse<Buffer> ban = answers.get(7);
        assertThat(ban.getHeader("Retry-After")).isEqualTo("120");
        assertThat(ban.bodyAsJsonObject().getString("msg")).contains("IP banned until");
        raw.close();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 2000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
    }
}
