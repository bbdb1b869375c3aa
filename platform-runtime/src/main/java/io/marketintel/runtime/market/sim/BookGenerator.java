package io.marketintel.runtime.market.sim;

import io.marketintel.api.market.OrderBook;
import io.marketintel.api.market.PriceLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Order-book snapshots of one symbol, a pure function of (seed, symbol, second).
 *
 * <ul>
 *   <li>The touch sits around the last trade price; the spread is one tick plus an exponential number
 *   of ticks that widens in high volatility.</li>
 *   <li>Levels live on absolute ticks: whether a tick holds an order and how much is drawn per tick and
 *   per 40-second epoch (phase-shifted per tick), so the book changes a little every second and a
 *   level keeps its size while the price moves. Sizes are log-normal (heavy-tailed, median ≈ 0.43 ×
 *   mean) and decay away from the touch.</li>
 *   <li>Bid/ask imbalance follows 15-minute momentum and the regime.</li>
 *   <li>Walls: per side two slots of persistent walls (4–20 × the average level, 6- and 9-minute
 *   lifetimes, anchored at a price fixed when they appear, gone once the price trades through them),
 *   and one far spoofing slot (8–25 × the average, a third to most of the way down the book) that
 *   appears and vanishes every two seconds.</li>
 * </ul>
 */
final class BookGenerator {

    private static final long BID = 0;
    private static final long ASK = 1;
    private static final int LEVEL_EPOCH_SECONDS = 40;
    private static final double SIZE_SIGMA = 1.3;

    private final SymbolSpec spec;
    private final Candles candles;
    private final long seed;
    private final long genesis;
    private final double ticksPerUnit;
    private final double stepsPerUnit;
    private final double minQty;

    BookGenerator(SymbolSpec spec, Candles candles, SimSettings settings) {
        this.spec = spec;
        this.candles = candles;
        this.seed = settings.seed();
        this.genesis = settings.genesis().toEpochMilli();
        this.ticksPerUnit = spec.ticksPerUnit();
        this.stepsPerUnit = spec.stepsPerUnit();
        this.minQty = spec.info().minQty().doubleValue();
    }

    /** The snapshot at {@code now} with {@code limit} levels a side. */
    OrderBook book(long now, int limit) {
        long t = Math.max(now, genesis);
        long sec = Math.floorDiv(t - genesis, Candles.SECOND);
        long key = spec.key();
        double last = candles.lastPrice(t);
        long lastTick = Math.round(last * ticksPerUnit);
        int hour = candles.hourOf(t);
        Regime regime = candles.path().upTo(hour).regime(hour);

        double extra = spec.spreadExtraTicks() * switch (regime) {
            case HIGH_VOLATILITY -> 3.0;
            case LOW_VOLATILITY -> 0.6;
            default -> 1.0;
        };
        int spread = 1 + (int) Math.min(30, Math.floor(extra * Rng.exponential(seed, Rng.BOOK_SPREAD, key, sec, 0)));
        int offset = (int) Math.floor(Rng.uniform(seed, Rng.BOOK_SPREAD, key, sec, 1) * (spread + 1));
        long bestBid = Math.max(1, lastTick - offset);
        long bestAsk = bestBid + spread;

        double past = candles.lastPrice(t - 15 * Candles.MINUTE);
        double sigma15 = spec.hourlyVolatility() * regime.volatility() * 0.5;
        double momentum = Math.log(last / past) / sigma15;
        double imbalance = 0.25 * Math.tanh(momentum / 1.5) + switch (regime) {
            case TREND_UP -> 0.08;
            case TREND_DOWN -> -0.08;
            default -> 0.0;
        };

        double meanQty = spec.levelNotional() / last;
        long span = Math.round(1000 * spec.levelGapTicks());
        Walls bidWalls = walls(BID, sec, span, bestBid, bestAsk);
        Walls askWalls = walls(ASK, sec, span, bestBid, bestAsk);
        List<PriceLevel> bids = side(BID, bestBid, limit, sec, meanQty * (1 + imbalance), bidWalls);
        List<PriceLevel> asks = side(ASK, bestAsk, limit, sec, meanQty * (1 - imbalance), askWalls);

        long idBits = Rng.bits(seed, Rng.BOOK_ID, key, sec, 0);
        long lastUpdateId = 4_100_000_000_000L + sec * 40 + (idBits & 31);
        long transactionTime = now - ((idBits >>> 8) & 7);
        return new OrderBook(spec.symbol(), lastUpdateId, now, transactionTime, bids, asks);
    }

