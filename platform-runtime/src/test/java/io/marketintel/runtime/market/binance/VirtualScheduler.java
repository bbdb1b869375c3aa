package io.marketintel.runtime.market.binance;

import io.marketintel.runtime.MutableClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A {@link Scheduler} on a {@link MutableClock}: timers fire when fake time reaches them. A driver on a
 * Vert.x periodic timer (a few ms real) runs due tasks and, when the connector is idle (nothing on the wire),
 * advances the clock to the next task due within the horizon, so that minutes of budget waiting pass in
 * milliseconds while requests still see consistent time at the fake server.
 */
final class VirtualScheduler implements Scheduler {

    private static final long TICK_MS = 3;

    private final Vertx vertx;
    private final MutableClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final Map<Long, Task> byId = new HashMap<>();
    private final long periodic;
    private long nextId = 1;
    private long horizonMs = Duration.ofMinutes(10).toMillis();
    private boolean autoAdvance = true;
    private BooleanSupplier idle = () -> true;

    VirtualScheduler(Vertx vertx, MutableClock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.periodic = vertx.setPeriodic(TICK_MS, id -> drive());
    }

    /** Time only advances by itself while {@code idle} holds (e.g. no request on the wire). */
    synchronized VirtualScheduler idleWhen(BooleanSupplier condition) {
        this.idle = condition;
        return this;
    }

    /** Whether idle periods jump to the next task (within the horizon). */
    synchronized VirtualScheduler autoAdvance(boolean on) {
        this.autoAdvance = on;
        return this;
    }

    /** Tasks further away than this are not jumped to automatically. */
    synchronized VirtualScheduler horizon(Duration horizon) {
        this.horizonMs = horizon.toMillis();
        return this;
    }

    MutableClock clock() {
        return clock;
    }

    @Override
    public long now() {
        return clock.millis();
    }

    @Override
    public synchronized long schedule(long delayMs, Runnable task) {
        Task t = new Task(nextId++, clock.millis() + Math.max(0, delayMs), task);
        tasks.add(t);
        byId.put(t.id, t);
        if (delayMs <= 0) {
            vertx.runOnContext(v -> drive()); // due now: no need to wait for the next tick
        }
        return t.id;
    }

    @Override
    public synchronized void cancel(long id) {
        Task t = byId.remove(id);
        if (t != null) {
            tasks.remove(t);
        }
    }

    /** Advances fake time by hand; due tasks run on the next driver tick. */
    void advance(Duration d) {
        clock.advance(d);
    }

    /** Pending tasks (for assertions). */
    synchronized int pending() {
        return tasks.size();
    }

    void stop() {
        vertx.cancelTimer(periodic);
    }

    private void drive() {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            long now = clock.millis();
            if ((tasks.isEmpty() || tasks.peek().due > now) && autoAdvance && !tasks.isEmpty()
                    && tasks.peek().due - now <= horizonMs && idle.getAsBoolean()) {
                clock.set(java.time.Instant.ofEpochMilli(tasks.peek().due));
                now = clock.millis();
            }
            while (!tasks.isEmpty() && tasks.peek().due <= now) {
                Task t = tasks.poll();
                byId.remove(t.id);
                due.add(t);
            }
        }
        for (Task t : due) {
            t.run.run();
        }
    }

    private static final class Task implements Comparable<Task> {
        final long id;
        final long due;
        final Runnable run;

        Task(long id, long due, Runnable run) {
            this.id = id;
            this.due = due;
            this.run = run;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }
}
