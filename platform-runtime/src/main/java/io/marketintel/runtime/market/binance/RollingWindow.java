package io.marketintel.runtime.market.binance;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A rolling-window counter ("at most {@code limit} within any {@code windowMs}"). Keeping every rolling
 * window under the limit also keeps every fixed window of the same length under it, whatever its
 * alignment, so it is safe against Binance's per-minute counters without knowing their phase.
 *
 * <p>The server's own count ({@code X-MBX-USED-WEIGHT-1M}) corrects it: what the server counted in its
 * current window beyond what this process sent is kept as a phantom amount until that window ends (other
 * processes on the same IP). Not thread-safe: {@link WeightBudget} guards it.
 */
final class RollingWindow {

    private final String name;
    private long windowMs;
    private int rawLimit;
    private int limit;
    /** {time, amount} in send order. */
    private final ArrayDeque<long[]> entries = new ArrayDeque<>();
    private long sum;
    private long phantomStart = Long.MIN_VALUE;
    private long phantomUntil;
    private int phantomAmount;
    private int lastServerCount = -1;

    RollingWindow(String name, long windowMs, int rawLimit, int marginPct) {
        this.name = name;
        setLimit(rawLimit, windowMs, marginPct);
    }

    /** Sets the announced limit; the effective limit is {@code marginPct} % below it, at least 1. */
    void setLimit(int newRawLimit, long newWindowMs, int marginPct) {
        if (newRawLimit < 1 || newWindowMs < 1) {
            throw new IllegalArgumentException("rate limit [" + name + "] must be positive, was " + newRawLimit
                    + " per " + newWindowMs + " ms");
        }
        this.rawLimit = newRawLimit;
        this.windowMs = newWindowMs;
        this.limit = Math.max(1, (int) Math.floor(newRawLimit * (100 - marginPct) / 100.0));
    }

    String name() {
        return name;
    }

    long windowMs() {
        return windowMs;
    }

    /** The limit this process keeps to. */
    int limit() {
        return limit;
    }

    /** The limit Binance announced. */
    int rawLimit() {
        return rawLimit;
    }

    /** The server's count from its latest header, or -1. */
    int lastServerCount() {
        return lastServerCount;
    }

    /** Amount used within the window ending now (own sends plus the server's phantom correction). */
    int used(long now) {
        prune(now);
        return (int) (sum + (phantomUntil > now ? phantomAmount : 0));
    }

    /** Whether {@code amount} can be spent now. */
    boolean fits(int amount, long now) {
        return amount <= 0 || used(now) + amount <= limit;
    }

    /**
     * How long until {@code amount} fits when {@code ahead} is spent first: 0 when it fits now,
     * {@link Long#MAX_VALUE} when it never can (larger than the limit). For {@code ahead > 0} it is an estimate.
     */
    long waitFor(int ahead, int amount, long now) {
        if (amount <= 0 && ahead <= 0) {
            return 0;
        }
        if (amount > limit) {
            return Long.MAX_VALUE;
        }
        long need = (long) used(now) + ahead + amount - limit;
        if (need <= 0) {
            return 0;
        }
        long freed = 0;
        boolean phantomCounted = !(phantomUntil > now) || phantomAmount == 0;
        Iterator<long[]> it = entries.iterator();
        long[] next = it.hasNext() ? it.next() : null;
        while (next != null || !phantomCounted) {
            long entryExpiry = next == null ? Long.MAX_VALUE : next[0] + windowMs;
            if (!phantomCounted && phantomUntil <= entryExpiry) {
                freed += phantomAmount;
                phantomCounted = true;
                if (freed >= need) {
                    return Math.max(1, phantomUntil - now);
                }
                continue;
            }
            freed += next[1];
            if (freed >= need) {
                return Math.max(1, entryExpiry - now);
            }
            next = it.hasNext() ? it.next() : null;
        }
        // Even an empty window cannot hold everything queued ahead: whole windows more.
        long windows = (ahead + amount + limit - 1L) / limit;
        return windows * windowMs;
    }

    /** Spends {@code amount} now. */
    void record(int amount, long now) {
        if (amount <= 0) {
            return;
        }
        prune(now);
        entries.addLast(new long[] {now, amount});
        sum += amount;
    }

    /**
     * The server counted {@code serverCount} in its window {@code [windowStartLocal, windowStartLocal +
     * windowMs)} (in local time). What exceeds this process's own sends in that window is kept as a phantom
     * amount until the window ends.
     */
    void observe(int serverCount, long windowStartLocal, long now) {
        lastServerCount = serverCount;
        prune(now);
        long own = 0;
        for (long[] e : entries) {
            if (e[0] >= windowStartLocal) {
                own += e[1];
            }
        }
        long external = serverCount - own;
        if (external <= 0) {
            return;
        }
        long until = windowStartLocal + windowMs;
        if (until <= now) {
            return;
        }
        if (phantomStart == windowStartLocal && phantomUntil > now) {
            phantomAmount = (int) Math.max(phantomAmount, external);
        } else {
            phantomStart = windowStartLocal;
            phantomUntil = until;
            phantomAmount = (int) external;
        }
    }

    private void prune(long now) {
        long cutoff = now - windowMs;
        while (!entries.isEmpty() && entries.peekFirst()[0] <= cutoff) {
            sum -= entries.pollFirst()[1];
        }
    }
}
