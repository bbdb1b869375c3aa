package io.marketintel.plugin.mtf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made candles. Series end with the candle forming at {@link #NOW}. */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    /** 2024-08-08T13:37:30Z: inside the 1m candle of 13:37, the 5m of 13:35, … the 1d of 2024-08-08. */
    static final long NOW = Instant.parse("2024-08-08T13:37:30Z").toEpochMilli();
    /** The six timeframes of the specification, shortest first. */
    static final List<Interval> SIX = List.of(Interval.M1, Interval.M5, Interval.M15, Interval.H1, Interval.H4,
            Interval.D1);

    private Fixtures() {
    }

    /** A candle of {@code tf} opening at {@code open}; volume 100, quote volume at the close. */
    static Kline kline(Interval tf, long open, double o, double h, double l, double c) {
        return new Kline(open, o, h, l, c, 100, open + tf.millis() - 1, c * 100, 1000, 50, c * 50);
    }

    /** {@code p0 · (1 + g)^k} for {@code k = 0 … n−1}: a steady percentage trend. */
    static double[] geometric(int n, double p0, double g) {
        double[] out = new double[n];
        double p = p0;
        for (int k = 0; k < n; k++) {
            out[k] = p;
            p *= 1 + g;
        }
        return out;
    }

    /** {@code n} closes of {@code value}. */
    static double[] constant(int n, double value) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    /**
     * Closed candles of {@code tf} with the given closes, the last one closing just before the candle that forms at
     * {@code now}, followed by that forming candle (close {@code formingClose}). Each candle opens at the previous
     * close (the first at its own close) and spans {@code ±rangePct} % beyond its open and close:
     * {@code high = max(open, close)·(1 + r)}, {@code low = min(open, close)·(1 − r)}.
     */
    static List<Kline> series(Interval tf, long now, double[] closes, double rangePct, double formingClose) {
        double r = rangePct / 100.0;
        long forming = tf.openTimeOf(now);
        List<Kline> out = new ArrayList<>(closes.length + 1);
        double prev = closes.length > 0 ? closes[0] : formingClose;
        for (int k = 0; k <= closes.length; k++) {
            double c = k < closes.length ? closes[k] : formingClose;
            long open = forming - (long) (closes.length - k) * tf.millis();
            out.add(kline(tf, open, prev, Math.max(prev, c) * (1 + r), Math.min(prev, c) * (1 - r), c));
            prev = c;
        }
        return out;
    }

    /** Candles of {@code tf} with absolute highs and lows ({@code close ± halfRange}), plus a forming copy of the last. */
    static List<Kline> seriesAbsolute(Interval tf, long now, double[] closes, double halfRange) {
        long forming = tf.openTimeOf(now);
        List<Kline> out = new ArrayList<>(closes.length + 1);
        double prev = closes[0];
        for (int k = 0; k <= closes.length; k++) {
            double c = k < closes.length ? closes[k] : closes[closes.length - 1];
            long open = forming - (long) (closes.length - k) * tf.millis();
            out.add(kline(tf, open, prev, c + halfRange, c - halfRange, c));
            prev = c;
        }
        return out;
    }

    /** A market in which every one of {@code tfs} trends by {@code g} per candle over {@code closed} closed candles. */
    static FakeMarketData trending(List<Interval> tfs, int closed, double g) {
        FakeMarketData m = new FakeMarketData();
        for (Interval tf : tfs) {
            double[] c = geometric(closed, 100, g);
            m.klines(BTC, tf, series(tf, NOW, c, 0.2, c[closed - 1] * (1 + g)));
        }
        return m;
    }

    /** A context for the mtf plugin on {@code market}, at {@link #NOW}. */
    static FakePluginContext context(PluginDescriptor descriptor, FakeMarketData market) {
        return new FakePluginContext(descriptor, MtfSettings.defaultParams(), market).clockAt(NOW);
    }

    /** The value of an already completed, successful future. */
    static <T> T done(Future<T> f) {
        assertThat(f.isComplete()).as("future completed").isTrue();
        if (f.failed()) {
            throw new AssertionError("expected success, failed with " + f.cause(), f.cause());
        }
        return f.result();
    }

    /** The cause of an already completed, failed future. */
    static Throwable failure(Future<?> f) {
        assertThat(f.isComplete()).as("future completed").isTrue();
        assertThat(f.failed()).as("future failed, result was %s", f.succeeded() ? f.result() : null).isTrue();
        return f.cause();
    }
}
