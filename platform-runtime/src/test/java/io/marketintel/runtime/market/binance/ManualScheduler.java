package io.marketintel.runtime.market.binance;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A {@link Scheduler} for unit tests: fake time that moves only by {@link #advance(long)}, running due tasks. */
final class ManualScheduler implements Scheduler {

    private final PriorityQueue<long[]> order = new PriorityQueue<>((a, b) -> a[0] != b[0]
            ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    private final java.util.Map<Long, Runnable> tasks = new java.util.HashMap<>();
    private long now;
    private long nextId = 1;

    ManualScheduler(long start) {
        this.now = start;
    }

    @Override
    public synchronized long now() {
        return now;
    }

    @Override
    public synchronized long schedule(long delayMs, Runnable task) {
        long id = nextId++;
        order.add(new long[] {now + Math.max(0, delayMs), id});
        tasks.put(id, task);
        return id;
    }

    @Override
    public synchronized void cancel(long id) {
        tasks.remove(id);
    }

    /** Moves time forward by {@code ms}, running every task that falls due, in order. */
    void advance(long ms) {
        long target;
        synchronized (this) {
            target = now + ms;
        }
        while (true) {
            Runnable run = null;
            synchronized (this) {
                while (!order.isEmpty() && order.peek()[0] <= target) {
                    long[] head = order.poll();
                    run = tasks.remove(head[1]);
                    if (run != null) {
                        now = Math.max(now, head[0]);
                        break;
                    }
                }
                if (run == null) {
                    now = target;
                    return;
                }
            }
            run.run();
        }
    }

    /** Runs tasks already due without moving time. */
    void runDue() {
        advance(0);
    }

    synchronized int pending() {
        return tasks.size();
    }

    synchronized List<Long> dueTimes() {
        List<Long> out = new ArrayList<>();
        for (long[] e : order) {
            if (tasks.containsKey(e[1])) {
                out.add(e[0]);
            }
        }
        return out;
    }
}
