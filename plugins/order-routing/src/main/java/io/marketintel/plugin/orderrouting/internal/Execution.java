package io.marketintel.plugin.orderrouting.internal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One execution: its fixed {@link ExecutionSpec}, what happened so far (slices, status, notes) and, while it runs in
 * this process, its working state. Steps run one at a time through {@link #enqueue}, whatever thread a timer or a
 * future completes on; the fields are guarded by {@code this}.
 */
final class Execution {

    final ExecutionSpec spec;

    // guarded by this
    private ExecutionStatus status;
    private String reason;
    private final List<String> notes = new ArrayList<>();
    private int restarts;
    private final TreeMap<Integer, Slice> slices = new TreeMap<>();
    private Long finishedAt;
    private long updatedAt;

    // working state in this process, guarded by this
    private Scheduler.Cancellable timer;
    private String workingClientId;
    private int nextChild = 1;
    private boolean cancelRequested;
    private SymbolRules rules;
    private Future<Object> tail = Future.succeededFuture();

    Execution(ExecutionSpec spec, ExecutionStatus status, String reason, List<String> notes, int restarts,
              List<Slice> slices, Long finishedAt, long updatedAt) {
        this.spec = spec;
        this.status = status;
        this.reason = reason;
        this.notes.addAll(notes);
        this.restarts = restarts;
        for (Slice s : slices) {
            this.slices.put(s.number(), s);
        }
        this.finishedAt = finishedAt;
        this.updatedAt = updatedAt;
        this.nextChild = this.slices.isEmpty() ? 1 : this.slices.lastKey() + 1;
    }

    String id() {
        return spec.id();
    }

    /**
     * Runs {@code step} after every step enqueued before it has completed (successfully or not). Timers, cancels and
     * stops enqueue steps; a step chains its own futures, and may enqueue a follow-up (a slice already due), which
     * runs only after it has completed. {@link #settled()} covers a follow-up once it is enqueued.
     *
     * @return the step's own outcome
     */
    <T> Future<T> enqueue(Supplier<Future<T>> step) {
        Promise<T> done = Promise.promise();
        Future<Object> previous;
        synchronized (this) {
            previous = tail;
            tail = done.future().transform(ignored -> Future.succeededFuture());
        }
        previous.onComplete(ignored -> {
            Future<T> f;
            try {
                f = step.get();
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            (f == null ? Future.<T>succeededFuture() : f).onComplete(done);
        });
        return done.future();
    }

    /** Completes once every step enqueued so far has run. */
    synchronized Future<Void> settled() {
        return tail.mapEmpty();
    }

    // ---------------------------------------------------------------- state

    synchronized ExecutionStatus status() {
        return status;
    }

    synchronized boolean running() {
        return status == ExecutionStatus.RUNNING;
    }

    synchronized String reason() {
        return reason;
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized int restarts() {
        return restarts;
    }

    synchronized Long finishedAt() {
        return finishedAt;
    }

    synchronized long updatedAt() {
        return updatedAt;
    }

    synchronized void touch(long now) {
        updatedAt = now;
    }

    synchronized void note(String text) {
        notes.add(text);
    }

    synchronized void restarted() {
        restarts++;
    }

    synchronized void finish(ExecutionStatus newStatus, String why, long now) {
        status = newStatus;
        reason = why;
        finishedAt = now;
        updatedAt = now;
        cancelTimer();
        workingClientId = null;
    }

    synchronized List<Slice> slices() {
        return List.copyOf(slices.values());
    }

    synchronized Slice slice(int number) {
        return slices.get(number);
    }

    synchronized void put(Slice s) {
        slices.put(s.number(), s);
        nextChild = Math.max(nextChild, s.number() + 1);
    }

    synchronized int takeChildNumber() {
        return nextChild++;
    }

    synchronized void timer(Scheduler.Cancellable t) {
        cancelTimer();
        timer = t;
    }

    synchronized void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    synchronized String workingClientId() {
        return workingClientId;
    }

    synchronized void workingClientId(String id) {
        workingClientId = id;
    }

    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    synchronized void requestCancel() {
        cancelRequested = true;
        cancelTimer();
    }

    synchronized SymbolRules rules() {
        return rules;
    }

    synchronized void rules(SymbolRules r) {
        rules = r;
    }

    // ---------------------------------------------------------------- figures

    synchronized BigDecimal filled() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Slice s : slices.values()) {
            sum = sum.add(s.filledQuantity());
        }
        return SymbolRules.strip(sum);
    }

    synchronized BigDecimal quote() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Slice s : slices.values()) {
            sum = sum.add(s.quote());
        }
        return sum;
    }

    synchronized int slicesSent() {
        int n = 0;
        for (Slice s : slices.values()) {
            if (s.sent()) {
                n++;
            }
        }
        return n;
    }

    /** Planned slices of a schedule; for a passive order the children placed so far (at least 1). */
    synchronized int numSlices() {
        if (spec.plan() instanceof Schedule sc) {
            return sc.size();
        }
        return Math.max(1, slicesSent());
    }

    /** Average fill price, null before a fill. */
    synchronized BigDecimal avgPrice() {
        BigDecimal filled = filled();
        return filled.signum() == 0 ? null : quote().divide(filled, BookMath.MC);
    }

    ExecutionSummary summary() {
        synchronized (this) {
            return summaryOf(spec, status, reason, slicesSent(), numSlices(), filled(), quote(), finishedAt);
        }
    }

    /** A summary from aggregates (also of stored rows whose slices are not loaded). */
    static ExecutionSummary summaryOf(ExecutionSpec spec, ExecutionStatus status, String reason, int slicesSent,
                                      int numSlices, BigDecimal filled, BigDecimal quote, Long finishedAt) {
        BigDecimal avg = filled.signum() == 0 ? null : quote.divide(filled, BookMath.MC);
        return new ExecutionSummary(spec.id(), spec.symbol(), spec.side().name(), spec.algorithm().name(), status,
                spec.dryRun(), slicesSent, numSlices, filled.doubleValue(), spec.totalQuantity().doubleValue(),
                fillRate(spec, filled), avg == null ? null : price(avg), slippage(spec, avg), spec.createdAt(),
                finishedAt, reason);
    }

    ExecutionReport report(long now) {
        synchronized (this) {
            BigDecimal avg = avgPrice();
            Double avgD = avg == null ? null : price(avg);
            long end = finishedAt != null ? finishedAt : Math.max(now, spec.createdAt());
            Double interval = null;
            Double randomisation = null;
            Double visible = null;
            Double limit = null;
            String planNote = null;
            if (spec.plan() instanceof Schedule sc) {
                interval = sc.intervalMs() / 1000.0;
                randomisation = sc.randomisationPct();
                planNote = sc.note();
            } else if (spec.plan() instanceof Passive p) {
                visible = p.visibleQuantity().doubleValue();
                limit = p.limitPrice() == null ? null : p.limitPrice().doubleValue();
            }
            List<SliceReport> sliceReports = new ArrayList<>();
            for (Slice s : slices.values()) {
                sliceReports.add(new SliceReport(s.number(), s.clientOrderId(), s.type().name(), s.plannedAt(),
                        s.sentAt(), s.quantity().doubleValue(), s.price() == null ? null : s.price().doubleValue(),
                        s.filledQuantity().doubleValue(), s.avgPrice() == null ? null : price(s.avgPrice()),
                        s.status(), s.note()));
            }
            return new ExecutionReport(spec.id(), spec.algorithm().name(), spec.totalQuantity().doubleValue(),
                    filled().doubleValue(), fillRate(spec, filled()), avgD, numSlices(), BookMath.round((end - spec.createdAt()) / 1000.0, 3),
                    status, reason, spec.symbol(), spec.side().name(), spec.requestedAlgorithm().name(),
                    spec.urgency().name(), spec.dryRun(), spec.venue(), spec.requestedQuantity().doubleValue(),
                    slicesSent(), filled().doubleValue(), avgD, spec.arrivalMid(), slippage(spec, avg),
                    spec.durationMs() / 1000.0, spec.createdAt(), finishedAt, spec.seed(), interval, randomisation,
                    visible, limit, planNote, restarts, List.copyOf(notes), spec.selection(), sliceReports);
        }
    }

    private static double fillRate(ExecutionSpec spec, BigDecimal filled) {
        return BookMath.round(filled.doubleValue() / spec.totalQuantity().doubleValue() * 100.0, 4);
    }

    private static Double slippage(ExecutionSpec spec, BigDecimal avg) {
        if (avg == null || !(spec.arrivalMid() > 0)) {
            return null;
        }
        return BookMath.round(BookMath.costBps(spec.side(), spec.arrivalMid(), avg.doubleValue()), 4);
    }

    private static double price(BigDecimal p) {
        return p.setScale(8, RoundingMode.HALF_UP).doubleValue();
    }
}
