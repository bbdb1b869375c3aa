package io.marketintel.testkit.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves only when a test moves it: tests advance fake time instead of sleeping. Safe to read and
 * move from several threads.
 */
public final class ManualClock extends Clock {

    private volatile long millis;

    /**
     * A clock standing at {@code epochMillis}.
     *
     * @param epochMillis the time it shows, in epoch milliseconds
     */
    public ManualClock(long epochMillis) {
        this.millis = epochMillis;
    }

    /**
     * Moves the clock forward (or back, for a negative duration).
     *
     * @param d how far
     */
    public synchronized void advance(Duration d) {
        millis += d.toMillis();
    }

    /**
     * Puts the clock at a time.
     *
     * @param epochMillis the time it shows from now on, in epoch milliseconds
     */
    public void set(long epochMillis) {
        millis = epochMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same clock: a manual clock always shows UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
