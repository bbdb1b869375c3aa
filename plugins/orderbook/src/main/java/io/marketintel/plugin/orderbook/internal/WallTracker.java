package io.marketintel.plugin.orderbook.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugin's only state: per symbol, the walls of the last few analysed snapshots, to catch walls that are pulled
 * between successive snapshots.
 *
 * <p>The tracker records every <em>pull</em>: a wall of one snapshot that, in the next, is no wall at its price any
 * more, has lost more than {@link #VANISH_FRACTION} of its quantity, was not reached by the price and is still in
 * view. Most pulls are ordinary liquidity churn; which of them count as spoof evidence is decided when a snapshot is
 * analysed, by {@link Vanish#suspicious} with the settings then in force (so a reloaded configuration applies to the
 * recorded history too): the wall had stood for {@code spoof_min_snapshots} snapshots and the price came at least
 * {@code spoof_min_approach} of the way to it.
 *
 * <p>Bounded: at most {@code historySize} snapshots per symbol, none older than {@code maxAge} before the newest
 * (book time), and one entry per symbol the market lists (the runtime rejects unknown symbols). Thread-safe: one
 * lock per symbol; {@link #clear()} empties it (the plugin calls it on stop).
 *
 * <p>A snapshot whose time is not after the newest one recorded (the same book served again from a cache, or a
 * late answer) is compared with nothing and not recorded.
 */
final class WallTracker {

    /** A wall losing more than this fraction of its quantity without the price reaching it counts as vanished. */
    static final double VANISH_FRACTION = 0.5;
    /**
     * A wall more than this multiple of the quantity its price held as a wall in the previous snapshot is a new wall
     * (a larger order joined), not the one seen before: its first-seen time and snapshot count start again.
     */
    static final double NEW_WALL_GROWTH = 2.0;
    /** Tolerance of the approach comparisons, against floating-point rounding of mids and distances. */
    static final double APPROACH_EPS = 1e-9;

    /**
     * One wall as remembered.
     *
     * @param distancePct signed distance from the snapshot's mid, percent
     * @param firstSeen   time of the first of the successive snapshots it has been a wall at this price in (without
     *                    more than doubling from one to the next, {@link #NEW_WALL_GROWTH})
     * @param snapshots   how many such successive snapshots, this one included
     */
    record Seen(BookSide side, double price, double quantity, double multiple, double distancePct, long firstSeen,
                int snapshots) {
    }

    /**
     * A wall of the previous snapshot that was pulled before the next one (not necessarily a spoof: see
     * {@link #suspicious}).
     *
     * @param wall       the wall when last seen
     * @param lastSeen   time of the snapshot it was last seen in
     * @param vanishedAt time of the snapshot it was missing from
     * @param remaining  quantity left at its price then
     * @param midBefore  mid of the snapshot it was last seen in
     * @param midAfter   mid of the snapshot it was missing from
     */
    record Vanish(Seen wall, long lastSeen, long vanishedAt, double remaining, double midBefore, double midAfter) {

        /**
         * The fraction of the wall's distance from mid that the price covered between the two snapshots:
         * {@code 1 − |price − midAfter| / |price − midBefore|}; 0 when the mid did not move, negative when it moved
         * away, below 1 since the price did not reach the wall.
         */
        double approach() {
            double before = Math.abs(wall.price() - midBefore);
            return before == 0 ? 0 : 1 - Math.abs(wall.price() - midAfter) / before;
        }

        /**
         * Whether this pull is spoof evidence under {@code s}: the wall was at least {@code spoof_min_multiple} x
         * its side's mean, had stood in at least {@code spoof_min_snapshots} successive snapshots, and the price
         * moved toward it, covering at least {@code spoof_min_approach} of the way (inclusive, within
         * {@link #APPROACH_EPS}).
         */
        boolean suspicious(OrderBookSettings s) {
            double a = approach();
            return wall.multiple() >= s.spoofMinMultiple()
                    && wall.snapshots() >= s.spoofMinSnapshots()
                    && a > APPROACH_EPS
                    && a >= s.spoofMinApproach() - APPROACH_EPS;
        }
    }

    private record Snap(long time, double mid, List<Seen> walls, List<Vanish> vanished) {
    }

    /** What the history says about the current snapshot. */
    static final class Observation {
        /** First-seen time of each current wall, aligned with {@link DetectedWalls#indices(BookSide)}. */
        final long[] bidFirstSeen;
        final long[] askFirstSeen;
        /** Walls pulled between successive snapshots still in the history, newest first (spoofs or not). */
        final List<Vanish> vanished;
        /** Snapshots in the history, the current one included when it was recorded. */
        final int snapshots;
        /** Time from the oldest snapshot in the history to the current one, ms. */
        final long spanMillis;
        /**
         * Whether a previous snapshot within the maximum age was there to compare with (for a snapshot seen again:
         * whether the history holds an earlier one).
         */
        final boolean compared;

        Observation(long[] bidFirstSeen, long[] askFirstSeen, List<Vanish> vanished, int snapshots, long spanMillis,
                    boolean compared) {
            this.bidFirstSeen = bidFirstSeen;
            this.askFirstSeen = askFirstSeen;
            this.vanished = List.copyOf(vanished);
            this.snapshots = snapshots;
            this.spanMillis = spanMillis;
            this.compared = compared;
        }

        /** No history: every wall is new. */
        static Observation none(BookSnapshot book, DetectedWalls walls) {
            long[] b = new long[walls.bidCount];
            long[] a = new long[walls.askCount];
            java.util.Arrays.fill(b, book.time);
            java.util.Arrays.fill(a, book.time);
            return new Observation(b, a, List.of(), 1, 0, false);
        }

        long firstSeen(BookSide side, int wallNumber) {
            return side == BookSide.BID ? bidFirstSeen[wallNumber] : askFirstSeen[wallNumber];
        }

        /**
         * Whether a wall was pulled at exactly this side and price within the history in a way that is spoof
         * evidence under {@code s} ({@link Vanish#suspicious}).
         */
        boolean suspiciousPullAt(BookSide side, double price, OrderBookSettings s) {
            for (Vanish v : vanished) {
                if (v.wall().side() == side && v.wall().price() == price && v.suspicious(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Track {
        final ArrayDeque<Snap> snaps = new ArrayDeque<>();
    }

    private final ConcurrentHashMap<String, Track> tracks = new ConcurrentHashMap<>();

    /**
     * Compares {@code book}'s walls with the previous snapshot of the same symbol, records them and answers what
     * the history knows.
     *
     * @param historySize  snapshots kept (≥ 2)
     * @param maxAgeMillis snapshots older than this before {@code book} are dropped first
     */
    Observation observe(BookSnapshot book, DetectedWalls walls, int historySize, long maxAgeMillis) {
        Track track = tracks.computeIfAbsent(book.symbol, s -> new Track());
        synchronized (track) {
            ArrayDeque<Snap> snaps = track.snaps;
            while (!snaps.isEmpty() && snaps.peekFirst().time() < book.time - maxAgeMillis) {
                snaps.removeFirst();
            }
            Snap last = snaps.peekLast();
            List<Seen> current = new ArrayList<>(walls.bidCount + walls.askCount);
            long[] bidFirst = new long[walls.bidCount];
            long[] askFirst = new long[walls.askCount];
            boolean fresh = last == null || book.time > last.time();
            List<Seen> reference = last == null || book.time < last.time() ? List.of() : last.walls();
            collect(book, walls, BookSide.BID, reference, bidFirst, current);
            collect(book, walls, BookSide.ASK, reference, askFirst, current);
            boolean compared = !fresh && snaps.size() >= 2;
            if (fresh) {
                List<Vanish> vanished = List.of();
                if (last != null) {
                    vanished = vanishedBetween(last.walls(), last.time(), last.mid(), book, walls);
                    compared = true;
                }
                snaps.addLast(new Snap(book.time, book.mid(), List.copyOf(current), vanished));
                while (snaps.size() > historySize) {
                    snaps.removeFirst();
                }
            }
            List<Vanish> all = new ArrayList<>();
            for (Iterator<Snap> it = snaps.descendingIterator(); it.hasNext(); ) {
                all.addAll(it.next().vanished());
            }
            long span = snaps.isEmpty() ? 0 : Math.max(0, book.time - snaps.peekFirst().time());
            return new Observation(bidFirst, askFirst, all, snaps.size(), span, compared);
        }
    }

    /**
     * Remembers the current walls of one side, carrying the first-seen time and the snapshot count of walls already
     * in the reference (the previous snapshot): same side and price, at most {@link #NEW_WALL_GROWTH} x the quantity
     * there.
     */
    private static void collect(BookSnapshot book, DetectedWalls walls, BookSide side, List<Seen> reference,
                                long[] firstSeen, List<Seen> out) {
        double[] prices = book.prices(side);
        double[] qty = book.quantities(side);
        int[] idx = walls.indices(side);
        double mean = walls.mean(side);
        double mid = book.mid();
        for (int w = 0; w < walls.count(side); w++) {
            double price = prices[idx[w]];
            double q = qty[idx[w]];
            long first = book.time;
            int snapshots = 1;
            for (Seen s : reference) {
                if (s.side() == side && s.price() == price) {
                    if (q <= NEW_WALL_GROWTH * s.quantity()) {
                        first = s.firstSeen();
                        snapshots = s.snapshots() + 1;
                    }
                    break;
                }
            }
            firstSeen[w] = first;
            out.add(new Seen(side, price, q, q / mean, BookMath.distancePct(price, mid), first, snapshots));
        }
    }

    /**
     * The walls of a previous snapshot that were pulled before {@code current}: no longer a wall at their price,
     * less than {@link #VANISH_FRACTION} of their quantity left there, the price never reached them (bid: current
     * best bid still above; ask: current best ask still below) and their price still within the current snapshot's
     * depth (so they did not merely scroll out of view). How long they had stood and where the price went is kept
     * with each, for {@link Vanish#suspicious} to judge. Pure.
     */
    static List<Vanish> vanishedBetween(List<Seen> previous, long previousTime, double previousMid,
                                        BookSnapshot current, DetectedWalls currentWalls) {
        List<Vanish> out = new ArrayList<>();
        double lowestBid = current.lowestBid();
        double highestAsk = current.highestAsk();
        for (Seen s : previous) {
            if (currentWalls.hasWallAt(current, s.side(), s.price())) {
                continue;
            }
            double remaining = current.quantityAt(s.side(), s.price());
            if (remaining >= VANISH_FRACTION * s.quantity()) {
                continue;
            }
            boolean untouched = s.side() == BookSide.BID ? current.bestBid() > s.price() : current.bestAsk() < s.price();
            boolean inView = s.side() == BookSide.BID ? s.price() >= lowestBid : s.price() <= highestAsk;
            if (untouched && inView) {
                out.add(new Vanish(s, previousTime, current.time, remaining, previousMid, current.mid()));
            }
        }
        return out;
    }

    /** Forgets everything. */
    void clear() {
        tracks.clear();
    }

    /** Number of symbols with a history. */
    int symbols() {
        return tracks.size();
    }
}
