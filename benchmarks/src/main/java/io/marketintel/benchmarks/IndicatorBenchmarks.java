package io.marketintel.benchmarks;

import io.marketintel.api.ta.Directional;
import io.marketintel.api.ta.MovingAverages;
import io.marketintel.api.ta.Oscillators;
import io.marketintel.api.ta.Statistics;
import io.marketintel.api.ta.Volatility;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceRatioIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

/**
 * Each kernel over 100,000 bars against the same indicator in ta4j 0.17, side by side ({@code <name>_ours}
 * and {@code <name>_ta4j}). The ta4j {@link BarSeries} ({@code DoubleNum}) is built once, outside the
 * measurement; each ta4j invocation creates a fresh indicator (ta4j caches values per instance) and
 * reads every bar's value, which is what the kernel computes in one call. Kernels write into
 * preallocated arrays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IndicatorBenchmarks {

    static final int BARS = 100_000;
    static final int PERIOD = 14;

    double[] high;
    double[] low;
    double[] close;
    double[] out;
    double[] out2;
    double[] out3;
    BarSeries series;
    ClosePriceIndicator closeIndicator;

    @Setup
    public void setUp() {
        MarketData data = new MarketData(BARS, 20240101L);
        high = data.high;
        low = data.low;
        close = data.close;
        out = new double[BARS];
        out2 = new double[BARS];
        out3 = new double[BARS];
        series = data.toTa4j();
        closeIndicator = new ClosePriceIndicator(series);
    }

    private static void drain(Indicator<Num> indicator, Blackhole bh) {
        for (int i = 0; i < BARS; i++) {
            bh.consume(indicator.getValue(i));
        }
    }

    @Benchmark
    public double[] sma_ours() {
        MovingAverages.sma(close, PERIOD, out);
        return out;
    }

    @Benchmark
    public void sma_ta4j(Blackhole bh) {
        drain(new SMAIndicator(closeIndicator, PERIOD), bh);
    }

    @Benchmark
    public double[] ema_ours() {
        MovingAverages.ema(close, PERIOD, out);
        return out;
    }

    @Benchmark
    public void ema_ta4j(Blackhole bh) {
        drain(new EMAIndicator(closeIndicator, PERIOD), bh);
    }

    @Benchmark
    public double[] rsi_ours() {
        Oscillators.rsi(close, PERIOD, out);
        return out;
    }

    @Benchmark
    public void rsi_ta4j(Blackhole bh) {
        drain(new RSIIndicator(closeIndicator, PERIOD), bh);
    }

    /** MACD line, signal and histogram. */
    @Benchmark
    public double[] macd_ours() {
        Oscillators.macd(close, 12, 26, 9, out, out2, out3);
        return out3;
    }

    @Benchmark
    public void macd_ta4j(Blackhole bh) {
        MACDIndicator macd = new MACDIndicator(closeIndicator, 12, 26);
        Indicator<Num> signal = macd.getSignalLine(9);
        Indicator<Num> histogram = macd.getHistogram(9);
        for (int i = 0; i < BARS; i++) {
            bh.consume(macd.getValue(i));
            bh.consume(signal.getValue(i));
            bh.consume(histogram.getValue(i));
        }
    }

    @Benchmark
    public double[] atr_ours() {
        Volatility.atr(high, low, close, PERIOD, out);
        return out;
    }

    @Benchmark
    public void atr_ta4j(Blackhole bh) {
        drain(new ATRIndicator(series, PERIOD), bh);
    }

    /** ADX with +DI and −DI. */
    @Benchmark
    public double[] adx_ours() {
        Directional.adx(high, low, close, PERIOD, out, out2, out3);
        return out;
    }

    @Benchmark
    public void adx_ta4j(Blackhole bh) {
        ADXIndicator adx = new ADXIndicator(series, PERIOD);
        PlusDIIndicator plus = new PlusDIIndicator(series, PERIOD);
        MinusDIIndicator minus = new MinusDIIndicator(series, PERIOD);
        for (int i = 0; i < BARS; i++) {
            bh.consume(adx.getValue(i));
            bh.consume(plus.getValue(i));
            bh.consume(minus.getValue(i));
        }
    }

    @Benchmark
    public double[] stddev_ours() {
        Volatility.stdDev(close, 20, out);
        return out;
    }

    @Benchmark
    public void stddev_ta4j(Blackhole bh) {
        drain(new StandardDeviationIndicator(closeIndicator, 20), bh);
    }

    @Benchmark
    public double[] returns_ours() {
        Statistics.simpleReturns(close, out);
        return out;
    }

    @Benchmark
    public void returns_ta4j(Blackhole bh) {
        ClosePriceRatioIndicator ratio = new ClosePriceRatioIndicator(series);
        Num one = series.one();
        for (int i = 0; i < BARS; i++) {
            bh.consume(ratio.getValue(i).minus(one));
        }
    }

    /** Rolling z-score over 20 bars; ta4j has no z-score indicator, so it is (close − SMA) / StdDev there. */
    @Benchmark
    public double[] zscore_ours() {
        Statistics.rollingZScore(close, 20, out);
        return out;
    }

    @Benchmark
    public void zscore_ta4j(Blackhole bh) {
        SMAIndicator mean = new SMAIndicator(closeIndicator, 20);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(closeIndicator, 20);
        for (int i = 0; i < BARS; i++) {
            bh.consume(closeIndicator.getValue(i).minus(mean.getValue(i)).dividedBy(sd.getValue(i)));
        }
    }
}
