package io.marketintel.plugin.meta.internal;

import io.marketintel.api.Bias;
import io.marketintel.api.PluginContext;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Automatic labelling: every recommendation whose horizon has passed by {@code ctx.clock()} gets the outcome of
 * following it, simulated by {@link TradeSimulator} for every arm on the candles of its horizon, so the learner
 * learns without anyone posting results.
 *
 * <p>The horizon of a recommendation made at {@code t} is the {@code N = horizon_minutes / label_interval} candles of
 * {@code label_interval} from the first one opening at or after {@code t}; it is due when the last of them has
 * closed. A pass asks the market for those candles (closed ones only) and stores, in one transaction, a learning row
 * per arm, the AUTO outcome of the recommended arm and the status LABELLED. A NEUTRAL recommendation is labelled flat
 * (return 0, not traded, nothing learned). A recommendation without a price is SKIPPED. Candles still missing leave
 * the recommendation PENDING until {@code label_give_up_hours} after its due time; then it is labelled on the
 * candles there are, or SKIPPED without any. A market failure leaves it PENDING for the next pass.
 *
 * <p>Passes run on a periodic timer ({@code labelling_period_seconds} of real time) and once at start (catching up on
 * what fell due while the platform was down); one at a time — a pass asked for while one runs waits for it and then
 * reads the clock itself.
 */
final class Labeller {

    private final Supplier<PluginContext> context;
    private final MetaStore store;
    private final Runnable onLabelled;
    private Future<LabelPass> last = Future.succeededFuture();
    private Slot queued;

    /**
     * @param context    the current context (null once stopped)
     * @param store      the tables
     * @param onLabelled called after a pass stored anything (invalidates the learner's cached statistics)
     */
    Labeller(Supplier<PluginContext> context, MetaStore store, Runnable onLabelled) {
        this.context = context;
        this.store = store;
        this.onLabelled = onLabelled;
    }

    /** The first candle open at or after {@code t}. */
    static long horizonStart(long t, Interval interval) {
        long open = interval.openTimeOf(t);
        return open < t ? open + interval.millis() : open;
    }

    /** When the horizon of a recommendation made at {@code t} has closed. */
    static long dueAt(long t, Interval interval, int bars) {
        return horizonStart(t, interval) + bars * interval.millis();
    }

    /** A requested pass; shared by later requests until it starts (then it has read the clock). */
    private static final class Slot {
        boolean started;
        Future<LabelPass> future;
    }

    /**
     * Runs a pass after the one in flight, if any. A request made while another request is still waiting shares it
     * (it reads the clock only when it starts, so it sees the latest time); a pass that has already started is never
     * shared, because it may have read an older clock. Never fails.
     */
    synchronized Future<LabelPass> pass() {
        if (queued != null && !queued.started) {
            return queued.future;
        }
        Slot slot = new Slot();
        queued = slot;
        slot.future = last.transform(ignored -> {
            synchronized (this) {
                slot.started = true;
            }
            return run().transform(ar -> Future.succeededFuture(ar.succeeded() ? ar.result()
                    : new LabelPass(0, 0, 0, 0, 0, 0, 1, List.of("labelling pass failed: " + ar.cause().getMessage()))));
        });
        last = slot.future;
        return slot.future;
    }

    /** Completes when the passes requested so far are done. */
    synchronized Future<Void> idle() {
        return last.mapEmpty();
    }

