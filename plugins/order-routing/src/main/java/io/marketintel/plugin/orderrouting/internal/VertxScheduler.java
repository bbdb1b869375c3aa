package io.marketintel.plugin.orderrouting.internal;

import io.vertx.core.Vertx;

/** {@link Scheduler} on Vert.x timers (a timer needs at least 1 ms). */
final class VertxScheduler implements Scheduler {

    private final Vertx vertx;

    VertxScheduler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        long id = vertx.setTimer(Math.max(1, delayMillis), t -> task.run());
        return () -> vertx.cancelTimer(id);
    }
}
