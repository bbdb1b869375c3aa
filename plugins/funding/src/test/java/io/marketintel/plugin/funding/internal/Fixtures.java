package io.marketintel.plugin.funding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.market.FundingRate;
import io.marketintel.api.market.LongShortRatio;
import io.marketintel.api.market.OpenInterest;
import io.marketintel.api.market.OpenInterestPoint;
import io.marketintel.api.market.Period;
import io.marketintel.api.market.PremiumIndex;
import io.marketintel.api.market.RatioSeries;
import io.marketintel.api.market.TakerVolumeRatio;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made market records. Times are whole periods after {@link #T0} unless a test adds jitter. */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    /** 2024-08-08T00:00:00Z, a funding settlement time. */
    static final long T0 = Instant.parse("2024-08-08T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;
    /** Time of the newest input of {@link #uptrend}: the premium index, 1 h 30 s after the last settlement. */
    static final long NOW = T0 + 9 * 8 * HOUR + HOUR + 30_000;

    private Fixtures() {
    }

    static PremiumIndex premium(String symbol, double rate) {
        return new PremiumIndex(symbol, 61_800.5, 61_790.2, 61_795.0, rate, 0.0001, T0 + 10 * 8 * HOUR, NOW);
    }

    /** {@code n} settled fundings {@code interval} apart from T0, plus {@code jitter[i]} ms on the i-th. */
    static List<FundingRate> fundings(int n, long interval, long... jitter) {
        List<FundingRate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long j = i < jitter.length ? jitter[i] : 0;
            out.add(new FundingRate(BTC, 0.0001, T0 + i * interval + j, 61_000.0));
        }
        return out;
    }

    /** {@code points} snapshots one {@code period} apart ending at NOW's hour, linear from first to last. */
    static List<OpenInterestPoint> oi(double first, double last, int points, Period period) {
        List<OpenInterestPoint> out = new ArrayList<>();
        long end = NOW - NOW % period.millis();
        for (int i = 0; i < points; i++) {
            double v = points == 1 ? last : first + (last - first) * i / (points - 1);
            out.add(new OpenInterestPoint(BTC, v, v * 61_800.0, end - (long) (points - 1 - i) * period.millis()));
        }
        return out;
    }

    static LongShortRatio ratio(double longShare) {
        return new LongShortRatio(BTC, longShare / (1 - longShare), longShare, 1 - longShare, NOW - 30_000);
    }

    static List<TakerVolumeRatio> taker(double... ratios) {
        List<TakerVolumeRatio> out = new ArrayList<>();
        for (int i = 0; i < ratios.length; i++) {
            out.add(new TakerVolumeRatio(ratios[i], 100 * ratios[i], 100, NOW - (long) (ratios.length - i) * HOUR));
        }
        return out;
    }

    /** {@code n} taker points of the same ratio. */
    static List<TakerVolumeRatio> takerFlat(double ratio, int n) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, ratio);
        return taker(r);
    }

    /**
     * The spec's example situation: funding 0.085 % (raw 0.00085, BULLISH), 10 fundings 8 h apart,
     * OI 10 000 → 10 820 over 25 hourly points (+8.2 % over 24 h, RISING), retail 52 % long, top traders
     * 68 % long (16 pts), taker flat at 1.0.
     */
    static FakeMarketData uptrend() {
        return uptrend(new FakeMarketData());
    }

    /** {@link #uptrend()} scripted into {@code m}. */
    static <M extends FakeMarketData> M uptrend(M m) {
        m.premiumIndex(premium(BTC, 0.00085));
        m.fundingRateHistory(BTC, fundings(10, 8 * HOUR));
        m.openInterest(new OpenInterest(BTC, 10_850.0, NOW - 1_000));
        m.openInterestHistory(BTC, oi(10_000, 10_820, 25, Period.H1));
        m.longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, List.of(ratio(0.52)));
        m.longShortRatio(BTC, RatioSeries.TOP_POSITION, List.of(ratio(0.68)));
        m.takerBuySellRatio(BTC, takerFlat(1.0, 24));
        return m;
    }

    /** Inputs of a market, as the plugin would fetch them with the default settings (what is missing is absent). */
    static SentimentInputs inputs(FakeMarketData m) {
        return new SentimentInputs(BTC, m.premiumIndex(BTC).otherwiseEmpty().result(),
                m.fundingRateHistory(BTC, Integer.MAX_VALUE).otherwise(List.of()).result(),
                m.openInterest(BTC).otherwiseEmpty().result(),
                m.openInterestHistory(BTC, Period.H1, Integer.MAX_VALUE).otherwise(List.of()).result(),
                m.longShortRatio(BTC, RatioSeries.GLOBAL_ACCOUNT, Period.H1, Integer.MAX_VALUE).otherwise(List.of())
                        .result(),
                m.longShortRatio(BTC, RatioSeries.TOP_POSITION, Period.H1, Integer.MAX_VALUE).otherwise(List.of())
                        .result(),
                m.takerBuySellRatio(BTC, Period.H1, Integer.MAX_VALUE).otherwise(List.of()).result());
    }

    /** A context for the funding plugin on {@code market}, at {@link #T0}. */
    static FakePluginContext context(PluginDescriptor descriptor, FakeMarketData market) {
        return new FakePluginContext(descriptor, FundingSettings.defaultParams(), market).clockAt(T0);
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