    private Future<LabelPass> run() {
        PluginContext ctx = context.get();
        if (ctx == null) {
            return Future.succeededFuture(new LabelPass(0, 0, 0, 0, 0, 0, 0, List.of("plugin not started")));
        }
        MetaSettings s;
        try {
            s = MetaSettings.from(ctx.config());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        long now = ctx.clock().millis();
        Tally tally = new Tally(now);
        return store.due(now, s.labelBatchSize()).compose(due -> {
            tally.due = due.size();
            Future<Void> chain = Future.succeededFuture();
            for (MetaStore.Pending p : due) {
                chain = chain.compose(v -> one(ctx, p, now, s, tally).recover(e -> {
                    tally.failed++;
                    tally.notes.add(p.id() + ": " + e.getMessage());
                    return Future.succeededFuture();
                }));
            }
            return chain;
        }).map(v -> {
            if (tally.labelled + tally.noTrade + tally.skipped > 0) {
                onLabelled.run();
            }
            if (tally.failed > 0) {
                ctx.logger().log(Level.WARNING, "labelling pass: " + tally.failed + " recommendation(s) left pending"
                        + " after failures: " + String.join("; ", tally.notes));
            }
            return tally.result();
        });
    }

    private Future<Void> one(PluginContext ctx, MetaStore.Pending p, long now, MetaSettings s, Tally tally) {
        Bias direction = Bias.valueOf(p.direction());
        if (direction == Bias.NEUTRAL) {
            return store.label(new MetaStore.Label(p.id(), p.marketCondition(), p.arm(), List.of(), 0.0, false, null,
                    "NO_DIRECTION", 0, "no direction: flat, nothing learned"), now).map(stored -> {
                if (stored) {
                    tally.noTrade++;
                }
                return null;
            });
        }
        if (p.price() == null || !(p.price() > 0)) {
            return skip(p, "no price at the recommendation", tally);
        }
        Interval interval = Interval.fromCode(p.labelInterval()).orElse(Interval.H1);
        int bars = (int) (p.horizonMinutes() * 60_000L / interval.millis());
        long start = horizonStart(p.createdAt(), interval);
        long end = start + (long) bars * interval.millis() - 1;
        boolean givenUp = now > p.labelDueAt() + s.labelGiveUp().toMillis();
        return ctx.marketData().klines(p.symbol(), interval, start, end, bars).compose(klines -> {
            List<Kline> closed = new ArrayList<>();
            for (Kline k : klines) {
                if (k.openTime() >= start && k.openTime() <= end && k.isClosedAt(now)) {
                    closed.add(k);
                }
            }
            if (closed.size() < bars && !givenUp) {
                tally.waiting++;
                return Future.succeededFuture();
            }
            if (closed.isEmpty()) {
                return skip(p, "no " + interval.code() + " candles in the horizon " + label(start) + " .. "
                        + label(end + 1), tally);
            }
            MetaStore.Label label = simulate(p, direction, closed, bars);
            return store.label(label, now).map(stored -> {
                if (stored) {
                    tally.labelled++;
                }
                return null;
            });
        });
    }

    /** Simulates every arm of the catalogue on {@code closed}. */
    static MetaStore.Label simulate(MetaStore.Pending p, Bias direction, List<Kline> closed, int bars) {
        int n = closed.size();
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            Kline k = closed.get(i);
            o[i] = k.open();
            h[i] = k.high();
            l[i] = k.low();
            c[i] = k.close();
        }
        List<ArmReturn> arms = new ArrayList<>();
        TradeSimulator.Result recommended = null;
        for (Arm arm : Arm.ALL) {
            TradeSimulator.Result r = TradeSimulator.simulate(arm, direction, p.price(), p.unitPct(), o, h, l, c);
            arms.add(new ArmReturn(arm.id(), Fmt.round(r.returnPct(), 6), r.filled(), MetaStore.AUTO));
            if (arm.id().equals(p.arm())) {
                recommended = r;
            }
        }
        if (recommended == null) {
            // An arm no longer in the catalogue: the label still teaches the others; its own outcome is unknown.
            recommended = TradeSimulator.simulate(Arm.STATIC_HOLD, direction, p.price(), p.unitPct(), o, h, l, c);
        }
        String note = n < bars ? "labelled on " + n + " of " + bars + " candles (the others never arrived)"
                : "labelled on " + n + " candles";
        return new MetaStore.Label(p.id(), p.marketCondition(), p.arm(), arms, Fmt.round(recommended.returnPct(), 6),
                recommended.filled(), Fmt.round(recommended.holdReturnPct(), 6), recommended.exitReason(), n, note);
    }

    private Future<Void> skip(MetaStore.Pending p, String why, Tally tally) {
        return store.skip(p.id(), why).map(stored -> {
            if (stored) {
                tally.skipped++;
                tally.notes.add(p.id() + ": skipped, " + why);
            }
            return null;
        });
    }

    private static String label(long millis) {
        return java.time.Instant.ofEpochMilli(millis).toString();
    }

    /** Counts of one pass. */
    private static final class Tally {
        final long clock;
        int due;
        int labelled;
        int noTrade;
        int skipped;
        int waiting;
        int failed;
        final List<String> notes = new ArrayList<>();

        Tally(long clock) {
            this.clock = clock;
        }

        LabelPass result() {
            return new LabelPass(clock, due, labelled, noTrade, skipped, waiting, failed, notes);
        }
    }
}
