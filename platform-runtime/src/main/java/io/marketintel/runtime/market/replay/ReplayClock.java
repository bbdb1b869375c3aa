package io.marketintel.runtime.market.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The replayed time: starts at a chosen instant of the recorded data and runs {@code speed} times as
 * fast as an underlying real clock ({@code 1} = real time, {@code 60} = one replayed minute per real
 * second, {@code 3600} = an hour per second). Every answer of {@link ReplayMarket} is computed "as of"
 * this clock, so the platform sees only the past of the recording.
 *
 * <p>The underlying clock is injected: production passes {@link Clock#systemUTC()}, tests a clock they
 * move by hand. {@link #pause()}, {@link #resume()}, {@link #seek(Instant)}, {@link #advance(Duration)}
 * and {@link #setSpeed(double)} serve tests and evaluation tools (walk-forward: pause, then step).
 * Replayed time never goes backwards by itself; only {@link #seek(Instant)} (or a negative
 * {@link #advance(Duration)}) moves it back, and then every listener registered with
 * {@link #onJump(Consumer)} is told, so that caches in front of the market can drop answers that now
 * lie in the future.
 *
 * <p>Thread-safe: the state is one immutable value swapped atomically. The zone is UTC.
 */
public final class ReplayClock extends Clock {

    /** Largest accepted speed: a replayed day in under 0.1 s of real time. */
    public static final double MAX_SPEED = 1_000_000;

    private final Clock base;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state;

    /** Replayed time {@code replayAt} at real time {@code realAt}; runs at {@code speed} unless paused. */
    private record State(long realAt, long replayAt, double speed, boolean paused) {
    }

    /**
     * A running replay clock.
     *
     * @param base  the real clock that drives it
     * @param start replayed instant at creation
     * @param speed replayed milliseconds per real millisecond, in (0, {@value #MAX_SPEED}]
     */
    public ReplayClock(Clock base, Instant start, double speed) {
        this.base = Objects.requireNonNull(base, "setting [base clock] is missing");
        Objects.requireNonNull(start, "setting [start] is missing");
        this.state = new State(base.millis(), start.toEpochMilli(), checkSpeed(speed), false);
    }

    /** A replay clock on the system clock. */
    public static ReplayClock system(Instant start, double speed) {
        return new ReplayClock(Clock.systemUTC(), start, speed);
    }

    /** Validates a speed; the message names the setting. */
    static double checkSpeed(double speed) {
        if (!(speed > 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("setting [speed] must be within (0, " + (long) MAX_SPEED + "], was "
                    + speed);
        }
        return speed;
    }

    @Override
    public long millis() {
        return replayAt(state, base.millis());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view of this clock in another zone (same instants, same controls on this clock). */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        return new Zoned(this, zone);
    }

    /** Replayed milliseconds per real millisecond. */
    public double speed() {
        return state.speed;
    }

    /** Whether replayed time stands still. */
    public boolean isPaused() {
        return state.paused;
    }

    /** Stops replayed time where it is. Idempotent. */
    public synchronized void pause() {
        long real = base.millis();
        State s = state;
        if (!s.paused) {
            state = new State(real, replayAt(s, real), s.speed, true);
        }
    }

    /** Lets replayed time run again from where it stands. Idempotent. */
    public synchronized void resume() {
        State s = state;
        if (s.paused) {
            state = new State(base.millis(), s.replayAt, s.speed, false);
        }
    }

    /** Changes the speed from now on; replayed time does not jump. */
    public synchronized void setSpeed(double speed) {
        checkSpeed(speed);
        long real = base.millis();
        State s = state;
        state = new State(real, replayAt(s, real), speed, s.paused);
    }

    /**
     * Moves replayed time to {@code instant} (forwards or backwards); a paused clock stays paused.
     * Listeners are told afterwards.
     */
    public void seek(Instant instant) {
        Objects.requireNonNull(instant, "parameter [instant] is missing");
        synchronized (this) {
            State s = state;
            state = new State(base.millis(), instant.toEpochMilli(), s.speed, s.paused);
        }
        for (Consumer<Instant> listener : listeners) {
            listener.accept(instant);
        }
    }

    /** Moves replayed time by {@code duration} (a step of a walk-forward); same as a {@link #seek(Instant)}. */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "parameter [duration] is missing");
        Instant target;
        synchronized (this) {
            target = Instant.ofEpochMilli(millis() + duration.toMillis());
        }
        seek(target);
    }

    /**
     * Registers {@code listener}, called with the new instant after every {@link #seek(Instant)} or
     * {@link #advance(Duration)} (on the calling thread). Caches in front of a replayed market should
     * invalidate themselves: an answer cached before a backwards seek would leak the future.
     */
    public void onJump(Consumer<Instant> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public String toString() {
        State s = state;
        return "ReplayClock[" + Instant.ofEpochMilli(replayAt(s, base.millis())) + ", speed " + s.speed
                + (s.paused ? ", paused]" : "]");
    }

    private static long replayAt(State s, long real) {
        if (s.paused) {
            return s.replayAt;
        }
        return s.replayAt + (long) Math.floor((real - s.realAt) * s.speed);
    }

    /** This clock seen in another zone. */
    private static final class Zoned extends Clock {
        private final ReplayClock clock;
        private final ZoneId zone;

        Zoned(ReplayClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return clock.withZone(z);
        }

        @Override
        public long millis() {
            return clock.millis();
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
