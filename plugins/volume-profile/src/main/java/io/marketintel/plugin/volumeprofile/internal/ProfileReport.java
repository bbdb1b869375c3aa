package io.marketintel.plugin.volumeprofile.internal;

import io.marketintel.api.Bias;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns computed {@link Profile}s into the answers: position relative to the value area, bias, confidence,
 * reasoning, levels and the comparison of two profiles. Pure and synchronous; no I/O, clock or state.
 */
public final class ProfileReport {

    /** Strength given to the value area edges in {@code levels} (POC is 100; an HVN fuller than 60 % of it ranks higher). */
    public static final int EDGE_STRENGTH = 60;

    private ProfileReport() {
    }

    /**
     * What the profile was built from.
     *
     * @param symbol            symbol
     * @param interval          kline interval code
     * @param lookback          closed candles asked for
     * @param currentPrice      last traded price
     * @param priceFromForming  whether {@code currentPrice} is the forming candle's close (else the newest closed one's)
     * @param fromTime          open time of the oldest candle in the profile, ms
     * @param dataTime          close time of the newest candle in the profile, ms
     * @param source            market data source
     */
    public record Window(String symbol, String interval, int lookback, double currentPrice, boolean priceFromForming,
                         long fromTime, long dataTime, String source) {
    }

    // ---------------------------------------------------------------- analysis

    /** Position of {@code price} relative to {@code [val, vah]}; the edges are inside. */
    public static ValueAreaPosition position(double price, double val, double vah) {
        if (price > vah) {
            return ValueAreaPosition.ABOVE_VALUE_AREA;
        }
        if (price < val) {
            return ValueAreaPosition.BELOW_VALUE_AREA;
        }
        return ValueAreaPosition.INSIDE_VALUE_AREA;
    }

    /** ABOVE → LONG, BELOW → SHORT, INSIDE → NEUTRAL (the specification's reading of the position). */
    public static Bias bias(ValueAreaPosition position) {
        return switch (position) {
            case ABOVE_VALUE_AREA -> Bias.LONG;
            case BELOW_VALUE_AREA -> Bias.SHORT;
            case INSIDE_VALUE_AREA -> Bias.NEUTRAL;
        };
    }

    /**
     * Confidence from the distance to the POC, measured in value-area half-widths on the price's side:
     * {@code k = |price − POC| / (VAH − POC)} above the POC, {@code / (POC − VAL)} below it. Inside the value area
     * ({@code k ≤ 1}) the NEUTRAL call is surest at the POC: {@code 70 − 30·k} (70 at the POC, 40 at an edge).
     * Outside ({@code k > 1}) the LONG / SHORT call grows with how far price has left value:
     * {@code 50 + 35·min(1, k − 1)} (50 just past the edge, 85 from one more half-width beyond it).
     */
    public static int confidence(ValueAreaPosition position, double price, double poc, double val, double vah) {
        double half = price >= poc ? vah - poc : poc - val;
        double k = half > 0 ? Math.abs(price - poc) / half : 0;
        double c = position == ValueAreaPosition.INSIDE_VALUE_AREA
                ? 70 - 30 * Math.min(1, k)
                : 50 + 35 * Math.min(1, Math.max(0, k - 1));
        return (int) Math.round(c);
    }

