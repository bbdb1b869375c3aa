package io.marketintel.runtime.market.binance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The breaker opens after consecutive failures, lets one trial through after its open time, closes on success. */
class CircuitBreakerTest {

    private final ManualScheduler time = new ManualScheduler(0);
    private final CircuitBreaker breaker = new CircuitBreaker("market", 3, 30_000, time);

    @Test
    void opensAfterTheThresholdAndHalfOpensAfterTheOpenDuration() {
        for (int i = 0; i < 2; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            assertThat(breaker.onFailure("HTTP 500")).isFalse();
        }
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.onFailure("HTTP 500")).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.retryInMs()).isEqualTo(30_000);

        time.advance(30_000);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("the trial call").isTrue();
        assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
        breaker.onFailure("timeout");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

        time.advance(30_000);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.onFailure("x");
        breaker.onFailure("x");
        breaker.onSuccess();
        breaker.onFailure("x");
        breaker.onFailure("x");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anAbandonedTrialIsGivenBack() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure("x");
        }
        time.advance(30_000);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.abandon();
        assertThat(breaker.tryAcquire()).isTrue();
    }
}
