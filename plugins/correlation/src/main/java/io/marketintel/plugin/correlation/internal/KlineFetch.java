package io.marketintel.plugin.correlation.internal;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.market.MarketData;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Fetches the same window of closed klines for many symbols, at most {@code concurrency} requests in flight. The
 * window is given by open times, so every symbol is asked for the same period of time: a gap in one symbol does
 * not stretch its window further back than the others'.
 */
final class KlineFetch {

    private final MarketData market;
    private final List<String> symbols;
    private final Interval interval;
    private final long startTime;
    private final long endTime;
    private final int limit;
    private final AtomicReferenceArray<List<Kline>> results;
    private final Promise<List<List<Kline>>> done = Promise.promise();
    // Completions may arrive on other threads than the caller's (shared cache entries): atomics, no locks.
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger remaining;
    private final AtomicBoolean failed = new AtomicBoolean();

    private KlineFetch(MarketData market, List<String> symbols, Interval interval, long startTime, long endTime,
                       int limit) {
        this.market = market;
        this.symbols = symbols;
        this.interval = interval;
        this.startTime = startTime;
        this.endTime = endTime;
        this.limit = limit;
        this.results = new AtomicReferenceArray<>(symbols.size());
        this.remaining = new AtomicInteger(symbols.size());
    }

    /**
     * The window of the {@code lookback} candles that closed last before the candle containing {@code now}.
     *
     * @return {@code [startTime, endTime]} on open times: the open of the candle {@code lookback} intervals before
     *         the forming one, and one millisecond before the forming candle opened
     */
    static long[] window(Interval interval, int lookback, long now) {
        long forming = interval.openTimeOf(now);
        return new long[] {forming - lookback * interval.millis(), forming - 1};
    }

    /**
     * Fetches the window of {@code lookback} closed candles before {@code now} for every symbol.
     *
     * @param concurrency requests in flight at once, {@code >= 1}
     * @return one list per symbol, in the order of {@code symbols}; fails with the first failure
     */
    static Future<List<List<Kline>>> closedWindow(MarketData market, List<String> symbols, Interval interval,
                                                  int lookback, long now, int concurrency) {
        long[] w = window(interval, lookback, now);
        KlineFetch f = new KlineFetch(market, List.copyOf(symbols), interval, w[0], w[1], lookback);
        if (symbols.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        for (int i = 0, n = Math.min(Math.max(1, concurrency), symbols.size()); i < n; i++) {
            f.pump();
        }
        return f.done.future();
    }

    /** Starts the next request; each completion starts another, so {@code concurrency} stay in flight. */
    private void pump() {
        if (failed.get()) {
            return;
        }
        int i = next.getAndIncrement();
        if (i >= symbols.size()) {
            return;
        }
        Future<List<Kline>> request;
        try {
            request = market.klines(symbols.get(i), interval, startTime, endTime, limit);
        } catch (RuntimeException e) {
            request = Future.failedFuture(e);
        }
        request.onComplete(ar -> {
            if (failed.get()) {
                return;
            }
            if (ar.failed()) {
                failed.set(true);
                done.tryFail(ar.cause());
                return;
            }
            results.set(i, ar.result() == null ? List.of() : ar.result());
            if (remaining.decrementAndGet() == 0) {
                List<List<Kline>> all = new ArrayList<>(symbols.size());
                for (int s = 0; s < symbols.size(); s++) {
                    all.add(results.get(s));
                }
                done.tryComplete(all);
            } else {
                pump();
            }
        });
    }
}
