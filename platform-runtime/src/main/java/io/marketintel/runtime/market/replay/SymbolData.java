package io.marketintel.runtime.market.replay;

import io.marketintel.api.market.Interval;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything replay holds for one symbol once its files are read: klines per interval (stored and
 * aggregated), mark and index price klines, metrics, funding and depth snapshots. Immutable after
 * {@link #load}; every lookup is a binary search.
 */
final class SymbolData {

    final String symbol;
    /** Trade klines: the stored intervals and every longer interval aggregated from one of them. */
    final Map<Interval, KlineSeries> klines;
    final Map<Interval, KlineSeries> markKlines;
    final Map<Interval, KlineSeries> indexKlines;
    final MetricsSeries metrics;
    final FundingSeries funding;
    final DepthSnapshots depth;
    final Precision precision;
    /** Kline rows dropped because an earlier file had a candle with the same open time. */
    final int duplicateKlines;
    final long loadNanos;

    private SymbolData(String symbol, Map<Interval, KlineSeries> klines, Map<Interval, KlineSeries> markKlines,
                       Map<Interval, KlineSeries> indexKlines, MetricsSeries metrics, FundingSeries funding,
                       DepthSnapshots depth, Precision precision, int duplicateKlines, long loadNanos) {
        this.symbol = symbol;
        this.klines = klines;
        this.markKlines = markKlines;
        this.indexKlines = indexKlines;
        this.metrics = metrics;
        this.funding = funding;
        this.depth = depth;
        this.precision = precision;
        this.duplicateKlines = duplicateKlines;
        this.loadNanos = loadNanos;
    }

    /** Reads {@code files} (all of {@code symbol}, in name order). Blocking. */
    static SymbolData load(String symbol, List<ReplayFile> files, ReplayReaders readers) {
        long t0 = System.nanoTime();
        Map<Interval, KlineSeries.Builder> kb = new EnumMap<>(Interval.class);
        Map<Interval, KlineSeries.Builder> mb = new EnumMap<>(Interval.class);
        Map<Interval, KlineSeries.Builder> ib = new EnumMap<>(Interval.class);
        MetricsSeries.Builder metrics = null;
        FundingSeries.Builder funding = null;
        List<DepthSnapshots.Snapshot> depth = new ArrayList<>();
        Precision precision = new Precision();
        Precision ignored = new Precision();
        for (ReplayFile f : files) {
            try {
                switch (f.kind()) {
                    case KLINES -> readers.readKlines(f, kb.computeIfAbsent(f.interval(), i -> new KlineSeries.Builder(
                            1024)), precision);
                    case MARK_PRICE_KLINES -> readers.readKlines(f, mb.computeIfAbsent(f.interval(),
                            i -> new KlineSeries.Builder(256)), ignored);
                    case INDEX_PRICE_KLINES -> readers.readKlines(f, ib.computeIfAbsent(f.interval(),
                            i -> new KlineSeries.Builder(256)), ignored);
                    case METRICS -> {
                        if (metrics == null) {
                            metrics = new MetricsSeries.Builder();
                        }
                        readers.readMetrics(f, metrics);
                    }
                    case FUNDING -> {
                        if (funding == null) {
                            funding = new FundingSeries.Builder();
                        }
                        readers.readFunding(f, funding);
                    }
                    case DEPTH -> depth.add(readers.readDepth(f));
                    default -> throw new IllegalArgumentException("not a symbol file: " + f.name());
                }
            } catch (UncheckedIOException e) {
                throw ReplayReaders.unreadable(f, e.getCause());
            }
        }
        int duplicates = 0;
        Map<Interval, KlineSeries> klines = new EnumMap<>(Interval.class);
        for (Map.Entry<Interval, KlineSeries.Builder> e : kb.entrySet()) {
            KlineSeries s = e.getValue().build(e.getKey(), null);
            duplicates += e.getValue().duplicates;
            if (s.size > 0) {
                klines.put(e.getKey(), s);
            }
        }
        // every longer interval from the longest stored interval that divides it exactly
        for (Interval target : Interval.values()) {
            if (klines.containsKey(target)) {
                continue;
            }
            KlineSeries best = null;
            for (KlineSeries s : klines.values()) {
                if (s.source == null && KlineSeries.divides(s.interval, target)
                        && (best == null || s.interval.millis() > best.interval.millis())) {
                    best = s;
                }
            }
            if (best != null) {
                KlineSeries agg = KlineSeries.aggregate(best, target);
                if (agg.size > 0) {
                    klines.put(target, agg);
                }
            }
        }
        return new SymbolData(symbol, Collections.unmodifiableMap(klines), build(mb), build(ib),
                metrics == null ? null : metrics.build(), funding == null ? null : funding.build(),
                depth.isEmpty() ? null : new DepthSnapshots(depth), precision, duplicates, System.nanoTime() - t0);
    }

    private static Map<Interval, KlineSeries> build(Map<Interval, KlineSeries.Builder> builders) {
        Map<Interval, KlineSeries> out = new EnumMap<>(Interval.class);
        builders.forEach((interval, b) -> {
            KlineSeries s = b.build(interval, null);
            if (s.size > 0) {
                out.put(interval, s);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The shortest stored (not aggregated) trade kline series, or null. */
    KlineSeries finest() {
        for (KlineSeries s : klines.values()) { // EnumMap: shortest interval first
            if (s.source == null) {
                return s;
            }
        }
        return null;
    }

    /** The shortest series of {@code map}, or null. */
    static KlineSeries shortest(Map<Interval, KlineSeries> map) {
        return map.isEmpty() ? null : map.values().iterator().next();
    }

    /** Stored trade-kline intervals, shortest first. */
    List<Interval> storedIntervals() {
        List<Interval> out = new ArrayList<>();
        klines.forEach((i, s) -> {
            if (s.source == null) {
                out.add(i);
            }
        });
        return out;
    }

    /** Aggregated trade-kline intervals, shortest first. */
    List<Interval> derivedIntervals() {
        List<Interval> out = new ArrayList<>();
        klines.forEach((i, s) -> {
            if (s.source != null) {
                out.add(i);
            }
        });
        return out;
    }

    /** Gaps in the stored trade-kline intervals. */
    int gapCount() {
        int n = 0;
        for (KlineSeries s : klines.values()) {
            if (s.source == null) {
                n += s.gaps.size();
            }
        }
        return n;
    }

    long missingCandles() {
        long n = 0;
        for (KlineSeries s : klines.values()) {
            if (s.source == null) {
                n += s.missing;
            }
        }
        return n;
    }
}
