package io.marketintel.runtime.market.binance;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;

/** {@link Scheduler} on a {@link Clock} and Vert.x timers. */
final class VertxScheduler implements Scheduler {

    private final Vertx vertx;
    private final Clock clock;

    VertxScheduler(Vertx vertx, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long now() {
        return clock.millis();
    }

    @Override
    public long schedule(long delayMs, Runnable task) {
        return vertx.setTimer(Math.max(1, delayMs), id -> task.run());
    }

    @Override
    public void cancel(long id) {
        vertx.cancelTimer(id);
    }
}
