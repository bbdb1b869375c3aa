package io.marketintel.runtime.market.binance;

import java.util.Objects;

/**
 * A small circuit breaker for one endpoint family. CLOSED lets calls through and counts consecutive failures
 * (timeouts, connection errors, 5xx, malformed answers); at the threshold it opens. OPEN rejects calls until
 * its open duration has passed, then lets exactly one trial call through (HALF_OPEN): success closes it,
 * failure opens it again. Any answer that proves the endpoint alive (2xx, a Binance 4xx error) counts as
 * success. Time comes from the {@link Scheduler}, so tests use fake time. Thread-safe.
 *
 * <p>Written here rather than using {@code io.vertx:vertx-circuit-breaker}: that module is not among the
 * runtime's dependencies, its clock is not injectable (half-open tests would need real sleeps) and the
 * connector needs only these few lines.
 */
final class CircuitBreaker {

    /** Breaker states. */
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final String name;
    private final int threshold;
    private final long openMs;
    private final Scheduler scheduler;

    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;
    private String lastFailure;

    CircuitBreaker(String name, int threshold, long openMs, Scheduler scheduler) {
        this.name = name;
        this.threshold = threshold;
        this.openMs = openMs;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    String name() {
        return name;
    }

    /** Whether a call may go out now; a true answer in HALF_OPEN makes it the trial call. */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (scheduler.now() - openedAt >= openMs) {
                    state = State.HALF_OPEN;
                    trialInFlight = true;
                    return true;
                }
                return false;
            default:
                if (!trialInFlight) {
                    trialInFlight = true;
                    return true;
                }
                return false;
        }
    }

    /** The endpoint answered. */
    synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    /** The endpoint failed. @return whether this failure opened the circuit */
    synchronized boolean onFailure(String what) {
        lastFailure = what;
        trialInFlight = false;
        if (state == State.HALF_OPEN) {
            state = State.OPEN;
            openedAt = scheduler.now();
            return true;
        }
        failures++;
        if (state == State.CLOSED && failures >= threshold) {
            state = State.OPEN;
            openedAt = scheduler.now();
            return true;
        }
        return false;
    }

    /** An acquired call was not sent after all (budget refused it); a pending trial is given back. */
    synchronized void abandon() {
        trialInFlight = false;
    }

    /** The state now (OPEN past its duration reads HALF_OPEN: the next call is a trial). */
    synchronized State state() {
        if (state == State.OPEN && scheduler.now() - openedAt >= openMs) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** How long until an open circuit lets a trial through, 0 otherwise. */
    synchronized long retryInMs() {
        return state == State.OPEN ? Math.max(0, openedAt + openMs - scheduler.now()) : 0;
    }

    /** The latest failure, or null. */
    synchronized String lastFailure() {
        return lastFailure;
    }
}
