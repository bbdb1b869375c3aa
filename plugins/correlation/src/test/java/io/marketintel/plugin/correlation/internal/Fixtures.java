package io.marketintel.plugin.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.Params;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made candles and helpers. Series start at {@link #T0}. */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    static final String ETH = "ETHUSDT";
    static final String BNB = "BNBUSDT";
    static final String SOL = "SOLUSDT";
    /** 2024-08-01T00:00:00Z, a Thursday. */
    static final long T0 = Instant.parse("2024-08-01T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;

    private Fixtures() {
    }

    /** A context for the correlation plugin on {@code market}, at {@link #T0}. */
    static FakePluginContext context(PluginDescriptor descriptor, FakeMarketData market) {
        return new FakePluginContext(descriptor, CorrelationSettings.defaultParams(), market).clockAt(T0);
    }

    /** A candle of {@code interval} opening at {@code openTime}, closing at {@code close}. */
    static Kline kline(long openTime, double close, Interval interval) {
        return new Kline(openTime, close, close, close, close, 1, openTime + interval.millis() - 1, close, 1, 0.5,
                close / 2);
    }

    /** Consecutive candles from {@code start}, one per close. */
    static List<Kline> series(long start, Interval interval, double... closes) {
        List<Kline> out = new ArrayList<>(closes.length);
        for (int i = 0; i < closes.length; i++) {
            out.add(kline(start + i * interval.millis(), closes[i], interval));
        }
        return out;
    }

    /** Prices from {@code p0} compounding {@code returns} ({@code returns.length + 1} prices). */
    static double[] prices(double p0, double... returns) {
        double[] p = new double[returns.length + 1];
        p[0] = p0;
        for (int i = 0; i < returns.length; i++) {
            p[i + 1] = p[i] * (1 + returns[i]);
        }
        return p;
    }

    /** Settings with the defaults except {@code overrides} (as the runtime would deliver after a reload). */
    static CorrelationSettings settings(Map<String, ?> overrides) {
        return CorrelationSettings.from(params(overrides));
    }

    static Params params(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(CorrelationSettings.defaultParams().asMap());
        values.putAll(overrides);
        return Params.of(values);
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