    /** The {@code analysis} answer for {@code p}. */
    public static ProfileResult analysis(Profile p, Window w) {
        double price = w.currentPrice();
        double poc = p.pocPrice();
        double val = p.val();
        double vah = p.vah();
        ValueAreaPosition position = position(price, val, vah);
        Bias bias = bias(position);
        int confidence = confidence(position, price, poc, val, vah);
        double toPoc = round(pct(price - poc, poc), 2);

        List<VolumeNode> hvns = nodes(p, p.hvns(), true);
        List<VolumeNode> lvns = nodes(p, p.lvns(), false);

        List<String> reasoning = new ArrayList<>();
        String va = "(" + fmt(val) + " - " + fmt(vah) + ")";
        reasoning.add(switch (position) {
            case INSIDE_VALUE_AREA -> "Price inside Value Area " + va + " - range-bound";
            case ABOVE_VALUE_AREA -> "Price above Value Area " + va + " - exploring higher values";
            case BELOW_VALUE_AREA -> "Price below Value Area " + va + " - exploring lower values";
        });
        reasoning.add("POC at " + fmt(poc) + " holds " + fmt(round(p.volumePct(p.poc()), 2)) + "% of volume; price "
                + (toPoc == 0 ? "is at the POC" : "is " + fmt(Math.abs(toPoc)) + "% " + (toPoc > 0 ? "above" : "below")
                + " it") + " (confidence " + confidence + ")");
        int pocNode = -1;
        for (int i = 0; i < hvns.size(); i++) {
            if (p.hvns().get(i).peak() == p.poc()) {
                pocNode = i;
            }
        }
        List<VolumeNode> otherHvns = new ArrayList<>(hvns);
        if (pocNode >= 0) {
            otherHvns.remove(pocNode);
        }
        nearest(otherHvns, price, true).ifPresent(n -> reasoning.add("HVN above at " + fmt(n.price()) + " ("
                + signed(pct(n.price() - price, price)) + "%, " + fmt(n.volumePct()) + "% of volume) - likely resistance"));
        nearest(otherHvns, price, false).ifPresent(n -> reasoning.add("HVN below at " + fmt(n.price()) + " ("
                + signed(pct(n.price() - price, price)) + "%, " + fmt(n.volumePct()) + "% of volume) - likely support"));
        nearest(lvns, price, true).ifPresent(n -> reasoning.add("LVN above at " + fmt(n.price()) + " ("
                + signed(pct(n.price() - price, price)) + "%) - thin volume, price may move quickly through it"));
        nearest(lvns, price, false).ifPresent(n -> reasoning.add("LVN below at " + fmt(n.price()) + " ("
                + signed(pct(n.price() - price, price)) + "%) - thin volume, price may move quickly through it"));
        reasoning.add("Profile of " + p.candles() + " closed " + w.interval() + " candles: " + fmt(p.rangeLow()) + " - "
                + fmt(p.rangeHigh()) + " in " + p.binCount() + " bins of " + fmt(p.binSize().doubleValue())
                + ", value area holds " + fmt(round(100 * p.vaVolume() / p.totalVolume(), 2)) + "% of volume; price "
                + fmt(price) + " is the last trade ("
                + (w.priceFromForming() ? "close of the forming candle, which is not in the profile)"
                : "close of the newest closed candle)"));

        List<ProfileBin> bins = new ArrayList<>(p.binCount());
        for (int i = 0; i < p.binCount(); i++) {
            bins.add(new ProfileBin(p.lowEdge(i), p.highEdge(i), round(p.volumes()[i], 6)));
        }
        return new ProfileResult(w.symbol(), w.interval(), w.lookback(), p.candles(), price,
                new PocLevel(poc, p.lowEdge(p.poc()), p.highEdge(p.poc()), round(p.volumePct(p.poc()), 2)),
                new PriceRef(vah), new PriceRef(val), p.valueAreaPct(), round(100 * p.vaVolume() / p.totalVolume(), 2),
                position, toPoc, hvns, lvns, bias, confidence, reasoning, p.binSize().doubleValue(),
                p.binCount(), p.rangeLow(), p.rangeHigh(), round(p.totalVolume(), 6), bins, w.dataTime(), w.source());
    }

    /** The nodes as answered: price at the peak bin's centre, strength as {@link VolumeNode#strength()} says. */
    static List<VolumeNode> nodes(Profile p, List<Profile.Node> nodes, boolean high) {
        double pocVolume = p.volumes()[p.poc()];
        List<VolumeNode> out = new ArrayList<>(nodes.size());
        for (Profile.Node n : nodes) {
            double v = p.volumes()[n.peak()];
            double s = high ? 100 * v / pocVolume
                    : p.lvnThreshold() > 0 ? 100 * (1 - v / p.lvnThreshold()) : 0;
            out.add(new VolumeNode(p.centre(n.peak()), p.lowEdge(n.first()), p.highEdge(n.last()),
                    round(p.volumePct(n.peak()), 2), clamp((int) Math.round(s))));
        }
        return out;
    }

