package io.marketintel.runtime.market.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A Caffeine {@link Ticker} reading a {@link Clock}, so that cache expiry follows the same time as the
 * rest of the runtime: tests advance a fake clock, replay runs on replayed time. Production uses
 * {@link Ticker#systemTicker()}, which unlike a wall clock never jumps backwards.
 */
public final class ClockTicker implements Ticker {

    private final Clock clock;

    /** A ticker reading {@code clock} (millisecond resolution). */
    public ClockTicker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long read() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }
}
