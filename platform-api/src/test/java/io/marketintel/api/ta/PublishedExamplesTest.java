package io.marketintel.api.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Worked examples published outside TA-Lib, each with its source. Tolerances: half a unit of the last
 * printed digit for the StockCharts tables; one unit for Anscombe, whose common "0.816" is truncated
 * for set IV (r = 0.81652).
 */
class PublishedExamplesTest {

    /**
     * StockCharts ChartSchool, "Moving Averages - Simple and Exponential", worked example spreadsheet
     * (cs-movavg.xls): 10-day EMA seeded with the 10-day SMA, closes and EMA printed to 2 decimals.
     */
    private static final double[] STOCKCHARTS_EMA_CLOSES = {
        22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29,
        22.15, 22.39, 22.38, 22.61, 23.36, 24.05, 23.75, 23.83, 23.95, 23.63,
        23.82, 23.87, 23.65, 23.19, 23.10, 23.33, 22.68, 23.10, 22.40, 22.17,
    };
    private static final double[] STOCKCHARTS_EMA10 = {
        22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.80, 22.97, 23.13, 23.28, 23.34,
        23.43, 23.51, 23.53, 23.47, 23.40, 23.39, 23.26, 23.23, 23.08, 22.92,
    };

    /**
     * StockCharts ChartSchool, "Relative Strength Index (RSI)", worked example spreadsheet (cs-rsi.xls):
     * Wilder's 14-period RSI. The page shows the closes rounded to 2 decimals (44.34, 44.09, …); the
     * spreadsheet computes from these unrounded closes, which is why RSI from the rounded closes
     * starts at 70.46 rather than the printed 70.53.
     */
    private static final double[] STOCKCHARTS_RSI_CLOSES = {
        44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433,
        46.0826, 45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116,
        46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288,
        44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
    };
    private static final double[] STOCKCHARTS_RSI14 = {
        70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71,
        50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77,
    };

    @Test
    void stockChartsTenDayEma() {
        double[] ema = MovingAverages.ema(STOCKCHARTS_EMA_CLOSES, 10);
        for (int i = 0; i < 9; i++) {
            assertThat(ema[i]).isNaN();
        }
        for (int j = 0; j < STOCKCHARTS_EMA10.length; j++) {
            assertThat(ema[9 + j]).as("EMA10 at bar %d", 9 + j).isCloseTo(STOCKCHARTS_EMA10[j], within(0.005));
        }
    }

    @Test
    void stockChartsFourteenDayRsi() {
        double[] rsi = Oscillators.rsi(STOCKCHARTS_RSI_CLOSES, 14);
        for (int i = 0; i < 14; i++) {
            assertThat(rsi[i]).isNaN();
        }
        for (int j = 0; j < STOCKCHARTS_RSI14.length; j++) {
            assertThat(rsi[14 + j]).as("RSI14 at bar %d", 14 + j).isCloseTo(STOCKCHARTS_RSI14[j], within(0.005));
        }
    }

    /**
     * F. J. Anscombe, "Graphs in Statistical Analysis", The American Statistician 27(1), 1973: the four
     * data sets share the regression line y = 3.00 + 0.500 x and the correlation coefficient 0.816
     * (printed to three decimals).
     */
    static Stream<Arguments> anscombe() {
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        return Stream.of(
                Arguments.of("I", x, new double[] {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68}),
                Arguments.of("II", x, new double[] {9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74}),
                Arguments.of("III", x, new double[] {7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73}),
                Arguments.of("IV", new double[] {8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8},
                        new double[] {6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89}));
    }

    @ParameterizedTest(name = "Anscombe {0}: r = 0.816, slope = 0.500")
    @MethodSource("anscombe")
    void anscombeQuartet(String set, double[] x, double[] y) {
        assertThat(Statistics.pearson(x, y)).isCloseTo(0.816, within(0.001));
        assertThat(Statistics.beta(y, x)).isCloseTo(0.500, within(0.001));
        double[][] m = Statistics.correlationMatrix(new double[][] {x, y});
        assertThat(m[0][1]).isCloseTo(0.816, within(0.001));
        assertThat(m[1][0]).isEqualTo(m[0][1]);
        assertThat(m[0][0]).isEqualTo(1.0);
    }

    /**
     * NIST Statistical Reference Datasets, univariate summary statistics, NumAcc1 (lower difficulty):
     * 10000001, 10000003, 10000002; certified mean 10000002, certified (sample) standard deviation 1.
     * A large mean over a tiny spread: the cancellation trap of {@code E[x²] − mean²}.
     */
    @Test
    void nistNumAcc1SampleStandardDeviation() {
        double[] x = {10000001, 10000003, 10000002};
        double[] sample = new double[3];
        Volatility.sampleStdDev(x, 3, sample);
        assertThat(sample[2]).isEqualTo(1.0);
        // population = sample × sqrt((n−1)/n)
        assertThat(Volatility.stdDev(x, 3)[2]).isCloseTo(Math.sqrt(2.0 / 3.0), within(1e-15));
        // the last value, 10000002, is the certified mean: its z-score is 0
        assertThat(Statistics.zScore(x, 3)).isEqualTo(0.0);
    }
}
