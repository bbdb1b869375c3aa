package io.marketintel.runtime.market.sim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Candles of one symbol, built top-down so that every interval is exactly the aggregate of its
 * one-minute candles.
 *
 * <ol>
 *   <li>{@link HourlyPath} fixes each hour's open and close (log prices).</li>
 *   <li>Inside an hour a Brownian bridge places the 61 minute boundaries between them; each minute gets
 *   intra-minute extremes, volume, trades and a taker-buy share (a {@link MinuteBlock}).</li>
 *   <li>Inside a minute a second-level bridge, clamped to the minute's extremes and touching both,
 *   gives the forming candle and the last price at one-second resolution.</li>
 * </ol>
 * Candles of an hour or longer sum memoised hour aggregates ({@link HourChunk}); shorter ones sum
 * minutes. Every draw is keyed by (seed, symbol, hour, minute, second), so any candle is computed
 * without its predecessors.
 */
final class Candles {

    static final long SECOND = 1_000L;
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;
    private static final int CHUNK = 64;
    private static final double SQRT_60 = Math.sqrt(60);

    private final SymbolSpec spec;
    private final HourlyPath path;
    private final long seed;
    private final long genesis;
    private final double ticksPerUnit;
    private final double stepsPerUnit;
    private final double minPrice;
    private final Cache<Integer, MinuteBlock> blocks;
    private final ConcurrentHashMap<Integer, HourChunk> chunks = new ConcurrentHashMap<>();

    Candles(SymbolSpec spec, HourlyPath path, SimSettings settings) {
        this.spec = spec;
        this.path = path;
        this.seed = settings.seed();
        this.genesis = settings.genesis().toEpochMilli();
        this.ticksPerUnit = spec.ticksPerUnit();
        this.stepsPerUnit = spec.stepsPerUnit();
        this.minPrice = 1 / ticksPerUnit;
        this.blocks = Caffeine.newBuilder().maximumSize(512).executor(Runnable::run).build();
    }

    long genesis() {
        return genesis;
    }

    HourlyPath path() {
        return path;
    }

    /** Hour index (since genesis) of time {@code t} ≥ genesis. */
    int hourOf(long t) {
        return (int) ((t - genesis) / HOUR);
    }

    /** Computes and memoises every hour aggregate from genesis up to {@code now}. */
    void warmUp(long now) {
        if (now < genesis) {
            return;
        }
        int lastChunk = hourOf(now) / CHUNK;
        for (int c = 0; c <= lastChunk; c++) {
            hourChunk(c * CHUNK);
        }
    }

    // ---------------------------------------------------------------- klines

    /**
     * The candle of {@code interval} opening at {@code openTime} as seen at {@code now}, or null when it
     * holds no trade yet (it opens after {@code now} or ends before genesis).
     */
    Kline candle(Interval interval, long openTime, long now) {
        long end = openTime + interval.millis();
        Agg acc = new Agg();
        aggregate(Math.max(openTime, genesis), end, now, acc);
        return acc.isEmpty() ? null : acc.toKline(openTime, end - 1);
    }

