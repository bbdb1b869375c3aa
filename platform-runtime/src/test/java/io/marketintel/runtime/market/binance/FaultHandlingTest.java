package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.market.Period;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each fault class becomes the right typed error; only GETs are retried; the breaker opens and half-opens. */
@ExtendWith(VertxExtension.class)
class FaultHandlingTest {

    private static final String DEPTH = "/fapi/v1/depth";

    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private void start(Vertx vertx, Consumer<FakeBinance> fake, UnaryOperator<BinanceSettings> settings) {
        h = Harness.start(vertx, fake, settings);
    }

    @Test
    void a5xxOnAGetIsRetriedWithBackoff(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.status(500), 2), s -> s);
        assertThat(Await.value(h.md().orderBook("BTCUSDT", 5)).bids()).hasSize(5);
        assertThat(h.fake.count(DEPTH)).isEqualTo(3);
    }

    @Test
    void persistent5xxIsUpstreamUnavailableNamingEndpointAndCause(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.status(502, "<html>Bad Gateway</html>"), 3), s -> s);
        IntelException e = Await.failure(h.md().orderBook("BTCUSDT", 5));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("GET /fapi/v1/depth").contains("HTTP 502");
        assertThat(e.details()).containsEntry("http_status", 502);
        assertThat(h.fake.count(DEPTH)).as("1 + maxRetries").isEqualTo(3);
    }

    @Test
    void aHangIsATimeout(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.hang(), 1),
                s -> s.withRequestTimeout(Duration.ofMillis(300)).withRetries(0, Duration.ofMillis(1)));
        IntelException e = Await.failure(h.md().orderBook("BTCUSDT", 5));
        assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(e.getMessage()).contains("GET /fapi/v1/depth did not answer within 300 ms");
    }

    @Test
    void slowButInTimeIsFine(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.latency(Duration.ofMillis(50)), 1), s -> s);
        assertThat(Await.value(h.md().orderBook("BTCUSDT", 5)).asks()).hasSize(5);
        assertThat(h.fake.count(DEPTH)).isEqualTo(1);
    }

    @Test
    void truncatedJsonIsAnUpstreamErrorAfterRetries(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.truncatedJson(), 3), s -> s);
        IntelException e = Await.failure(h.md().orderBook("BTCUSDT", 100));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("GET /fapi/v1/depth").contains("malformed");
        assertThat(h.fake.count(DEPTH)).isEqualTo(3);
        // and a truncated answer once is survived by a retry
        h.fake.inject(DEPTH, FakeBinance.Fault.truncatedJson(), 1);
        assertThat(Await.value(h.md().orderBook("BTCUSDT", 100)).bids()).hasSize(100);
    }

    @Test
    void aResetConnectionIsUpstreamUnavailable(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.reset(), 1), s -> s.withRetries(0, Duration.ofMillis(1)));
        IntelException e = Await.failure(h.md().orderBook("BTCUSDT", 5));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("GET /fapi/v1/depth");
    }

    @Test
    void aWellFormedShapeErrorIsNamed(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.status(200, "{\"lastUpdateId\":1,\"bids\":[]}"), 1),
                s -> s);
        IntelException e = Await.failure(h.md().orderBook("BTCUSDT", 5));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("GET /fapi/v1/depth").contains("[asks]");
    }

    @Test
    void aBinanceErrorAnswerIsNotRetried(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.status(400,
                "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'symbol'.\"}"), 1), s -> s);
        IntelException e = Await.failure(h.md().orderBook("BTCUSDT", 5));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("-1100").contains("Illegal characters");
        assertThat(h.fake.count(DEPTH)).isEqualTo(1);
    }

    @Test
    void writesAreNeverRetried(Vertx vertx) {
        start(vertx, f -> f.inject("POST /fapi/v1/leverage", FakeBinance.Fault.status(500), 3), s -> s);
        IntelException e = Await.failure(h.ex().setLeverage("BTCUSDT", 5));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("POST /fapi/v1/leverage").contains("outcome unknown");
        assertThat(h.fake.count("POST /fapi/v1/leverage")).isEqualTo(1);
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndHalfOpensAfterItsOpenTime(Vertx vertx) {
        start(vertx, f -> f.inject(DEPTH, FakeBinance.Fault.status(500), 100),
                s -> s.withRetries(0, Duration.ofMillis(1)).withBreaker(3, Duration.ofSeconds(30)));
        h.scheduler.autoAdvance(false);
        for (int i = 0; i < 3; i++) {
            assertThat(Await.failure(h.md().orderBook("BTCUSDT", 5)).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        }
        IntelException open = Await.failure(h.md().orderBook("BTCUSDT", 5));
        assertThat(open.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(open.getMessage()).contains("circuit of Binance market endpoints is open").contains("HTTP 500");
        assertThat(open.details()).containsEntry("family", "market");
        assertThat(h.fake.count(DEPTH)).as("an open circuit sends nothing").isEqualTo(3);
        assertThat(Await.failure(h.md().premiumIndex("BTCUSDT")).getMessage()).contains("circuit");
        assertThat(h.market.status().circuits()).containsEntry("market", "OPEN").containsEntry("statistics", "CLOSED");
        assertThat(h.market.status().state()).isEqualTo("DEGRADED");
        // other families are not affected
        assertThat(Await.value(h.md().openInterestHistory("BTCUSDT", Period.M5, 5))).hasSize(5);

        h.scheduler.advance(Duration.ofSeconds(30));
        assertThat(h.market.status().circuits()).containsEntry("market", "HALF_OPEN");
        Await.failure(h.md().orderBook("BTCUSDT", 5)); // the trial fails: open again
        assertThat(h.fake.count(DEPTH)).isEqualTo(4);
        assertThat(h.market.status().circuits()).containsEntry("market", "OPEN");

        h.scheduler.advance(Duration.ofSeconds(30));
        h.fake.clearFaults();
        assertThat(Await.value(h.md().orderBook("BTCUSDT", 5)).bids()).hasSize(5);
        assertThat(h.market.status().circuits()).containsEntry("market", "CLOSED");
        assertThat(h.market.status().state()).isEqualTo("UP");
    }

    @Test
    void connectingToNothingFailsClearly(Vertx vertx) {
        IntelException e = Await.failure(BinanceMarket.connect(vertx, java.time.Clock.systemUTC(),
                BinanceSettings.defaults().withBaseUrl("http://127.0.0.1:9").withRetries(0, Duration.ofMillis(1))
                        .withRequestTimeout(Duration.ofSeconds(2))));
        assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("GET /fapi/v1/time");
    }
}
