package io.marketintel.runtime.market.binance;

/**
 * The connector's time and timers: the injected {@link java.time.Clock} for "now" and Vert.x timers for
 * waiting ({@link VertxScheduler}). Tests substitute a virtual implementation that advances a fake clock
 * instead of sleeping.
 */
interface Scheduler {

    /** Now, epoch milliseconds of the local clock. */
    long now();

    /**
     * Runs {@code task} once after {@code delayMs} (at once-ish when not positive), never on the calling
     * thread's stack.
     *
     * @return an id for {@link #cancel(long)}
     */
    long schedule(long delayMs, Runnable task);

    /** Cancels a task that has not run yet; unknown ids are ignored. */
    void cancel(long id);
}
