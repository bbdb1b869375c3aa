package io.marketintel.plugin.mtf.internal;

import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A constructed market for examples: one seeded 1-minute price path (a random walk with piecewise drift), aggregated
 * into 1m … 1d candles aligned like Binance's, so every timeframe shows the same market. The path ends with the minute
 * forming at {@code now}; every timeframe's last candle is the one forming then (partial, as on an exchange).
 *
 * <p>Drift, by time before {@code now}: +0.3 %/day until 3 days ago, +0.6 %/day until 12 minutes ago, then a
 * pullback of −0.025 %/minute; volatility 0.03 % per minute (≈ 1.1 % a day). It starts 520 days back at 14 000.
 */
final class ConstructedMarket {

    private static final long MINUTE = 60_000L;
    private static final int DAYS = 520;
    private static final int KEEP = 700;
    private static final double SIGMA = 0.0003;

    private ConstructedMarket() {
    }

    private static double drift(long minutesBeforeNow) {
        if (minutesBeforeNow > 3 * 1440) {
            return 0.003 / 1440;
        }
        if (minutesBeforeNow > 12) {
            return 0.006 / 1440;
        }
        return -0.00025;
    }

    static FakeMarketData build(long now, long seed) {
        long formingMinute = Interval.M1.openTimeOf(now);
        long first = Interval.D1.openTimeOf(now) - DAYS * 86_400_000L;
        int n = (int) ((formingMinute - first) / MINUTE) + 1;
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        SplittableRandom rng = new SplittableRandom(seed);
        double p = 14_000;
        for (int i = 0; i < n; i++) {
            long before = (formingMinute - (first + i * MINUTE)) / MINUTE;
            double c = p * Math.exp(drift(before) + SIGMA * rng.nextGaussian());
            open[i] = p;
            close[i] = c;
            high[i] = Math.max(p, c) * (1 + Math.abs(rng.nextGaussian()) * SIGMA * 0.5);
            low[i] = Math.min(p, c) * (1 - Math.abs(rng.nextGaussian()) * SIGMA * 0.5);
            volume[i] = 5 + 20 * rng.nextDouble();
            p = c;
        }
        FakeMarketData m = new FakeMarketData();
        for (Interval tf : Fixtures.SIX) {
            m.klines(Fixtures.BTC, tf, aggregate(tf, first, open, high, low, close, volume, formingMinute));
        }
        return m;
    }

    /** The last {@link #KEEP} candles of {@code tf} (the last one forming), from the minute arrays. */
    private static List<Kline> aggregate(Interval tf, long first, double[] open, double[] high, double[] low,
                                         double[] close, double[] volume, long formingMinute) {
        long lastOpen = tf.openTimeOf(formingMinute);
        long firstOpen = Math.max(tf.openTimeOf(first), lastOpen - (KEEP - 1) * tf.millis());
        if (firstOpen < first) {
            firstOpen += tf.millis();
        }
        List<Kline> out = new ArrayList<>(KEEP);
        for (long o = firstOpen; o <= lastOpen; o += tf.millis()) {
            int from = (int) ((o - first) / MINUTE);
            int to = (int) Math.min(open.length, (o + tf.millis() - first) / MINUTE);   // exclusive
            double h = Double.NEGATIVE_INFINITY;
            double l = Double.POSITIVE_INFINITY;
            double v = 0;
            double q = 0;
            for (int i = from; i < to; i++) {
                h = Math.max(h, high[i]);
                l = Math.min(l, low[i]);
                v += volume[i];
                q += volume[i] * (open[i] + close[i]) / 2;
            }
            out.add(new Kline(o, open[from], h, l, close[to - 1], v, o + tf.millis() - 1, q, (long) (v * 40), v / 2,
                    q / 2));
        }
        return out;
    }
}