    private List<PriceLevel> side(long side, long best, int limit, long sec, double meanQty, Walls walls) {
        List<PriceLevel> out = new ArrayList<>(limit);
        long dir = side == BID ? -1 : 1;
        double occupancy = 1 / spec.levelGapTicks();
        long key = spec.key();
        long phases = Rng.bits(seed, Rng.BOOK_PHASE, key, side, 0);
        long occupied = Rng.bits(seed, Rng.BOOK_OCCUPIED, key, side, 0);
        long sizes = Rng.bits(seed, Rng.BOOK_SIZE, key, side, 0);
        long tick = best;
        int i = 0;
        while (i < limit && tick >= 1) {
            long phase = Long.remainderUnsigned(Rng.at(phases, tick), LEVEL_EPOCH_SECONDS);
            long epoch = Math.floorDiv(sec + phase, LEVEL_EPOCH_SECONDS);
            double wall = walls.at(tick);
            if (i == 0 || wall > 0 || Rng.toUniform(Rng.at(Rng.at(occupied, tick), epoch)) < occupancy) {
                double z = Rng.toFastNormal(Rng.at(Rng.at(sizes, tick), epoch));
                double profile = 0.55 + 0.9 * Math.exp(-i / 120.0);
                double qty = meanQty * profile * Math.exp(SIZE_SIGMA * z - SIZE_SIGMA * SIZE_SIGMA / 2) + wall;
                qty = Math.max(minQty, Math.rint(qty * stepsPerUnit) / stepsPerUnit);
                out.add(new PriceLevel(tick / ticksPerUnit, qty));
                i++;
            }
            tick += dir;
        }
        return out;
    }

    private Walls walls(long side, long sec, long span, long bestBid, long bestAsk) {
        Walls w = new Walls();
        long key = spec.key();
        for (int slot = 0; slot < 2; slot++) {
            long len = slot == 0 ? 360 : 540;
            long id = side * 2 + slot;
            long phase = Long.remainderUnsigned(Rng.bits(seed, Rng.WALL, key, id, -1), len);
            long epoch = Math.floorDiv(sec + phase, len);
            if (Rng.uniform(seed, Rng.WALL, key, id, epoch) < 0.6) {
                double fraction = 0.03 + 0.45 * Rng.uniform(seed, Rng.WALL, key, id * 1000 + 1, epoch);
                double size = 4 + 16 * Rng.uniform(seed, Rng.WALL, key, id * 1000 + 2, epoch);
                place(w, side, epoch * len - phase, span, fraction, size, bestBid, bestAsk);
            }
        }
        long len = 30;
        long phase = Long.remainderUnsigned(Rng.bits(seed, Rng.SPOOF, key, side, -1), len);
        long epoch = Math.floorDiv(sec + phase, len);
        boolean active = Rng.uniform(seed, Rng.SPOOF, key, side, epoch) < 0.55;
        boolean visible = Rng.uniform(seed, Rng.SPOOF_VISIBLE, key, side, Math.floorDiv(sec, 2)) < 0.5;
        if (active && visible) {
            double fraction = 0.35 + 0.5 * Rng.uniform(seed, Rng.SPOOF, key, side + 10, epoch);
            double size = 8 + 17 * Rng.uniform(seed, Rng.SPOOF, key, side + 20, epoch);
            place(w, side, epoch * len - phase, span, fraction, size, bestBid, bestAsk);
        }
        return w;
    }

    private void place(Walls w, long side, long startSec, long span, double fraction, double size, long bestBid,
                       long bestAsk) {
        double ref = candles.lastPrice(genesis + Math.max(0, startSec) * Candles.SECOND);
        long refTick = Math.round(ref * ticksPerUnit);
        long distance = Math.max(2, Math.round(span * fraction));
        long tick = side == BID ? refTick - distance : refTick + distance;
        boolean standing = side == BID ? tick <= bestBid && tick >= 1 : tick >= bestAsk;
        if (standing) {
            w.add(tick, spec.levelNotional() / ref * size);
        }
    }

    /** Up to three walls of one side. */
    private static final class Walls {
        private final long[] ticks = new long[3];
        private final double[] qty = new double[3];
        private int n;

        void add(long tick, double q) {
            ticks[n] = tick;
            qty[n] = q;
            n++;
        }

        double at(long tick) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (ticks[i] == tick) {
                    sum += qty[i];
                }
            }
            return sum;
        }
    }
}
