package io.marketintel.runtime.market.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.IntelException;
import io.marketintel.api.market.Kline;
import io.marketintel.runtime.MutableClock;
import io.vertx.core.Future;
import java.util.List;

/** Helpers of the simulated-market tests (futures here complete synchronously). */
final class SimTesting {

    private SimTesting() {
    }

    static SimulatedMarket market(MutableClock clock) {
        return new SimulatedMarket(SimSettings.defaults(), clock);
    }

    static <T> T ok(Future<T> future) {
        assertThat(future.isComplete()).as("future completed").isTrue();
        if (future.failed()) {
            throw new AssertionError("expected success but failed: " + future.cause(), future.cause());
        }
        return future.result();
    }

    static IntelException failure(Future<?> future) {
        assertThat(future.isComplete()).as("future completed").isTrue();
        assertThat(future.failed()).as("future failed").isTrue();
        assertThat(future.cause()).isInstanceOf(IntelException.class);
        return (IntelException) future.cause();
    }

    /** Log returns of consecutive closes. */
    static double[] logReturns(List<Kline> klines) {
        double[] out = new double[klines.size() - 1];
        for (int i = 1; i < klines.size(); i++) {
            out[i - 1] = Math.log(klines.get(i).close() / klines.get(i - 1).close());
        }
        return out;
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    static boolean relativelyEqual(double expected, double actual, double tolerance) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        return scale == 0 || Math.abs(expected - actual) <= tolerance * scale;
    }
}
