package io.marketintel.benchmarks;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/** Deterministic benchmark data: a seeded random walk of hourly OHLC bars. */
final class MarketData {

    final double[] high;
    final double[] low;
    final double[] close;

    MarketData(int bars, long seed) {
        Random random = new Random(seed);
        high = new double[bars];
        low = new double[bars];
        close = new double[bars];
        double price = 30_000.0;
        for (int i = 0; i < bars; i++) {
            double open = price;
            price *= Math.exp(0.006 * random.nextGaussian());
            double wick = price * 0.002 * Math.abs(random.nextGaussian());
            close[i] = price;
            high[i] = Math.max(open, price) + wick;
            low[i] = Math.min(open, price) - wick * random.nextDouble();
        }
    }

    /** The same bars as a ta4j series with {@code DoubleNum} values (ta4j's fastest number type). */
    BarSeries toTa4j() {
        BarSeries series = new BaseBarSeriesBuilder().withName("walk").withNumTypeOf(DoubleNum.class).build();
        ZonedDateTime t = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < close.length; i++) {
            double open = i == 0 ? close[0] : close[i - 1];
            series.addBar(Duration.ofHours(1), t.plusHours(i + 1), open, high[i], low[i], close[i], 1.0);
        }
        return series;
    }

    /** {@code m} correlated series of {@code n} returns around one common factor. */
    static double[][] correlatedReturns(int m, int n, long seed) {
        Random random = new Random(seed);
        double[] market = new double[n];
        for (int t = 0; t < n; t++) {
            market[t] = 0.01 * random.nextGaussian();
        }
        double[][] r = new double[m][n];
        for (int s = 0; s < m; s++) {
            double loading = 0.2 + 1.3 * random.nextDouble();
            for (int t = 0; t < n; t++) {
                r[s][t] = loading * market[t] + 0.008 * random.nextGaussian();
            }
        }
        return r;
    }
}