    private static Optional<VolumeNode> nearest(List<VolumeNode> nodes, double price, boolean above) {
        VolumeNode best = null;
        for (VolumeNode n : nodes) {
            boolean side = above ? n.price() > price : n.price() <= price;
            if (side && (best == null || Math.abs(n.price() - price) < Math.abs(best.price() - price))) {
                best = n;
            }
        }
        return Optional.ofNullable(best);
    }

    // ---------------------------------------------------------------- levels

    /**
     * The nearest levels of an analysis on each side of its price: POC (strength 100), VAH and VAL
     * ({@value #EDGE_STRENGTH}), every HVN except the one peaking at the POC (which the POC level stands for) and
     * every LVN. Levels strictly above the price go to {@code levels_above}, the others (at or below) to
     * {@code levels_below}; each side nearest first (ties: stronger first), at most {@code numLevels}.
     */
    public static LevelsResult levels(ProfileResult r, int numLevels) {
        double price = r.currentPrice();
        List<Level> all = new ArrayList<>();
        all.add(level(LevelType.POC, r.poc().price(), price, 100));
        all.add(level(LevelType.VAH, r.valueAreaHigh().price(), price, EDGE_STRENGTH));
        all.add(level(LevelType.VAL, r.valueAreaLow().price(), price, EDGE_STRENGTH));
        for (VolumeNode n : r.highVolumeNodes()) {
            if (n.price() != r.poc().price()) {
                all.add(level(LevelType.HVN, n.price(), price, n.strength()));
            }
        }
        for (VolumeNode n : r.lowVolumeNodes()) {
            all.add(level(LevelType.LVN, n.price(), price, n.strength()));
        }
        Comparator<Level> nearestFirst = Comparator.<Level>comparingDouble(l -> Math.abs(l.price() - price))
                .thenComparing(Comparator.comparingInt(Level::strength).reversed());
        List<Level> above = new ArrayList<>();
        List<Level> below = new ArrayList<>();
        for (Level l : all) {
            (l.price() > price ? above : below).add(l);
        }
        above.sort(nearestFirst);
        below.sort(nearestFirst);
        return new LevelsResult(r.symbol(), r.interval(), r.lookback(), price, numLevels,
                above.subList(0, Math.min(numLevels, above.size())), below.subList(0, Math.min(numLevels, below.size())),
                r.dataTime(), r.source());
    }

    private static Level level(LevelType type, double levelPrice, double price, int strength) {
        return new Level(type, levelPrice, round(pct(levelPrice - price, price), 2), strength);
    }

    // ---------------------------------------------------------------- compare

    /** {@code HIGHER} when the current VAL is at or above the historical VAH, {@code LOWER} mirrored, else overlapping. */
    public static ShiftDirection shift(double curVal, double curVah, double histVal, double histVah) {
        if (curVal >= histVah) {
            return ShiftDirection.HIGHER;
        }
        if (curVah <= histVal) {
            return ShiftDirection.LOWER;
        }
        return ShiftDirection.OVERLAPPING;
    }

    /** Length of the price range two value areas share (0 when they do not overlap). */
    public static double overlap(double aVal, double aVah, double bVal, double bVah) {
        return Math.max(0, Math.min(aVah, bVah) - Math.max(aVal, bVal));
    }

