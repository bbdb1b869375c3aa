package io.marketintel.api.ta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
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
import org.ta4j.core.indicators.statistics.CorrelationCoefficientIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Cross-check against ta4j 0.17 (an independent implementation, {@code DoubleNum} series) on the shared
 * real Binance spot 1h klines of all five symbols (≈24,000 bars each): values agree to 1e-6 relative,
 * {@code |ours − ta4j| ≤ 1e-6 · max(|ours|, |ta4j|)}. For the unit-free oscillating quantities (z-score
 * in σ, correlation) the magnitude floor is their natural unit, {@code max(|a|, |b|, 1)}.
 *
 * <p>Where the comparison starts. ta4j seeds every recursive average at bar 0 (EMA and Wilder's MMA
 * start from the first value; TR of bar 0 is its high − low); these kernels seed like TA-Lib with an
 * SMA over the first period. After seeding, both run the same recursion on the same inputs, so the
 * difference of the smoothed states is the initial difference times the seed's remaining weight:
 * <ul>
 *   <li>EMA ({@code α = 2/(n+1)}): {@code (1 − α)^k}; at {@code k = 10n} it is below {@code e^−19}
 *       (3e-9): SMA, EMA, MACD (slow period 26 → from bar 260), stddev, returns and z-score are compared
 *       from {@code 10 × period}.</li>
 *   <li>Wilder ({@code α = 1/n}): {@code (1 − 1/n)^k}, only {@code e^−10} (4.5e-5) at {@code 10n}:
 *       measured, RSI/ATR/±DI still differ by up to 1.6e-5 there (last difference above 1e-6 at
 *       11–13 × period) and ADX, which smooths DX a second time (difference ∝ {@code k(1 − 1/n)^k}),
 *       by up to 3.5e-4 (last above 1e-6 at 14–17 × period). They are compared from {@code 20n}
 *       ({@code (13/14)^280 = 1e-9}) and ADX from {@code 30n} ({@code 420 · (13/14)^420 = 1.3e-11}); the
 *       tolerance stays 1e-6. {@link #atrSeedDifferenceDecaysGeometrically} proves that what remains
 *       before that point is the seed alone: the ATR difference shrinks exactly by {@code 1 − 1/n} per
 *       bar.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ta4jCrossCheckTest {

    private static final double TOLERANCE = 1e-6;
    private static final int P = 14;

    static Iterable<String> symbols() {
        return SharedKlines.SYMBOLS;
    }

    @BeforeAll
    void dataPresent() {
        SharedKlines.folder();
    }

    static BarSeries series(SharedKlines k) {
        BarSeries s = new BaseBarSeriesBuilder().withName(k.symbol()).withNumTypeOf(DoubleNum.class).build();
        ZonedDateTime t = ZonedDateTime.of(2021, 4, 4, 20, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < k.close().length; i++) {
            s.addBar(Duration.ofHours(1), t.plusHours(i + 1), k.close()[i], k.high()[i], k.low()[i], k.close()[i], 0.0);
        }
        return s;
    }

    private static IntToDoubleFunction of(Indicator<Num> indicator) {
        return i -> indicator.getValue(i).doubleValue();
    }

    /** Asserts agreement from {@code from} to the end and returns the largest relative difference. */
    private static double assertAgree(String what, double[] ours, IntToDoubleFunction ta4j, int from, double floor) {
        double worst = 0.0;
        for (int i = from; i < ours.length; i++) {
            double a = ours[i];
            double b = ta4j.applyAsDouble(i);
            double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), floor);
            double rel = a == b ? 0.0 : Math.abs(a - b) / scale;
            if (!(rel <= TOLERANCE)) {
                throw new AssertionError(what + " differs at bar " + i + ": ours " + a + ", ta4j " + b
                        + " (relative " + rel + ")");
            }
            worst = Math.max(worst, rel);
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void emaFamilyFromTenPeriods(String symbol) {
        SharedKlines k = SharedKlines.load(symbol);
        BarSeries s = series(k);
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        double[] c = k.close();
        for (int period : new int[] {5, 14, 50}) {
            assertAgree(symbol + " SMA(" + period + ")", MovingAverages.sma(c, period),
                    of(new SMAIndicator(close, period)), 10 * period, 0);
            assertAgree(symbol + " EMA(" + period + ")", MovingAverages.ema(c, period),
                    of(new EMAIndicator(close, period)), 10 * period, 0);
        }
        Oscillators.MacdSeries m = Oscillators.macd(c, 12, 26, 9);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        assertAgree(symbol + " MACD line", m.macd(), of(macd), 260, 0);
        assertAgree(symbol + " MACD signal", m.signal(), of(macd.getSignalLine(9)), 260, 0);
        assertAgree(symbol + " MACD histogram", m.histogram(), of(macd.getHistogram(9)), 260, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void statisticsFromTenPeriods(String symbol) {
        SharedKlines k = SharedKlines.load(symbol);
        BarSeries s = series(k);
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        double[] c = k.close();
        int n = 20;
        // ta4j's StandardDeviationIndicator is the population standard deviation, like TA-Lib's STDDEV.
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, n);
        assertAgree(symbol + " stdDev(20)", Volatility.stdDev(c, n), of(sd), 10 * n, 0);
        SMAIndicator mean = new SMAIndicator(close, n);
        assertAgree(symbol + " rollingZScore(20)", Statistics.rollingZScore(c, n),
                i -> (c[i] - mean.getValue(i).doubleValue()) / sd.getValue(i).doubleValue(), 10 * n, 1.0);
        ClosePriceRatioIndicator ratio = new ClosePriceRatioIndicator(s);
        assertAgree(symbol + " simpleReturns", Statistics.simpleReturns(c), i -> ratio.getValue(i).doubleValue() - 1.0, 1, 0);
        assertAgree(symbol + " logReturns", Statistics.logReturns(c), i -> Math.log(ratio.getValue(i).doubleValue()), 1, 0);
        // rolling Pearson correlation of close against high over 30 bars, sampled every 97 bars
        CorrelationCoefficientIndicator corr = new CorrelationCoefficientIndicator(close,
                new org.ta4j.core.indicators.helpers.HighPriceIndicator(s), 30);
        for (int i = 300; i < c.length; i += 97) {
            double ours = Statistics.pearson(c, k.high(), i - 29, i + 1);
            double theirs = corr.getValue(i).doubleValue();
            assertThat(Math.abs(ours - theirs)).as("%s correlation at bar %d", symbol, i).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void wilderFamilyOnceTheSeedHasDecayed(String symbol) {
        SharedKlines k = SharedKlines.load(symbol);
        BarSeries s = series(k);
        double[] h = k.high();
        double[] l = k.low();
        double[] c = k.close();
        int wilderFrom = 20 * P;
        int adxFrom = 30 * P;
        assertAgree(symbol + " RSI(14)", Oscillators.rsi(c, P), of(new RSIIndicator(new ClosePriceIndicator(s), P)), wilderFrom, 0);
        assertAgree(symbol + " ATR(14)", Volatility.atr(h, l, c, P), of(new ATRIndicator(s, P)), wilderFrom, 0);
        Directional.AdxSeries d = Directional.adx(h, l, c, P);
        assertAgree(symbol + " +DI(14)", d.plusDi(), of(new PlusDIIndicator(s, P)), wilderFrom, 0);
        assertAgree(symbol + " -DI(14)", d.minusDi(), of(new MinusDIIndicator(s, P)), wilderFrom, 0);
        assertAgree(symbol + " ADX(14)", d.adx(), of(new ADXIndicator(s, P)), adxFrom, 0);
    }

    /**
     * ATR is a pure Wilder average, so if the two implementations differ only by their seed, the
     * difference at bar {@code t} is the difference at the first ATR bar ({@code t0 = 14}) times
     * {@code (1 − 1/14)^(t − t0)}, whatever the prices. Checked while the predicted difference is
     * above rounding noise (1e-9 of the ATR).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void atrSeedDifferenceDecaysGeometrically(String symbol) {
        SharedKlines k = SharedKlines.load(symbol);
        double[] ours = Volatility.atr(k.high(), k.low(), k.close(), P);
        ATRIndicator theirs = new ATRIndicator(series(k), P);
        int t0 = P;
        double d0 = ours[t0] - theirs.getValue(t0).doubleValue();
        assertThat(d0).as("seeds differ").isNotZero();
        double decay = 1.0 - 1.0 / P;
        int checked = 0;
        for (int t = t0; t < ours.length; t++) {
            double predicted = d0 * Math.pow(decay, t - t0);
            if (Math.abs(predicted) < 1e-9 * ours[t]) {
                break;
            }
            double actual = ours[t] - theirs.getValue(t).doubleValue();
            assertThat(actual).as("%s ATR difference at bar %d", symbol, t)
                    .isCloseTo(predicted, org.assertj.core.api.Assertions.within(1e-9 * Math.abs(predicted) + 1e-12 * ours[t]));
            checked++;
        }
        assertThat(checked).isGreaterThan(5 * P);
    }
}
