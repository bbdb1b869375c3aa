package io.marketintel.runtime.market.binance;

import io.marketintel.api.market.RateLimit;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.shareddata.Shareable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The request budget of one IP (and account) towards Binance, shared by everything in the process that uses
 * the connector. Requests ask for their {@link Cost} before they are sent; what fits is sent at once, the
 * rest waits in arrival order (a timer wakes the queue when the oldest spends expire, no polling) or fails
 * fast when its wait would exceed its deadline.
 *
 * <p>Windows: REQUEST_WEIGHT and ORDERS (per 10 s and per minute) with the limits Binance announces in
 * exchangeInfo minus a safety margin; statistics calls (1000 per 5 min per IP) and funding-history calls
 * (500 per 5 min per IP) tracked separately. A 429 pauses everything for its Retry-After, a 418 until the ban
 * ends. Thread-safe.
 */
final class WeightBudget implements Shareable {

    private static final System.Logger LOG = System.getLogger(WeightBudget.class.getName());

    /** REQUEST_WEIGHT per minute until exchangeInfo says otherwise (Binance's documented example). */
    static final int DEFAULT_WEIGHT_PER_MINUTE = 2400;
    static final int DEFAULT_ORDERS_PER_10S = 300;
    static final int DEFAULT_ORDERS_PER_MINUTE = 1200;
    /** {@code /futures/data/*}: 1000 requests per 5 minutes per IP. */
    static final int STATISTICS_PER_5_MIN = 1000;
    /** {@code /fapi/v1/fundingRate} (with fundingInfo): 500 requests per 5 minutes per IP. */
    static final int FUNDING_PER_5_MIN = 500;

    private final Scheduler scheduler;
    private final int marginPct;
    private final RollingWindow weight;
    private final RollingWindow orders10s;
    private final RollingWindow orders1m;
    private final RollingWindow statistics;
    private final RollingWindow funding;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final Object lock = new Object();

    // guarded by lock
    private long pausedUntil;
    private long bannedUntil;
    private long timerId = -1;
    private long timerDue = Long.MAX_VALUE;
    private boolean closed;
    private int references;

