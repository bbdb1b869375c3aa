package io.marketintel.plugin.orderrouting.internal;

/**
 * Runs a task after a delay. Production uses Vert.x timers ({@link VertxScheduler}); tests substitute a manual one
 * that runs due tasks when they move a fake clock. Delays are computed from {@code ctx.clock()}.
 */
interface Scheduler {

    /** Runs {@code task} once, {@code delayMillis} from now (0 or less: as soon as possible). */
    Cancellable schedule(long delayMillis, Runnable task);

    /** A scheduled task that may still be called off. */
    interface Cancellable {
        void cancel();
    }
}
