package io.marketintel.plugin.orderbook.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugin's only state: per symbol, the walls of the last few analysed snapshots, to catch walls that appear and
 * vanish between successive snapshots.
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

    /** One wall as remembered. */
    record Seen(BookSide side, double price, double quantity, double multiple, double distancePct, long firstSeen) {
    }

    /**
     * A wall of the previous snapshot that vanished from the next one.
     *
     * @param wall       the wall when last seen
     * @param lastSeen   time of the snapshot it was last seen in
     * @param vanishedAt time of the snapshot it was missing from
     * @param remaining  quantity left at its price then
     */
    record Vanish(Seen wall, long lastSeen, long vanishedAt, double remaining) {
    }

    private record Snap(long time, List<Seen> walls, List<Vanish> vanished) {
    }

    /** What the history says about the current snapshot. */
    static final class Observation {
        /** First-seen time of each current wall, aligned with {@link DetectedWalls#indices(BookSide)}. */
        final long[] bidFirstSeen;
        final long[] askFirstSeen;
        /** Walls that vanished between successive snapshots still in the history, newest first. */
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
         * Whether a wall of at least {@code minMultiple} × its side's mean vanished at exactly this side and price
         * within the history.
         */
        boolean vanishedAt(BookSide side, double price, double minMultiple) {
            for (Vanish v : vanished) {
                if (v.wall().side() == side && v.wall().price() == price && v.wall().multiple() >= minMultiple) {
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
                    vanished = vanishedBetween(last.walls(), last.time(), book, walls);
                    compared = true;
                }
                snaps.addLast(new Snap(book.time, List.copyOf(current), vanished));
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

    /** Remembers the current walls of one side, carrying the first-seen time of walls already in the reference. */
    private static void collect(BookSnapshot book, DetectedWalls walls, BookSide side, List<Seen> reference,
                                long[] firstSeen, List<Seen> out) {
        double[] prices = book.prices(side);
        double[] qty = book.quantities(side);
        int[] idx = walls.indices(side);
        double mean = walls.mean(side);
        double mid = book.mid();
        for (int w = 0; w < walls.count(side); w++) {
            double price = prices[idx[w]];
            long first = book.time;
            for (Seen s : reference) {
                if (s.side() == side && s.price() == price) {
                    first = s.firstSeen();
                    break;
                }
            }
            firstSeen[w] = first;
            double q = qty[idx[w]];
            out.add(new Seen(side, price, q, q / mean, BookMath.distancePct(price, mid), first));
        }
    }

    /**
     * The walls of a previous snapshot that vanished from {@code current}: no longer a wall at their price, less than
     * {@link #VANISH_FRACTION} of their quantity left there, the price never reached them (bid: current best bid
     * still above; ask: current best ask still below) and their price still within the current snapshot's depth
     * (so they did not merely scroll out of view). Pure.
     */
    static List<Vanish> vanishedBetween(List<Seen> previous, long previousTime, BookSnapshot current,
                                        DetectedWalls currentWalls) {
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
                out.add(new Vanish(s, previousTime, current.time, remaining));
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
