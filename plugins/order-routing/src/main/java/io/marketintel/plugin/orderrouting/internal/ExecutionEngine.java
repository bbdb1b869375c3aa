package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.Accepted;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.PluginContext;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Side;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs executions: accepts them (stored before the 202), drives their slices with the {@link Scheduler}, sends child
 * orders through a {@link Venue}, records every slice and fill in its tables, publishes progress, cancels on request,
 * and at start recovers the executions a crash or stop interrupted (see {@link #start()}). One engine per plugin start.
 *
 * <p>Each execution's steps run one at a time ({@link Execution#enqueue}); steps chain their own futures and never
 * block. Times come from {@code ctx.clock()}.
 */
final class ExecutionEngine {

    /** Event type of progress events on {@code intel.events.order-routing}. */
    static final String PROGRESS_EVENT = "progress";

    private static final System.Logger.Level WARN = Level.WARNING;

    private final PluginContext ctx;
    private final Scheduler scheduler;
    private final ExecutionStore store;
    private final DryRunVenue dryRun;
    private final Map<String, Execution> running = new ConcurrentHashMap<>();
    private int reserved;
    private volatile boolean stopped;
    private volatile int bookLimit;

    ExecutionEngine(PluginContext ctx, Scheduler scheduler) {
        this.ctx = ctx;
        this.scheduler = scheduler;
        this.store = new ExecutionStore(ctx.storage());
        this.bookLimit = settings().bookLimit();
        this.dryRun = new DryRunVenue(ctx.marketData(), ctx.clock(), () -> bookLimit);
    }

    RoutingSettings settings() {
        return RoutingSettings.from(ctx.config());
    }

    private long now() {
        return ctx.clock().millis();
    }

    // ================================================================ lifecycle

    /**
     * Creates the tables, then recovers every execution stored as RUNNING (it was interrupted by a crash or a stop):
     * the runtime's order journal is reconciled with the exchange, each execution's journal entries
     * ({@code <id>-…}) rebuild what was sent and filled, and per {@code on_restart} it is resumed (continuing after
     * the last slice sent, never re-sending one) or stopped. An order whose outcome is still unknown stops it whatever
     * {@code on_restart} says. Finally, finished executions past {@code history_retention_days} are deleted.
     */
    Future<Void> start() {
        return store.migrate().compose(v -> recover()).compose(v -> purge());
    }

    /**
     * Stops driving executions: timers are cancelled, a working live child order is cancelled (so nothing works
     * unsupervised) and each execution stays RUNNING in the store for the next start's {@code on_restart}.
     */
    Future<Void> stop() {
        stopped = true;
        List<Future<Void>> all = new ArrayList<>();
        for (Execution e : running.values()) {
            e.cancelTimer();
            all.add(e.enqueue(() -> suspend(e)));
        }
        return Future.join(all).timeout(10, TimeUnit.SECONDS).<Void>mapEmpty().recover(x -> Future.succeededFuture());
    }

    private Future<Void> suspend(Execution e) {
        if (!e.running()) {
            return Future.succeededFuture();
        }
        e.note("suspended at " + iso(now()) + " (plugin stopped); left RUNNING for on_restart");
        Future<Order> cancelled = e.workingClientId() != null && !e.spec.dryRun()
                ? cancelWorking(e, "cancelled while the plugin stopped") : Future.succeededFuture();
        return cancelled.transform(ar -> store.save(e, List.of())).recover(x -> Future.succeededFuture());
    }

    /** Waits for the steps queued so far of one running execution (tests). */
    Future<Void> settled(String id) {
        Execution e = running.get(id);
        return e == null ? Future.succeededFuture() : e.settled();
    }

    /** The ids of the executions running in this engine. */
    Set<String> runningIds() {
        return Set.copyOf(running.keySet());
    }

    // ================================================================ operations

    /** Accepts an execution: validates, plans, stores it, answers 202 and starts it (the first slice at once). */
    Future<Accepted<ExecutionAccepted>> execute(ExecuteRequest r) {
        RoutingSettings s = settings();
        bookLimit = s.bookLimit();
        String venueName;
        if (r.dryRun()) {
            venueName = dryRun.name();
        } else {
            Exchange exchange = ctx.exchange();
            if (!exchange.paper() && !ctx.liveTrading()) {
                return Future.failedFuture(new IntelException(ErrorCode.FORBIDDEN, "live trading is off: exchange ["
                        + exchange.name() + "] would send real orders; set trading.live: true to allow it, or send"
                        + " dry_run: true", Map.of("config_key", "trading.live", "exchange", exchange.name())));
            }
            venueName = exchange.name();
        }
        synchronized (this) {
            if (running.size() + reserved >= s.maxConcurrent()) {
                return Future.failedFuture(new IntelException(ErrorCode.CONFLICT, running.size()
                        + " executions are running, the most [plugins." + OrderRoutingPlugin.ID + "."
                        + RoutingSettings.MAX_CONCURRENT_EXECUTIONS + "] allows is " + s.maxConcurrent()
                        + "; wait for one to finish or cancel one", Map.of("running", running.size(),
                        RoutingSettings.MAX_CONCURRENT_EXECUTIONS, s.maxConcurrent())));
            }
            reserved++;
        }
        Future<SymbolInfo> info = symbolInfo(r.symbol());
        Future<OrderBook> book = ctx.marketData().orderBook(r.symbol(), s.bookLimit());
        Future<List<Kline>> klines = r.algorithm() == Algorithm.ADAPTIVE ? closedMinutes(r.symbol(), s)
                : Future.succeededFuture(List.of());
        return Future.all(info, book, klines).compose(all -> {
            long now = now();
            String id = newId(now);
            ExecutionPlanner.Planned p = ExecutionPlanner.plan(r, new ExecutionPlanner.Inputs(info.result(),
                    book.result(), klines.result()), s, id, now, venueName);
            Execution e = new Execution(p.spec(), ExecutionStatus.RUNNING, null, p.notes(), 0, List.of(), null, now);
            e.rules(new SymbolRules(info.result()));
            return store.insert(e).map(v -> {
                running.put(id, e);
                publish(e);
                kick(e);
                List<String> reasoning = new ArrayList<>();
                if (p.spec().selection() != null) {
                    reasoning.addAll(p.spec().selection().reasoning());
                }
                reasoning.addAll(p.notes());
                ExecutionSpec spec = e.spec;
                return new Accepted<>(new ExecutionAccepted(id, ExecutionStatus.RUNNING, spec.symbol(),
                        spec.side().name(), spec.algorithm().name(), spec.requestedAlgorithm().name(),
                        spec.totalQuantity().doubleValue(), e.numSlices(), spec.durationMs() / 1000.0, spec.dryRun(),
                        spec.venue(), spec.arrivalMid(), reasoning,
                        "/api/intelligence/" + OrderRoutingPlugin.ID + "/executions/" + id,
                        "intel.events." + OrderRoutingPlugin.ID));
            });
        }).andThen(ar -> {
            synchronized (this) {
                reserved--;
            }
        });
    }

    /** The recommendation for an order, without executing it. */
    Future<Recommendation> recommend(String symbol, Side side, BigDecimal quantity, Urgency urgency) {
        RoutingSettings s = settings();
        Future<SymbolInfo> info = symbolInfo(symbol);
        Future<OrderBook> book = ctx.marketData().orderBook(symbol, s.bookLimit());
        Future<List<Kline>> klines = closedMinutes(symbol, s);
        return Future.all(info, book, klines).map(all -> ExecutionPlanner.recommend(symbol, side, quantity, urgency,
                new ExecutionPlanner.Inputs(info.result(), book.result(), klines.result()), s, now()));
    }

    /** One execution: from memory while it runs here, else from the store. */
    Future<ExecutionReport> get(String id) {
        Execution e = running.get(id);
        if (e != null) {
            return Future.succeededFuture(e.report(now()));
        }
        return store.load(id).map(opt -> opt.orElseThrow(() -> notFound(id)).report(now()));
    }

    /** The newest executions, running ones as this engine knows them now. */
    Future<ExecutionList> list(int limit, ExecutionStatus status) {
        return store.recent(limit, status).map(rows -> {
            List<ExecutionSummary> out = new ArrayList<>(rows.size());
            for (ExecutionSummary row : rows) {
                Execution e = running.get(row.executionId());
                out.add(e != null ? e.summary() : row);
            }
            return new ExecutionList(out.size(), running.size(), out);
        });
    }

    /**
     * Cancels a running execution: its timer stops, a working child order is cancelled, and it finishes CANCELLED with
     * what it filled. A finished execution is a 409; an unknown id a 404.
     */
    Future<ExecutionReport> cancel(String id) {
        Execution e = running.get(id);
        if (e == null) {
            return store.load(id).compose(opt -> {
                Execution stored = opt.orElseThrow(() -> notFound(id));
                return Future.failedFuture(cannotCancel(stored));
            });
        }
        e.requestCancel();
        return e.enqueue(() -> {
            if (!e.running()) {
                return Future.<ExecutionReport>failedFuture(cannotCancel(e));
            }
            Future<Boolean> childGone = e.workingClientId() == null ? Future.succeededFuture(true)
                    : cancelWorking(e, "cancelled by the caller").map(o -> o != null);
            return childGone.compose(gone -> {
                if (!gone) {
                    schedulePoll(e);
                    return Future.<ExecutionReport>failedFuture(new IntelException(ErrorCode.UPSTREAM_UNAVAILABLE,
                            "the working order of execution [" + id + "] could not be cancelled; the execution is still"
                                    + " RUNNING, try again", Map.of("execution_id", id)));
                }
                return finish(e, ExecutionStatus.CANCELLED, "cancelled by the caller after " + e.slicesSent()
                        + " slice" + (e.slicesSent() == 1 ? "" : "s") + ": " + filledText(e), List.of())
                        .map(v -> e.report(now()));
            });
        });
    }

    private static IntelException cannotCancel(Execution e) {
        return new IntelException(ErrorCode.CONFLICT, "execution [" + e.id() + "] is " + e.status()
                + " and cannot be cancelled; only a RUNNING execution can", Map.of("execution_id", e.id(),
                "status", e.status().name()));
    }

    private static IntelException notFound(String id) {
        return new IntelException(ErrorCode.NOT_FOUND, "no execution [" + id + "] (finished ones are kept for"
                + " history_retention_days)", Map.of("execution_id", id));
    }

    // ================================================================ driving

    /** Starts (or continues) an execution: the next slice of a schedule, or a poll of a passive order. */
    private void kick(Execution e) {
        if (e.spec.plan() instanceof Schedule plan) {
            int next = nextSlot(e, plan);
            if (next > plan.size()) {
                e.enqueue(() -> guarded(e, () -> afterLastSlice(e, plan)));
            } else {
                at(e, e.spec.createdAt() + plan.slice(next).offsetMs(), () -> slot(e, next));
            }
        } else {
            e.enqueue(() -> guarded(e, () -> poll(e)));
        }
    }

    /** The first slice not yet dealt with: after the highest one sent, merged or skipped, or a NOT_SENT one before. */
    private static int nextSlot(Execution e, Schedule plan) {
        int done = 0;
        int notSent = Integer.MAX_VALUE;
        for (Slice s : e.slices()) {
            if (Slice.NOT_SENT.equals(s.status())) {
                notSent = Math.min(notSent, s.number());
            } else {
                done = Math.max(done, s.number());
            }
        }
        return Math.min(done + 1, notSent);
    }

    /** Runs {@code step} at {@code dueAt}: at once when it is due, else on the scheduler. */
    private void at(Execution e, long dueAt, Supplier<Future<Void>> step) {
        if (stopped) {
            return;
        }
        long delay = dueAt - now();
        if (delay <= 0) {
            e.enqueue(() -> guarded(e, step));
        } else {
            e.timer(scheduler.schedule(delay, () -> e.enqueue(() -> guarded(e, step))));
        }
    }

    /** Runs a step of a running execution; an unexpected failure finishes it FAILED (unless the plugin is stopping). */
    private Future<Void> guarded(Execution e, Supplier<Future<Void>> step) {
        if (stopped || !e.running()) {
            return Future.succeededFuture();
        }
        Future<Void> f;
        try {
            f = step.get();
        } catch (RuntimeException ex) {
            f = Future.failedFuture(ex);
        }
        return f.recover(err -> {
            if (stopped || !e.running()) {
                return Future.succeededFuture();
            }
            ctx.logger().log(Level.ERROR, "execution [" + e.id() + "] failed", err);
            String message = err instanceof IntelException ? err.getMessage() : err.getClass().getSimpleName() + ": "
                    + err.getMessage();
            return finish(e, ExecutionStatus.FAILED, "failed: " + message, List.of()).recover(x -> Future.succeededFuture());
        });
    }

    // ---------------------------------------------------------------- schedules (TWAP, MARKET)

    /**
     * Slice {@code number} is due. Slices that fell due meanwhile (a restart, a slow exchange) are merged into the
     * latest due one as long as the merged order stays within maxQty. Its quantity brings the cumulative fill up to the cumulative plan (what earlier slices left
     * unfilled rides along); below minQty / MIN_NOTIONAL it is carried into the next slice instead (the last one then
     * ends the execution EXPIRED).
     */
    private Future<Void> slot(Execution e, int number) {
        Schedule plan = (Schedule) e.spec.plan();
        long now = now();
        return rules(e).compose(rules -> book(e).compose(book -> {
            SymbolRules.Lot lot = rules.lot(true);
            // Merge the slices due meanwhile, but never past the exchange's maxQty: a MARKET order larger than it is
            // planned as several slices due at once, and each must stay a separate order.
            int last = number;
            while (last < plan.size() && e.spec.createdAt() + plan.slice(last + 1).offsetMs() <= now
                    && (lot.maxQty() == null
                    || plan.cumulative(last + 1).subtract(e.filled()).compareTo(lot.maxQty()) <= 0)) {
                last++;
            }
            int sendAs = last;
            List<Slice> changed = new ArrayList<>();
            for (int k = number; k < sendAs; k++) {
                changed.add(unsent(e, plan, k, Slice.MERGED, "due at " + iso(due(e, plan, k)) + " but not sent by then:"
                        + " merged into slice " + sendAs));
            }
            BigDecimal target = SymbolRules.roundDown(plan.cumulative(sendAs).subtract(e.filled()).max(BigDecimal.ZERO), lot);
            if (lot.maxQty() != null) {
                target = target.min(lot.maxQty());
            }
            double ref = book.mid() > 0 ? book.mid() : e.spec.arrivalMid();
            boolean lastSlot = sendAs == plan.size();
            if (target.signum() == 0) {
                changed.add(unsent(e, plan, sendAs, Slice.SKIPPED, "nothing left to send at this slice"));
                return save(e, changed).compose(v -> lastSlot ? afterLastSlice(e, plan) : next(e, plan, sendAs + 1));
            }
            if (!rules.sendable(target, ref, lot)) {
                String why = "quantity " + SymbolRules.plain(target) + " at " + ConditionAnalysis.num(ref) + " is below "
                        + (target.compareTo(lot.minQty()) < 0 ? lot.rule() + " minQty " + SymbolRules.plain(lot.minQty())
                        : "MIN_NOTIONAL " + SymbolRules.plain(rules.minNotional()));
                if (!lastSlot) {
                    changed.add(unsent(e, plan, sendAs, Slice.MERGED, why + ": carried into slice " + (sendAs + 1)));
                    return save(e, changed).compose(v -> next(e, plan, sendAs + 1));
                }
                changed.add(unsent(e, plan, sendAs, Slice.SKIPPED, why));
                return finish(e, ExecutionStatus.EXPIRED, "the remainder cannot be sent: " + why + "; " + filledText(e),
                        changed);
            }
            changed.forEach(e::put);
            return send(e, sendAs, OrderType.MARKET, target, null, due(e, plan, sendAs), changed).compose(order -> {
                if (order == null) {
                    return Future.succeededFuture();
                }
                if (sendAs == plan.size() || e.filled().compareTo(e.spec.totalQuantity()) >= 0) {
                    return afterLastSlice(e, plan);
                }
                return next(e, plan, sendAs + 1);
            });
        }));
    }

    private Future<Void> next(Execution e, Schedule plan, int number) {
        at(e, due(e, plan, number), () -> slot(e, number));
        return Future.succeededFuture();
    }

    private Future<Void> afterLastSlice(Execution e, Schedule plan) {
        if (e.filled().compareTo(e.spec.totalQuantity()) >= 0) {
            return finish(e, ExecutionStatus.COMPLETED, "filled " + SymbolRules.plain(e.filled()) + " in "
                    + e.slicesSent() + " slice" + (e.slicesSent() == 1 ? "" : "s"), List.of());
        }
        return finish(e, ExecutionStatus.EXPIRED, "the last slice is done and the book left "
                + SymbolRules.plain(e.spec.totalQuantity().subtract(e.filled())) + " unfilled: " + filledText(e), List.of());
    }

    private static long due(Execution e, Schedule plan, int number) {
        return e.spec.createdAt() + plan.slice(number).offsetMs();
    }

    private static Slice unsent(Execution e, Schedule plan, int number, String status, String note) {
        return new Slice(number, e.spec.clientOrderId(number), OrderType.MARKET, due(e, plan, number), null,
                plan.slice(number).quantity(), null, BigDecimal.ZERO, null, status, note);
    }

    // ---------------------------------------------------------------- passive (ICEBERG, LIMIT)

    /**
     * Polls the working child order: records its fills; at the end of the duration cancels it and finishes; an iceberg
     * whose touch moved away is cancelled and quoted again at the new touch; a filled child is replenished with the
     * next visible quantity.
     */
    private Future<Void> poll(Execution e) {
        Passive plan = (Passive) e.spec.plan();
        String working = e.workingClientId();
        if (working == null) {
            return finishOrPlace(e, plan);
        }
        return venue(e).order(e.spec.symbol(), working).transform(ar -> {
            if (ar.failed()) {
                return pollFailed(e, plan, working, ar.cause());
            }
            Order order = ar.result();
            return record(e, working, order, null).compose(v -> {
                long now = now();
                if (!order.status().isOpen()) {
                    e.workingClientId(null);
                    return finishOrPlace(e, plan);
                }
                if (now >= e.spec.deadline()) {
                    return cancelWorking(e, "the duration ended").compose(o -> o == null ? schedulePoll(e)
                            : finishPassive(e));
                }
                if (!plan.requote()) {
                    return schedulePoll(e);
                }
                return book(e).compose(book -> {
                    BigDecimal quote = quotePrice(e, plan, book);
                    if (quote != null && movedAway(e.spec.side(), quote, order.price())) {
                        return cancelWorking(e, "re-quoted: the touch moved away from " + SymbolRules.plain(order.price())
                                + " to " + SymbolRules.plain(quote)).compose(o -> o == null ? schedulePoll(e)
                                : finishOrPlace(e, plan));
                    }
                    return schedulePoll(e);
                });
            });
        });
    }

    /** A poll the venue could not answer: try again later; an order it does not know is gone. */
    private Future<Void> pollFailed(Execution e, Passive plan, String working, Throwable cause) {
        if (cause instanceof IntelException ie && ie.code() == ErrorCode.NOT_FOUND) {
            Slice s = e.slice(e.spec.childNumber(working));
            e.workingClientId(null);
            List<Slice> changed = new ArrayList<>();
            if (s != null) {
                Slice gone = s.withStatus("CANCELED").withNote("the venue no longer knows it: " + ie.getMessage());
                e.put(gone);
                changed.add(gone);
            }
            return save(e, changed).compose(v -> finishOrPlace(e, plan));
        }
        ctx.logger().log(WARN, "execution [" + e.id() + "]: polling " + working + " failed, retrying: "
                + cause.getMessage());
        return schedulePoll(e);
    }

    private Future<Void> finishOrPlace(Execution e, Passive plan) {
        if (e.filled().compareTo(e.spec.totalQuantity()) >= 0) {
            return finish(e, ExecutionStatus.COMPLETED, "filled " + SymbolRules.plain(e.filled()) + " with "
                    + e.slicesSent() + " child order" + (e.slicesSent() == 1 ? "" : "s"), List.of());
        }
        if (now() >= e.spec.deadline()) {
            return finishPassive(e);
        }
        return rules(e).compose(rules -> book(e).compose(book -> placeChild(e, plan, rules, book)));
    }

    private Future<Void> finishPassive(Execution e) {
        if (e.filled().compareTo(e.spec.totalQuantity()) >= 0) {
            return finish(e, ExecutionStatus.COMPLETED, "filled " + SymbolRules.plain(e.filled()) + " with "
                    + e.slicesSent() + " child orders", List.of());
        }
        return finish(e, ExecutionStatus.EXPIRED, "the duration ended; the working order was cancelled: "
                + filledText(e), List.of());
    }

    /** Places the next child at the touch: the visible quantity, or all that is left when the rest would be unsendable. */
    private Future<Void> placeChild(Execution e, Passive plan, SymbolRules rules, OrderBook book) {
        BigDecimal price = quotePrice(e, plan, book);
        if (price == null) {
            return schedulePoll(e);
        }
        SymbolRules.Lot lot = rules.lot(false);
        BigDecimal remaining = SymbolRules.roundDown(e.spec.totalQuantity().subtract(e.filled()), lot);
        BigDecimal qty = plan.visibleQuantity().min(remaining);
        BigDecimal rest = remaining.subtract(qty);
        if (rest.signum() > 0 && !rules.sendable(rest, price.doubleValue(), lot)) {
            qty = remaining;
        }
        if (lot.maxQty() != null) {
            qty = qty.min(lot.maxQty());
        }
        if (!rules.sendable(qty, price.doubleValue(), lot)) {
            return finish(e, ExecutionStatus.EXPIRED, "the remainder " + SymbolRules.plain(remaining) + " at "
                    + SymbolRules.plain(price) + " is below " + lot.rule() + " minQty / MIN_NOTIONAL and cannot be sent: "
                    + filledText(e), List.of());
        }
        int number = e.takeChildNumber();
        return send(e, number, OrderType.LIMIT, qty, price, now(), List.of()).compose(order -> {
            if (order == null) {
                return Future.succeededFuture();
            }
            e.workingClientId(e.spec.clientOrderId(number));
            if (order.status().isOpen()) {
                return schedulePoll(e);
            }
            return poll(e);
        });
    }

    /** The price the next child quotes at: a LIMIT's price, else the touch (capped by an iceberg's limit). */
    private static BigDecimal quotePrice(Execution e, Passive plan, OrderBook book) {
        if (e.spec.algorithm() == Algorithm.LIMIT && plan.limitPrice() != null) {
            return plan.limitPrice();
        }
        double touch = ExecutionPlanner.touch(book, e.spec.side());
        if (!(touch > 0)) {
            return null;
        }
        BigDecimal p = e.rules().passivePrice(e.spec.side(), touch);
        if (plan.limitPrice() != null) {
            p = e.spec.side() == Side.BUY ? p.min(plan.limitPrice()) : p.max(plan.limitPrice());
        }
        return p;
    }

    /** Whether the touch moved away from a resting order: a better bid above a buy, a better ask below a sell. */
    static boolean movedAway(Side side, BigDecimal touch, BigDecimal resting) {
        int cmp = touch.compareTo(resting);
        return side == Side.BUY ? cmp > 0 : cmp < 0;
    }

    private Future<Void> schedulePoll(Execution e) {
        if (stopped || !e.running()) {
            return Future.succeededFuture();
        }
        long pollMs = ((Passive) e.spec.plan()).pollMs();
        long left = e.spec.deadline() - now();
        long delay = left > 0 ? Math.min(pollMs, left) : pollMs;
        e.timer(scheduler.schedule(delay, () -> e.enqueue(() -> guarded(e, () -> poll(e)))));
        return Future.succeededFuture();
    }

    /** Cancels the working child; answers its final state, or null (and keeps it working) when the venue fails. */
    private Future<Order> cancelWorking(Execution e, String why) {
        String working = e.workingClientId();
        if (working == null) {
            return Future.succeededFuture(null);
        }
        return venue(e).cancel(e.spec.symbol(), working).transform(ar -> {
            if (ar.failed()) {
                ctx.logger().log(WARN, "execution [" + e.id() + "]: cancelling " + working + " failed: "
                        + ar.cause().getMessage());
                return Future.succeededFuture(null);
            }
            e.workingClientId(null);
            return record(e, working, ar.result(), why).map(ar.result());
        });
    }

    /** Records the venue's view of child {@code clientOrderId} (and a note); stores and publishes when it changed. */
    private Future<Void> record(Execution e, String clientOrderId, Order order, String note) {
        Slice before = e.slice(e.spec.childNumber(clientOrderId));
        if (before == null) {
            return Future.succeededFuture();
        }
        Slice after = before.with(order);
        if (note != null) {
            after = after.withNote(note);
        }
        if (after.equals(before)) {
            return Future.succeededFuture();
        }
        e.put(after);
        return save(e, List.of(after));
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends child {@code number} through the venue and records the answer. A refusal finishes the execution FAILED
     * (answering null); an unclear outcome of a live order (5xx, timeout) is settled through the journal's
     * reconciliation before anything else is sent.
     */
    private Future<Order> send(Execution e, int number, OrderType type, BigDecimal qty, BigDecimal price, long plannedAt,
                               List<Slice> alsoChanged) {
        String cid = e.spec.clientOrderId(number);
        Slice pending = new Slice(number, cid, type, plannedAt, now(), qty, price, BigDecimal.ZERO, null, Slice.SENDING,
                null);
        e.put(pending);
        Venue venue = venue(e);
        OrderRequest request = type == OrderType.MARKET
                ? OrderRequest.market(e.spec.symbol(), e.spec.side(), qty, false, cid)
                : OrderRequest.limit(e.spec.symbol(), e.spec.side(), qty, price, false, cid);
        Future<Order> placed;
        try {
            placed = venue.place(request);
        } catch (RuntimeException ex) {
            placed = Future.failedFuture(ex);
        }
        return placed.recover(err -> !venue.dryRun() && unclear(err) ? settleThroughJournal(cid, err)
                        : Future.failedFuture(err))
                .transform(ar -> {
                    List<Slice> changed = new ArrayList<>(alsoChanged);
                    if (ar.succeeded()) {
                        Slice done = pending.with(ar.result());
                        e.put(done);
                        changed.add(done);
                        return save(e, changed).map(ar.result());
                    }
                    String message = ar.cause() instanceof IntelException ? ar.cause().getMessage()
                            : ar.cause().getClass().getSimpleName() + ": " + ar.cause().getMessage();
                    Slice refused = pending.withStatus(Slice.REJECTED).withNote(message);
                    e.put(refused);
                    changed.add(refused);
                    return finish(e, ExecutionStatus.FAILED, "slice " + number + " (" + cid + ") was refused: " + message
                            + "; " + filledText(e), changed).map((Order) null);
                });
    }

    private static boolean unclear(Throwable err) {
        return !(err instanceof IntelException ie) || ie.code().httpStatus() >= 500;
    }

    /** After an unclear answer: reconcile the journal and take the exchange's word for {@code cid}. */
    private Future<Order> settleThroughJournal(String cid, Throwable err) {
        return ctx.journal().reconcile().compose(x -> ctx.journal().entries(cid)).compose(entries -> {
            JournalEntry place = null;
            for (JournalEntry j : entries) {
                if (j.clientOrderId().equals(cid) && j.action() == JournalEntry.Action.PLACE) {
                    place = j;
                }
            }
            Order order = place != null && place.state() == JournalEntry.State.DONE ? OrderJson.parse(place.result()) : null;
            if (order != null) {
                return Future.succeededFuture(order);
            }
            return Future.failedFuture(new IntelException(ErrorCode.UPSTREAM_ERROR, "the outcome of order [" + cid
                    + "] is unclear (" + err.getMessage() + ") and the exchange could not confirm it"
                    + (place == null ? "" : " (journal: " + place.state() + ")"), Map.of("client_order_id", cid), err));
        });
    }

    private Venue venue(Execution e) {
        return e.spec.dryRun() ? dryRun : new LiveVenue(ctx.exchange());
    }

    // ---------------------------------------------------------------- finishing, storing, publishing

    /**
     * Finishes an execution and stores its final state. It stays in {@code running} (so reads answer it from memory
     * and {@link #settled} waits for this step) until that save has completed: dropped earlier, a read in between
     * would load the previous stored state from the database (RUNNING, without the last slices), and a cancel would
     * call a RUNNING execution not cancellable. The final progress event is published after the save, so a read
     * prompted by it finds the final state in the store.
     */
    private Future<Void> finish(Execution e, ExecutionStatus status, String reason, List<Slice> changed) {
        changed.forEach(e::put);
        e.finish(status, reason, now());
        return store.save(e, changed).andThen(ar -> {
            running.remove(e.id(), e);
            publish(e);
            purge();
        });
    }

    /** Records the changed slices in the execution (reads of a running one come from memory) and stores them. */
    private Future<Void> save(Execution e, List<Slice> changed) {
        changed.forEach(e::put);
        e.touch(now());
        return store.save(e, changed).andThen(ar -> {
            if (ar.succeeded()) {
                publish(e);
            }
        });
    }

    private void publish(Execution e) {
        try {
            ctx.publish(PROGRESS_EVENT, e.summary());
        } catch (RuntimeException ex) {
            ctx.logger().log(WARN, "publishing progress of [" + e.id() + "] failed: " + ex.getMessage());
        }
    }

    private Future<Void> purge() {
        long before = now() - settings().historyRetention().toMillis();
        return store.purge(before).<Void>mapEmpty().recover(err -> {
            ctx.logger().log(WARN, "deleting old executions failed: " + err.getMessage());
            return Future.succeededFuture();
        });
    }

    // ================================================================ recovery

    private Future<Void> recover() {
        return store.running().compose(list -> {
            if (list.isEmpty()) {
                return Future.succeededFuture();
            }
            boolean live = list.stream().anyMatch(e -> !e.spec.dryRun());
            Future<Set<String>> before = live
                    ? ctx.journal().unresolved().map(entries -> {
                        Set<String> ids = new HashSet<>();
                        entries.forEach(j -> ids.add(j.clientOrderId()));
                        return ids;
                    })
                    : Future.succeededFuture(Set.of());
            return before.compose(ids -> (live ? ctx.journal().reconcile().<Void>mapEmpty() : Future.<Void>succeededFuture())
                    .recover(err -> {
                        ctx.logger().log(WARN, "reconciling the order journal failed: " + err.getMessage());
                        return Future.succeededFuture();
                    }).map(ids)).compose(ids -> {
                        Future<Void> chain = Future.succeededFuture();
                        for (Execution e : list) {
                            chain = chain.compose(v -> recoverOne(e, ids).recover(err -> {
                                ctx.logger().log(Level.ERROR, "recovering execution [" + e.id() + "] failed", err);
                                return Future.succeededFuture();
                            }));
                        }
                        return chain;
                    });
        });
    }

    private Future<Void> recoverOne(Execution e, Set<String> unresolvedBefore) {
        long now = now();
        e.restarted();
        e.note("found RUNNING at start " + iso(now) + " (interrupted by a crash or a stop; last recorded "
                + iso(e.updatedAt()) + ")");
        Future<List<JournalEntry>> entries = e.spec.dryRun() ? Future.succeededFuture(List.of())
                : ctx.journal().entries(e.id() + "-");
        return entries.compose(journal -> {
            List<Slice> changed = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            String refused = null;
            for (JournalEntry j : journal) {
                int n = e.spec.childNumber(j.clientOrderId());
                if (n < 1) {
                    continue;
                }
                Slice known = e.slice(n);
                Slice base = known != null ? known : fromRequest(e, n, j);
                Slice updated = null;
                switch (j.state()) {
                    case DONE -> {
                        Order o = OrderJson.parse(j.result());
                        if (o != null) {
                            updated = base.sentAt() == null
                                    ? new Slice(base.number(), base.clientOrderId(), base.type(), base.plannedAt(),
                                    j.createdAt(), base.quantity(), base.price(), base.filledQuantity(), base.avgPrice(),
                                    base.status(), base.note()).with(o)
                                    : base.with(o);
                        }
                    }
                    case REJECTED -> {
                        if (j.action() == JournalEntry.Action.PLACE) {
                            if (unresolvedBefore.contains(j.clientOrderId())) {
                                updated = new Slice(base.number(), base.clientOrderId(), base.type(), base.plannedAt(), null,
                                        base.quantity(), base.price(), BigDecimal.ZERO, null, Slice.NOT_SENT,
                                        "the exchange never received it (journal reconciled at restart)");
                            } else {
                                refused = "slice " + n + " (" + j.clientOrderId() + ") was refused: " + j.error();
                                updated = base.withStatus(Slice.REJECTED).withNote(j.error());
                            }
                        }
                    }
                    case INTENT, UNKNOWN -> unknown.add(j.clientOrderId());
                }
                if (updated != null && !updated.equals(known)) {
                    e.put(updated);
                    changed.add(updated);
                }
            }
            for (Slice s : e.slices()) {
                if (Slice.SENDING.equals(s.status()) && !unknown.contains(s.clientOrderId())) {
                    Slice lost = s.withStatus(Slice.NOT_SENT).withNote("no journal entry: never sent");
                    e.put(lost);
                    changed.add(lost);
                } else if (s.open() && e.spec.dryRun()) {
                    Slice lost = s.withStatus("CANCELED").withNote("dry-run order lost at restart (it lived in memory)");
                    e.put(lost);
                    changed.add(lost);
                } else if (s.open()) {
                    e.workingClientId(s.clientOrderId());
                }
            }
            RoutingSettings s = settings();
            bookLimit = s.bookLimit();
            if (!unknown.isEmpty()) {
                return finish(e, ExecutionStatus.STOPPED, "the outcome of order" + (unknown.size() == 1 ? " " : "s ")
                        + unknown + " is still unknown after reconciling with the exchange: not resumed, so that nothing"
                        + " is sent twice; check the exchange. " + filledText(e), changed);
            }
            if (refused != null) {
                return finish(e, ExecutionStatus.FAILED, refused + "; " + filledText(e), changed);
            }
            if (s.onRestart() == OnRestart.STOP) {
                String working = e.workingClientId();
                return cancelWorking(e, "cancelled at restart (on_restart: STOP)").compose(o -> finish(e,
                        ExecutionStatus.STOPPED, "stopped at restart (on_restart: STOP) after " + e.slicesSent()
                                + " slice" + (e.slicesSent() == 1 ? "" : "s") + ": " + filledText(e)
                                + (working != null && o == null ? "; the working order " + working
                                + " could not be cancelled: cancel it on the exchange" : ""), changed));
            }
            if (e.spec.plan() instanceof Schedule && now >= e.spec.deadline()) {
                return finish(e, ExecutionStatus.EXPIRED, "its duration ended while the plugin was down; the remainder was"
                        + " not sent: " + filledText(e), changed);
            }
            return symbolInfo(e.spec.symbol()).compose(info -> {
                e.rules(new SymbolRules(info));
                e.note("resumed at " + iso(now) + " (on_restart: RESUME) after " + e.slicesSent() + " slice"
                        + (e.slicesSent() == 1 ? "" : "s") + " sent");
                running.put(e.id(), e);
                return save(e, changed).onSuccess(v -> kick(e));
            });
        });
    }

    /** A slice rebuilt from a journaled request (the crash came before this plugin stored it). */
    private Slice fromRequest(Execution e, int number, JournalEntry j) {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal price = null;
        OrderType type = e.spec.plan() instanceof Schedule ? OrderType.MARKET : OrderType.LIMIT;
        try {
            JsonObject r = new JsonObject(j.request());
            if (r.getValue("quantity") != null) {
                qty = new BigDecimal(r.getValue("quantity").toString());
            }
            if (r.getValue("price") != null) {
                price = new BigDecimal(r.getValue("price").toString());
            }
            if (r.getString("type") != null) {
                type = OrderType.valueOf(r.getString("type"));
            }
        } catch (RuntimeException ex) {
            // an unreadable request: the order's own answer fills in the rest
        }
        long planned = e.spec.plan() instanceof Schedule sc && number <= sc.size() ? due(e, sc, number) : j.createdAt();
        return new Slice(number, j.clientOrderId(), type, planned, j.createdAt(), SymbolRules.strip(qty),
                price == null ? null : SymbolRules.strip(price), BigDecimal.ZERO, null, Slice.SENDING,
                "rebuilt from the order journal at restart");
    }

    // ================================================================ market data

    private Future<SymbolRules> rules(Execution e) {
        SymbolRules r = e.rules();
        if (r != null) {
            return Future.succeededFuture(r);
        }
        return symbolInfo(e.spec.symbol()).map(info -> {
            SymbolRules fresh = new SymbolRules(info);
            e.rules(fresh);
            return fresh;
        });
    }

    private Future<SymbolInfo> symbolInfo(String symbol) {
        return ctx.marketData().exchangeInfo().map(info -> info.symbol(symbol)
                .orElseThrow(() -> IntelException.unknownSymbol(symbol)));
    }

    private Future<OrderBook> book(Execution e) {
        return ctx.marketData().orderBook(e.spec.symbol(), bookLimit);
    }

    /** The newest {@code volatility_lookback} closed 1-minute klines. */
    private Future<List<Kline>> closedMinutes(String symbol, RoutingSettings s) {
        long now = now();
        return ctx.marketData().klines(symbol, Interval.M1, Math.min(1500, s.volatilityLookback() + 1)).map(all -> {
            List<Kline> closed = new ArrayList<>();
            for (Kline k : all) {
                if (k.isClosedAt(now)) {
                    closed.add(k);
                }
            }
            int from = Math.max(0, closed.size() - s.volatilityLookback());
            return List.copyOf(closed.subList(from, closed.size()));
        });
    }

    // ================================================================ helpers

    private static String filledText(Execution e) {
        return "filled " + SymbolRules.plain(e.filled()) + " of " + SymbolRules.plain(e.spec.totalQuantity());
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** {@code or-<ms base36>-<4 random base36>}: unique, short enough for {@code <id>-<slice>} client order ids. */
    private static String newId(long now) {
        StringBuilder sb = new StringBuilder("or-").append(Long.toString(now, 36)).append('-');
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            sb.append(Character.forDigit(r.nextInt(36), 36));
        }
        return sb.toString();
    }
}