    /**
     * The {@code compare} answer.
     *
     * <p>Bias and confidence: HIGHER → LONG and LOWER → SHORT with {@code 55 + 30·min(1, gap / historical VA
     * width)} (55 when the value areas touch, 85 when the gap is a whole historical value area wide); OVERLAPPING →
     * NEUTRAL with {@code 30 + 0.4·min(both overlap %)} (70 when the value areas coincide).
     *
     * @param current    profile of the newest {@code lookback} closed candles
     * @param historical profile of the {@code lookback × multiplier} closed candles before them
     * @param cw         window of the current profile (price, times, source)
     * @param historicalFrom open time of the historical profile's oldest candle
     * @param historicalTo   close time of its newest candle
     * @param multiplier the historical profile's length in current windows
     */
    public static CompareResult compare(Profile current, Profile historical, Window cw, long historicalFrom,
                                        long historicalTo, int multiplier) {
        double cVal = current.val();
        double cVah = current.vah();
        double hVal = historical.val();
        double hVah = historical.vah();
        double cPoc = current.pocPrice();
        double hPoc = historical.pocPrice();
        int scale = Math.max(current.tickScale(), historical.tickScale()) + 1;
        double migration = round(cPoc - hPoc, scale);
        double migrationPct = round(pct(cPoc - hPoc, hPoc), 2);
        double shared = overlap(cVal, cVah, hVal, hVah);
        double cIn = round(100 * shared / (cVah - cVal), 2);
        double hIn = round(100 * shared / (hVah - hVal), 2);
        ShiftDirection direction = shift(cVal, cVah, hVal, hVah);
        Bias bias;
        double c;
        switch (direction) {
            case HIGHER -> {
                bias = Bias.LONG;
                c = 55 + 30 * Math.min(1, (cVal - hVah) / (hVah - hVal));
            }
            case LOWER -> {
                bias = Bias.SHORT;
                c = 55 + 30 * Math.min(1, (hVal - cVah) / (hVah - hVal));
            }
            default -> {
                bias = Bias.NEUTRAL;
                c = 30 + 0.4 * Math.min(cIn, hIn);
            }
        }
        int confidence = clamp((int) Math.round(c));

        List<String> reasoning = new ArrayList<>();
        String cur = "(" + fmt(cVal) + " - " + fmt(cVah) + ")";
        String hist = "(" + fmt(hVal) + " - " + fmt(hVah) + ")";
        reasoning.add(switch (direction) {
            case HIGHER -> "Current value area " + cur + " is entirely above the historical one " + hist
                    + " - value migrating higher";
            case LOWER -> "Current value area " + cur + " is entirely below the historical one " + hist
                    + " - value migrating lower";
            case OVERLAPPING -> "Current value area " + cur + " overlaps the historical one " + hist + ": "
                    + fmt(cIn) + "% of it lies inside the historical value area, which it covers " + fmt(hIn)
                    + "% of" + (migration > 0 ? " - overlapping, shifted higher" : migration < 0
                    ? " - overlapping, shifted lower" : "");
        });
        reasoning.add(migration == 0 ? "POC unchanged at " + fmt(cPoc)
                : "POC moved from " + fmt(hPoc) + " to " + fmt(cPoc) + " (" + signedPrice(migration) + ", "
                + signed(migrationPct) + "%)");
        reasoning.add("Current profile: the last " + current.candles() + " closed " + cw.interval()
                + " candles; historical: the " + historical.candles() + " closed candles before them ("
                + multiplier + "x the lookback of " + cw.lookback() + ")");

        return new CompareResult(cw.symbol(), cw.interval(), cw.lookback(), multiplier, cw.currentPrice(),
                snapshot(current, cw.fromTime(), cw.dataTime()), snapshot(historical, historicalFrom, historicalTo),
                migration, migrationPct, cIn, hIn, direction, bias, confidence, reasoning, cw.dataTime(), cw.source());
    }

    static ProfileSnapshot snapshot(Profile p, long from, long to) {
        return new ProfileSnapshot(p.candles(), from, to, p.pocPrice(), round(p.volumePct(p.poc()), 2), p.vah(), p.val(),
                round(100 * p.vaVolume() / p.totalVolume(), 2), p.binSize().doubleValue(), p.rangeLow(), p.rangeHigh(),
                round(p.totalVolume(), 6));
    }

    // ---------------------------------------------------------------- numbers

    static double pct(double delta, double base) {
        return base == 0 ? 0 : 100 * delta / base;
    }

    static double round(double v, int scale) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(100, v));
    }

    /** {@code 42800}, {@code 0.5234}: plain, no trailing zeros, no exponent. */
    static String fmt(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0, RoundingMode.UNNECESSARY);
        }
        return d.toPlainString();
    }

    /** {@code +0.81} / {@code -1.2}, rounded to two decimals. */
    static String signed(double v) {
        double r = round(v, 2);
        return (r > 0 ? "+" : "") + fmt(r);
    }

    /** {@code +800} / {@code -0.0012}: a price difference, sign included, unrounded. */
    static String signedPrice(double v) {
        return (v > 0 ? "+" : "") + fmt(v);
    }
}