    WeightBudget(Scheduler scheduler, int marginPct) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.marginPct = marginPct;
        this.weight = new RollingWindow("REQUEST_WEIGHT per minute", 60_000, DEFAULT_WEIGHT_PER_MINUTE, marginPct);
        this.orders10s = new RollingWindow("ORDERS per 10 s", 10_000, DEFAULT_ORDERS_PER_10S, marginPct);
        this.orders1m = new RollingWindow("ORDERS per minute", 60_000, DEFAULT_ORDERS_PER_MINUTE, marginPct);
        this.statistics = new RollingWindow("statistics requests per 5 min", 300_000, STATISTICS_PER_5_MIN,
                marginPct);
        this.funding = new RollingWindow("fundingRate requests per 5 min", 300_000, FUNDING_PER_5_MIN, marginPct);
    }

    /** One more user of this shared budget. */
    void retain() {
        synchronized (lock) {
            references++;
        }
    }

    /** One user fewer; the last one closes the budget. @return whether it was the last */
    boolean release() {
        synchronized (lock) {
            references--;
            if (references > 0) {
                return false;
            }
        }
        close();
        return true;
    }

    /** Applies exchangeInfo's {@code rateLimits} (REQUEST_WEIGHT, ORDERS); others are ignored. */
    void applyLimits(List<RateLimit> limits) {
        synchronized (lock) {
            for (RateLimit l : limits) {
                long window;
                try {
                    window = l.windowMillis();
                } catch (IllegalStateException e) {
                    continue;
                }
                if (l.limit() < 1) {
                    continue;
                }
                if ("REQUEST_WEIGHT".equals(l.rateLimitType())) {
                    weight.setLimit(l.limit(), window, marginPct);
                } else if ("ORDERS".equals(l.rateLimitType())) {
                    if (window <= 10_000) {
                        orders10s.setLimit(l.limit(), window, marginPct);
                    } else {
                        orders1m.setLimit(l.limit(), window, marginPct);
                    }
                }
            }
        }
        pumpAndRun();
    }

    /**
     * Waits until {@code cost} fits and spends it.
     *
     * @param maxWaitMs the caller's deadline for waiting; longer waits fail at once with
     *                  {@link BinanceFailure.Kind#BUDGET} (or the 429/418 pause that causes them)
     */
    Future<Void> acquire(Endpoint endpoint, Cost cost, long maxWaitMs) {
        Promise<Void> promise = Promise.promise();
        List<Runnable> completions = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return Future.failedFuture(BinanceFailure.closed(endpoint));
            }
            long now = scheduler.now();
            RollingWindow tooSmall = windowTooSmall(cost);
            if (tooSmall != null) {
                return Future.failedFuture(BinanceFailure.budget(endpoint, endpoint.label() + " costs more than the "
                        + tooSmall.name() + " budget of " + tooSmall.limit() + " allows at all", -1));
            }
            long pauseLeft = Math.max(pausedUntil, bannedUntil) - now;
            if (queue.isEmpty() && pauseLeft <= 0 && fits(cost, now)) {
                spend(cost, now);
                return Future.succeededFuture();
            }
            long wait = Math.max(pauseLeft, estimateWait(cost, now));
            if (wait > maxWaitMs) {
                return Future.failedFuture(waitTooLong(endpoint, now, wait, maxWaitMs));
            }
            Waiter waiter = new Waiter(endpoint, cost, promise, maxWaitMs);
            queue.addLast(waiter);
            waiter.deadlineTimer = scheduler.schedule(maxWaitMs, () -> expire(waiter));
            pump(completions);
        }
        completions.forEach(Runnable::run);
        return promise.future();
    }

    /** HTTP 429: nothing is sent before {@code untilLocal}. */
    void pause(long untilLocal) {
        synchronized (lock) {
            if (untilLocal > pausedUntil) {
                pausedUntil = untilLocal;
                LOG.log(System.Logger.Level.WARNING, "Binance answered 429; pausing all requests until "
                        + Instant.ofEpochMilli(untilLocal));
            }
        }
        pumpAndRun();
    }

    /** HTTP 418: nothing is sent before {@code untilLocal}. */
    void ban(long untilLocal) {
        synchronized (lock) {
            if (untilLocal > bannedUntil) {
                bannedUntil = untilLocal;
                LOG.log(System.Logger.Level.ERROR, "Binance answered 418: this IP is banned until "
                        + Instant.ofEpochMilli(untilLocal) + "; no requests are sent until then");
            }
        }
        pumpAndRun();
    }

    /**
     * Corrects the local counts with the server's headers.
     *
     * @param usedWeight1m  {@code X-MBX-USED-WEIGHT-1M}, or -1
     * @param orderCount10s {@code X-MBX-ORDER-COUNT-10S}, or -1
     * @param orderCount1m  {@code X-MBX-ORDER-COUNT-1M}, or -1
     * @param serverNow     the server's time now (local time + offset)
     * @param offsetMs      server time − local time
     */
    void observe(int usedWeight1m, int orderCount10s, int orderCount1m, long serverNow, long offsetMs) {
        synchronized (lock) {
            long now = scheduler.now();
            if (usedWeight1m >= 0) {
                weight.observe(usedWeight1m, Math.floorDiv(serverNow, 60_000L) * 60_000L - offsetMs, now);
            }
            if (orderCount10s >= 0) {
                orders10s.observe(orderCount10s, Math.floorDiv(serverNow, orders10s.windowMs())
                        * orders10s.windowMs() - offsetMs, now);
            }
            if (orderCount1m >= 0) {
                orders1m.observe(orderCount1m, Math.floorDiv(serverNow, 60_000L) * 60_000L - offsetMs, now);
            }
        }
        pumpAndRun();
    }

    /** Fails every waiting request and refuses new ones. */
    void close() {
        List<Waiter> failed;
        synchronized (lock) {
            closed = true;
            failed = new ArrayList<>(queue);
            queue.clear();
            if (timerId >= 0) {
                scheduler.cancel(timerId);
                timerId = -1;
            }
        }
        for (Waiter w : failed) {
            scheduler.cancel(w.deadlineTimer);
            w.promise.tryFail(BinanceFailure.closed(w.endpoint));
        }
    }

    /** What the budget looks like now. */
    Snapshot snapshot() {
        synchronized (lock) {
            long now = scheduler.now();
            return new Snapshot(weight.used(now), weight.limit(), weight.rawLimit(), weight.lastServerCount(),
                    orders10s.used(now), orders10s.limit(), orders1m.used(now), orders1m.limit(),
                    statistics.used(now), statistics.limit(), funding.used(now), funding.limit(), queue.size(),
                    pausedUntil > now ? pausedUntil : 0, bannedUntil > now ? bannedUntil : 0);
        }
    }

    /**
     * A snapshot of the budget.
     *
     * @param weightUsed        request weight spent in the last minute (with the server's correction)
     * @param weightLimit       the limit kept to (announced minus margin)
     * @param weightLimitRaw    the limit Binance announced
     * @param serverUsedWeight  the latest {@code X-MBX-USED-WEIGHT-1M}, or -1
     * @param orders10s         orders in the last 10 s
     * @param orders10sLimit    limit kept to
     * @param orders1m          orders in the last minute
     * @param orders1mLimit     limit kept to
     * @param statistics        statistics calls in the last 5 min
     * @param statisticsLimit   limit kept to
     * @param funding           funding-history calls in the last 5 min
     * @param fundingLimit      limit kept to
     * @param queued            requests waiting for budget
     * @param pausedUntil       end of a 429 pause, or 0
     * @param bannedUntil       end of a 418 ban, or 0
     */
    record Snapshot(int weightUsed, int weightLimit, int weightLimitRaw, int serverUsedWeight, int orders10s,
                    int orders10sLimit, int orders1m, int orders1mLimit, int statistics, int statisticsLimit,
                    int funding, int fundingLimit, int queued, long pausedUntil, long bannedUntil) {
    }

    // ---- internals (hold lock) ----

    private RollingWindow windowTooSmall(Cost c) {
        if (c.weight() > weight.limit()) {
            return weight;
        }
        if (c.orders() > orders10s.limit()) {
            return orders10s;
        }
        if (c.orders() > orders1m.limit()) {
            return orders1m;
        }
        if (c.statistics() > statistics.limit()) {
            return statistics;
        }
        if (c.funding() > funding.limit()) {
            return funding;
        }
        return null;
    }

    private boolean fits(Cost c, long now) {
        return weight.fits(c.weight(), now) && orders10s.fits(c.orders(), now) && orders1m.fits(c.orders(), now)
                && statistics.fits(c.statistics(), now) && funding.fits(c.funding(), now);
    }

    private long waitFor(Cost c, long now) {
        return max(weight.waitFor(0, c.weight(), now), orders10s.waitFor(0, c.orders(), now),
                orders1m.waitFor(0, c.orders(), now), statistics.waitFor(0, c.statistics(), now),
                funding.waitFor(0, c.funding(), now));
    }

    private long estimateWait(Cost c, long now) {
        int w = 0;
        int o = 0;
        int s = 0;
        int f = 0;
        for (Waiter ahead : queue) {
            w += ahead.cost.weight();
            o += ahead.cost.orders();
            s += ahead.cost.statistics();
            f += ahead.cost.funding();
        }
        return max(weight.waitFor(w, c.weight(), now), orders10s.waitFor(o, c.orders(), now),
                orders1m.waitFor(o, c.orders(), now), statistics.waitFor(s, c.statistics(), now),
                funding.waitFor(f, c.funding(), now));
    }

    private static long max(long... values) {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private void spend(Cost c, long now) {
        weight.record(c.weight(), now);
        orders10s.record(c.orders(), now);
        orders1m.record(c.orders(), now);
        statistics.record(c.statistics(), now);
        funding.record(c.funding(), now);
    }

    private BinanceFailure waitTooLong(Endpoint ep, long now, long wait, long maxWaitMs) {
        if (bannedUntil > now && bannedUntil - now >= wait) {
            return BinanceFailure.paused(ep, ep.label() + " is not sent: Binance banned this IP until "
                    + Instant.ofEpochMilli(bannedUntil) + " (HTTP 418)", bannedUntil, true);
        }
        if (pausedUntil > now && pausedUntil - now >= wait) {
            return BinanceFailure.paused(ep, ep.label() + " is not sent: Binance asked to pause until "
                    + Instant.ofEpochMilli(pausedUntil) + " (HTTP 429), longer than the " + maxWaitMs
                    + " ms the request may wait", pausedUntil, false);
        }
        return BinanceFailure.budget(ep, "Binance request budget exhausted: " + ep.label() + " would wait about "
                + wait + " ms for request weight, longer than the " + maxWaitMs + " ms it may wait (weight "
                + weight.used(now) + "/" + weight.limit() + " per minute, " + queue.size() + " queued)", wait);
    }

    private void expire(Waiter waiter) {
        List<Runnable> completions = new ArrayList<>();
        synchronized (lock) {
            if (!queue.remove(waiter)) {
                return;
            }
            long now = scheduler.now();
            BinanceFailure failure;
            if (Math.max(pausedUntil, bannedUntil) > now) {
                failure = waitTooLong(waiter.endpoint, now, Math.max(pausedUntil, bannedUntil) - now, waiter.maxWaitMs);
            } else {
                failure = BinanceFailure.budget(waiter.endpoint, "Binance request budget exhausted: "
                        + waiter.endpoint.label() + " waited " + waiter.maxWaitMs + " ms, the most it may, for "
                        + "request weight (weight " + weight.used(now) + "/" + weight.limit() + " per minute, "
                        + queue.size() + " still queued)", Math.max(1, waitFor(waiter.cost, now)));
            }
            completions.add(() -> waiter.promise.tryFail(failure));
            pump(completions);
        }
        completions.forEach(Runnable::run);
    }

    private void pumpAndRun() {
        List<Runnable> completions = new ArrayList<>();
        synchronized (lock) {
            pump(completions);
        }
        completions.forEach(Runnable::run);
    }

    /** Admits waiters from the head while they fit; arms one timer for the next moment the head may fit. */
    private void pump(List<Runnable> completions) {
        if (closed) {
            return;
        }
        long now = scheduler.now();
        Iterator<Waiter> it = queue.iterator();
        while (it.hasNext()) {
            Waiter head = it.next();
            long pauseLeft = Math.max(pausedUntil, bannedUntil) - now;
            long wait = pauseLeft > 0 ? pauseLeft : waitFor(head.cost, now);
            if (wait > 0) {
                arm(now, wait == Long.MAX_VALUE ? 60_000 : wait);
                return;
            }
            it.remove();
            spend(head.cost, now);
            scheduler.cancel(head.deadlineTimer);
            completions.add(() -> head.promise.tryComplete());
        }
        disarm();
    }

    private void arm(long now, long wait) {
        long due = now + wait;
        if (timerId >= 0 && timerDue <= due && timerDue > now) {
            return;
        }
        disarm();
        timerDue = due;
        timerId = scheduler.schedule(wait, this::onTimer);
    }

    private void disarm() {
        if (timerId >= 0) {
            scheduler.cancel(timerId);
            timerId = -1;
            timerDue = Long.MAX_VALUE;
        }
    }

    private void onTimer() {
        List<Runnable> completions = new ArrayList<>();
        synchronized (lock) {
            timerId = -1;
            timerDue = Long.MAX_VALUE;
            pump(completions);
        }
        completions.forEach(Runnable::run);
    }

    private static final class Waiter {
        final Endpoint endpoint;
        final Cost cost;
        final Promise<Void> promise;
        final long maxWaitMs;
        long deadlineTimer = -1;

        Waiter(Endpoint endpoint, Cost cost, Promise<Void> promise, long maxWaitMs) {
            this.endpoint = endpoint;
            this.cost = cost;
            this.promise = promise;
            this.maxWaitMs = maxWaitMs;
        }
    }
}