    /** Candles of {@code interval} with open times {@code first, first + interval, …} up to {@code last}. */
    List<Kline> candles(Interval interval, long first, long last, long now) {
        List<Kline> out = new ArrayList<>((int) Math.min(1500, (last - first) / interval.millis() + 1));
        for (long t = first; t <= last; t += interval.millis()) {
            Kline k = candle(interval, t, now);
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Adds to {@code acc} the trading in {@code [from, end)} that happened by {@code now}: whole closed
     * hours from the memo, then closed minutes, then the forming minute up to the second of {@code now}.
     * {@code from} must be minute-aligned and not before genesis.
     */
    void aggregate(long from, long end, long now, Agg acc) {
        long t = from;
        MinuteBlock block = null;
        HourChunk chunk = null;
        while (t < end && t <= now) {
            if ((t - genesis) % HOUR == 0 && t + HOUR <= end && t + HOUR <= now) {
                int hour = hourOf(t);
                if (chunk == null || !chunk.holds(hour)) {
                    chunk = hourChunk(hour);
                }
                chunk.addHour(hour, acc);
                t += HOUR;
                continue;
            }
            int hour = hourOf(t);
            if (block == null || block.hour != hour) {
                block = minuteBlock(hour);
            }
            int minute = (int) (((t - genesis) % HOUR) / MINUTE);
            if (t + MINUTE <= now) {
                block.addMinute(minute, acc);
                t += MINUTE;
            } else {
                addFormingMinute(block, minute, (int) ((now - t) / SECOND), acc);
                break;
            }
        }
    }

    private void addFormingMinute(MinuteBlock b, int m, int second, Agg acc) {
        double[] q = secondPath(b, m);
        double hi = q[0];
        double lo = q[0];
        for (int k = 1; k <= second; k++) {
            hi = Math.max(hi, q[k]);
            lo = Math.min(lo, q[k]);
        }
        double c = q[second];
        double frac = second / 60.0;
        double v = roundStep(b.volume[m] * frac);
        double tb = roundStep(b.takerBuyBase[m] * frac);
        double typical = (q[0] + hi + lo + c) / 4;
        acc.add(q[0], hi, lo, c, v, v * typical, (long) (b.trades[m] * frac), tb, tb * typical);
    }

    // ---------------------------------------------------------------- prices

    /** The last trade price at {@code t} (one-second resolution); the genesis price before genesis. */
    double lastPrice(long t) {
        long at = Math.max(t, genesis);
        MinuteBlock b = minuteBlock(hourOf(at));
        long within = (at - genesis) % HOUR;
        int m = (int) (within / MINUTE);
        int s = (int) ((within % MINUTE) / SECOND);
        return s == 0 ? b.open[m] : secondPath(b, m)[s];
    }

    /**
     * Highest and lowest trade and the last price over the one-second marks in {@code (from, to]}: a
     * price path the paper exchange checks resting orders and liquidations against.
     *
     * @return {high, low, last}, or null when the window holds no mark
     */
    double[] range(long from, long to) {
        long secFrom = Math.floorDiv(Math.max(from, genesis) - genesis, SECOND);
        long secTo = Math.floorDiv(Math.max(to, genesis) - genesis, SECOND);
        if (secTo <= secFrom) {
            return null;
        }
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        double last = Double.NaN;
        long firstMinute = Math.floorDiv(secFrom, 60);
        long lastMinute = Math.floorDiv(secTo - 1, 60);
        for (long gm = firstMinute; gm <= lastMinute; gm++) {
            long base = gm * 60;
            int a = (int) (Math.max(secFrom + 1, base) - base);
            int z = (int) (Math.min(secTo, base + 60) - base);
            if (a > z) {
                continue;
            }
            MinuteBlock b = minuteBlock((int) (gm / 60));
            int m = (int) (gm % 60);
            if (a == 0 && z == 60) {
                hi = Math.max(hi, b.high[m]);
                lo = Math.min(lo, b.low[m]);
                last = b.close[m];
            } else {
                double[] q = secondPath(b, m);
                for (int k = a; k <= z; k++) {
                    hi = Math.max(hi, q[k]);
                    lo = Math.min(lo, q[k]);
                }
                last = q[z];
            }
        }
        return new double[] {hi, lo, last};
    }

    /**
     * The trade prices at the one-second marks in {@code (from, to]} (the marks {@link #range} spans), in time
     * order: element {@code i} is the price at second {@code first + i} since genesis, where {@code first} is the
     * first whole second after {@code from}; empty when the window holds no mark.
     */
    double[] secondPrices(long from, long to) {
        long secFrom = Math.floorDiv(Math.max(from, genesis) - genesis, SECOND);
        long secTo = Math.floorDiv(Math.max(to, genesis) - genesis, SECOND);
        if (secTo <= secFrom) {
            return new double[0];
        }
        double[] out = new double[(int) (secTo - secFrom)];
        long minute = Long.MIN_VALUE;
        double[] q = null;
        for (long s = secFrom + 1; s <= secTo; s++) {
            long gm = Math.floorDiv(s - 1, 60);     // mark s closes second s − 1 of minute gm (k = 1 … 60)
            if (gm != minute) {
                minute = gm;
                q = secondPath(minuteBlock((int) (gm / 60)), (int) (gm % 60));
            }
            out[(int) (s - secFrom - 1)] = q[(int) (s - gm * 60)];
        }
        return out;
    }

    // ---------------------------------------------------------------- generation

    MinuteBlock minuteBlock(int hour) {
        return blocks.get(hour, this::buildBlock);
    }

    private HourChunk hourChunk(int hour) {
        return chunks.computeIfAbsent(hour / CHUNK, this::buildChunk);
    }

    private HourChunk buildChunk(int chunk) {
        HourChunk c = new HourChunk(chunk * CHUNK, CHUNK);
        MinuteBlock scratch = new MinuteBlock();
        for (int i = 0; i < CHUNK; i++) {
            fill(scratch, chunk * CHUNK + i);
            Agg acc = new Agg();
            scratch.addAll(acc);
            c.set(i, acc);
        }
        return c;
    }

    private MinuteBlock buildBlock(int h) {
        MinuteBlock b = new MinuteBlock();
        fill(b, h);
        return b;
    }

    /** Generates the minutes of hour {@code h} into {@code b}. */
    private void fill(MinuteBlock b, int h) {
        HourlyPath.Snapshot s = path.upTo(h);
        double a = path.logOpen(s, h);
        double bEnd = s.logClose[h];
        double sigmaMinute = path.sigma(s, h) / SQRT_60;
        Regime regime = s.regime(h);
        long key = spec.key();
        long shock = Rng.bits(seed, Rng.MINUTE_SHOCK, key, h, 0);
        long highs = Rng.bits(seed, Rng.MINUTE_HIGH, key, h, 0);
        long lows = Rng.bits(seed, Rng.MINUTE_LOW, key, h, 0);
        long volumes = Rng.bits(seed, Rng.MINUTE_VOLUME, key, h, 0);
        long takers = Rng.bits(seed, Rng.MINUTE_TAKER, key, h, 0);
        long counts = Rng.bits(seed, Rng.MINUTE_TRADES, key, h, 0);

        // Brownian bridge from the hour's open to its close through the 61 minute boundaries
        double[] node = b.node;
        double[] step = b.step;
        double sum = 0;
        for (int m = 0; m < 60; m++) {
            step[m] = sigmaMinute * Rng.toFastNormal(Rng.at(shock, m));
            sum += step[m];
        }
        double correction = (bEnd - a - sum) / 60;
        node[0] = a;
        for (int m = 0; m < 60; m++) {
            node[m + 1] = node[m] + step[m] + correction;
        }
        node[60] = bEnd;

        b.hour = h;
        b.sigmaMinute = sigmaMinute;
        double volumeScale = spec.dailyQuoteVolume() / 1440 * regime.volume() * path.seasonal(h);
        double rawOpen = Math.exp(a);
        double prevClose = roundTick(rawOpen);
        for (int m = 0; m < 60; m++) {
            double rawClose = Math.exp(node[m + 1]);
            double o = prevClose;
            double c = roundTick(rawClose);
            // extremes beyond the open/close: half-normal, about 0.48 minute-sigmas on average
            double up = 0.6 * sigmaMinute * Math.abs(Rng.toFastNormal(Rng.at(highs, m)));
            double down = 0.6 * sigmaMinute * Math.abs(Rng.toFastNormal(Rng.at(lows, m)));
            double hi = roundTick(Math.max(rawOpen, rawClose) * (1 + up));
            double lw = Math.max(minPrice, roundTick(Math.min(rawOpen, rawClose) * (1 - down)));
            double ret = (node[m + 1] - node[m]) / sigmaMinute;
            double activity = (0.55 + 0.45 * Math.abs(ret)) / 0.91;
            double noise = Math.exp(0.45 * Rng.toFastNormal(Rng.at(volumes, m)) - 0.10125);
            double v = roundStep(volumeScale / c * activity * noise);
            double buyShare = 0.5 + 0.3 * ret / (1 + Math.abs(ret)) + 0.06 * Rng.toFastNormal(Rng.at(takers, m));
            buyShare = Math.max(0.03, Math.min(0.97, buyShare));
            double tb = roundStep(v * buyShare);
            double typical = (o + hi + lw + c) / 4;
            long n = v <= 0 ? 0 : Math.max(1, Math.round(v * typical / spec.avgTradeNotional()
                    * (0.8 + 0.4 * Rng.toUniform(Rng.at(counts, m)))));
            b.open[m] = o;
            b.high[m] = hi;
            b.low[m] = lw;
            b.close[m] = c;
            b.volume[m] = v;
            b.quoteVolume[m] = v * typical;
            b.trades[m] = n;
            b.takerBuyBase[m] = tb;
            b.takerBuyQuote[m] = tb * typical;
            prevClose = c;
            rawOpen = rawClose;
        }
    }

    /**
     * Trade prices at the 61 second marks of minute {@code m}: a bridge from the minute's open to its
     * close, clamped to its extremes, touching the high and the low once each.
     */
    double[] secondPath(MinuteBlock b, int m) {
        long gm = (long) b.hour * 60 + m;
        long shocks = Rng.bits(seed, Rng.SECOND_SHOCK, spec.key(), gm, 0);
        double sigma = b.sigmaMinute / SQRT_60;
        double[] x = new double[61];
        double sum = 0;
        for (int k = 1; k <= 60; k++) {
            x[k] = sigma * Rng.toFastNormal(Rng.at(shocks, k));
            sum += x[k];
        }
        double from = b.node[m];
        double correction = (b.node[m + 1] - from - sum) / 60;
        double hi = b.high[m];
        double lo = b.low[m];
        double[] q = new double[61];
        double level = from;
        q[0] = b.open[m];
        for (int k = 1; k < 60; k++) {
            level += x[k] + correction;
            q[k] = Math.max(lo, Math.min(hi, roundTick(Math.exp(level))));
        }
        q[60] = b.close[m];
        long bits = Rng.bits(seed, Rng.SECOND_EXTREMES, spec.key(), gm, 0);
        int up = 1 + (int) ((bits & 0xFFFFL) % 59);
        int down = 1 + (int) ((up + ((bits >>> 16) & 0xFFFFL) % 58) % 59);
        q[up] = hi;
        q[down] = lo;
        return q;
    }

    double roundTick(double price) {
        return Math.rint(price * ticksPerUnit) / ticksPerUnit;
    }

    double roundStep(double qty) {
        return Math.rint(qty * stepsPerUnit) / stepsPerUnit;
    }

    /** Memoised aggregates of {@code size} consecutive hours. */
    static final class HourChunk {
        private final int firstHour;
        private final double[] open;
        private final double[] high;
        private final double[] low;
        private final double[] close;
        private final double[] volume;
        private final double[] quoteVolume;
        private final long[] trades;
        private final double[] takerBuyBase;
        private final double[] takerBuyQuote;

        HourChunk(int firstHour, int size) {
            this.firstHour = firstHour;
            open = new double[size];
            high = new double[size];
            low = new double[size];
            close = new double[size];
            volume = new double[size];
            quoteVolume = new double[size];
            trades = new long[size];
            takerBuyBase = new double[size];
            takerBuyQuote = new double[size];
        }

        void set(int i, Agg a) {
            open[i] = a.open;
            high[i] = a.high;
            low[i] = a.low;
            close[i] = a.close;
            volume[i] = a.volume;
            quoteVolume[i] = a.quoteVolume;
            trades[i] = a.trades;
            takerBuyBase[i] = a.takerBuyBase;
            takerBuyQuote[i] = a.takerBuyQuote;
        }

        boolean holds(int hour) {
            return hour >= firstHour && hour < firstHour + open.length;
        }

        void addHour(int hour, Agg acc) {
            int i = hour - firstHour;
            acc.add(open[i], high[i], low[i], close[i], volume[i], quoteVolume[i], trades[i], takerBuyBase[i],
                    takerBuyQuote[i]);
        }
    }
}
