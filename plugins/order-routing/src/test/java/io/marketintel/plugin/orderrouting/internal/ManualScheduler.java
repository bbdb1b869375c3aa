package io.marketintel.plugin.orderrouting.internal;

import java.util.PriorityQueue;

/**
 * A {@link Scheduler} that runs nothing by itself: tests call {@link #runNext(long)} to move the clock to the earliest
 * due task and run it. Due times come from the same fake clock the plugin reads.
 */
final class ManualScheduler implements Scheduler {

    private record Task(long due, long seq, Runnable body, boolean[] cancelled) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final TestClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long seq;

    ManualScheduler(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(long delayMillis, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(clock.millis() + Math.max(0, delayMillis), seq++, task, cancelled));
        return () -> {
            synchronized (ManualScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    /**
     * Runs the earliest task due at or before {@code until} (cancelled ones are dropped), moving the clock forward to
     * its due time.
     *
     * @return whether a task ran
     */
    boolean runNext(long until) {
        Task next;
        synchronized (this) {
            while (!tasks.isEmpty() && tasks.peek().cancelled()[0]) {
                tasks.poll();
            }
            if (tasks.isEmpty() || tasks.peek().due() > until) {
                return false;
            }
            next = tasks.poll();
        }
        if (next.due() > clock.millis()) {
            clock.set(next.due());
        }
        next.body().run();
        return true;
    }

    /** Due time of the earliest live task, or null. */
    synchronized Long nextDue() {
        return tasks.stream().filter(t -> !t.cancelled()[0]).map(Task::due).min(Long::compare).orElse(null);
    }

    /** Live tasks. */
    synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
