package io.marketintel.api.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API contract a plugin author relies on: argument checks, lookbacks, NaN warm-up, short inputs. */
class ContractTest {

    private static final double[] PRICES = {10, 11, 10.5, 12, 11.8, 12.4, 13, 12.2, 12.9, 13.5, 13.1, 14, 13.7,
        14.2, 14.9, 14.1, 15, 15.6, 15.2, 16, 15.7, 16.3, 17, 16.4, 17.2, 17.8, 17.1, 18, 18.6, 18.2, 19, 19.5,
        19.1, 20, 20.4, 19.8, 20.6, 21};

    static Stream<Arguments> invalidArguments() {
        double[] p = PRICES;
        double[] out = new double[p.length];
        double[] shortOut = new double[p.length - 1];
        return Stream.of(
                bad("sma period 0", () -> MovingAverages.sma(p, 0, out), "argument [period] must be >= 1, was 0"),
                bad("sma null input", () -> MovingAverages.sma(null, 3, out), "argument [in] must not be null"),
                bad("sma short out", () -> MovingAverages.sma(p, 3, shortOut), "argument [out] must have length >= 38"),
                bad("sma aliased", () -> MovingAverages.sma(p, 3, p), "arguments [in] and [out] must be different arrays"),
                bad("ema period -1", () -> MovingAverages.ema(p, -1, out), "argument [period] must be >= 1, was -1"),
                bad("rsi period 1", () -> Oscillators.rsi(p, 1, out), "argument [period] must be >= 2, was 1"),
                bad("macd slow <= fast", () -> Oscillators.macd(p, 12, 12, 9), "argument [slowPeriod] must be >= 13, was 12"),
                bad("macd fast 1", () -> Oscillators.macdLookback(1, 26, 9), "argument [fastPeriod] must be >= 2, was 1"),
                bad("macd signal 0", () -> Oscillators.macd(p, 3, 5, 0), "argument [signalPeriod] must be >= 1, was 0"),
                bad("macd shared outputs", () -> Oscillators.macd(p, 3, 5, 2, out, out, new double[p.length]),
                        "arguments [outMacd] and [outSignal] must be different arrays"),
                bad("atr lengths", () -> Volatility.atr(p, new double[3], p, 14, out),
                        "arguments [high] and [low] must have the same length, were 38 and 3"),
                bad("atr period 0", () -> Volatility.atr(p, p, p, 0, out), "argument [period] must be >= 1, was 0"),
                bad("stddev period 1", () -> Volatility.stdDev(p, 1, out), "argument [period] must be >= 2, was 1"),
                bad("adx period 1", () -> Directional.adx(p, p, p, 1), "argument [period] must be >= 2, was 1"),
                bad("adx no output", () -> Directional.adx(p, p, p, 14, null, null, null),
                        "arguments [outAdx], [outPlusDi] and [outMinusDi] must not all be null"),
                bad("adx close length", () -> Directional.adx(p, p, new double[2], 14),
                        "arguments [high] and [close] must have the same length, were 38 and 2"),
                bad("returns short out", () -> Statistics.simpleReturns(p, shortOut), "argument [out] must have length >= 38"),
                bad("pearson lengths", () -> Statistics.pearson(p, new double[2]),
                        "arguments [x] and [y] must have the same length, were 38 and 2"),
                bad("pearson one value", () -> Statistics.pearson(new double[1], new double[1]),
                        "arguments [from, to) must select at least 2 values"),
                bad("beta range", () -> Statistics.beta(p, p, 5, 40), "arguments [from, to) must select at least 2 values within [0, 38), were [5, 40)"),
                bad("matrix ragged", () -> Statistics.correlationMatrix(new double[][] {p, new double[5]}),
                        "argument [series] must hold series of one length: series[0] has 38 values, series[1] has 5"),
                bad("matrix scratch", () -> Statistics.correlationMatrix(new double[][] {p, p}, 0, 38, new double[2][2], new double[10]),
                        "argument [scratch] must have length >= 76"),
                bad("zscore too short", () -> Statistics.zScore(new double[3], 5), "argument [in] must have length >= period (5), was 3"),
                bad("rolling zscore period", () -> Statistics.rollingZScore(p, 1), "argument [period] must be >= 2, was 1"));
    }

    private static Arguments bad(String name, Runnable call, String message) {
        return Arguments.of(name, call, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArguments")
    void invalidArgumentsAreRejectedWithTheirName(String name, Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    /** Each kernel, its declared lookback, and the output it is checked on. */
    static Stream<Arguments> lookbacks() {
        double[] p = PRICES;
        double[] hi = new double[p.length];
        double[] lo = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            hi[i] = p[i] + 0.3 + 0.1 * (i % 3);
            lo[i] = p[i] - 0.4 - 0.1 * (i % 2);
        }
        return Stream.of(
                lb("sma(5)", MovingAverages.smaLookback(5), out -> MovingAverages.sma(p, 5, out)),
                lb("ema(7)", MovingAverages.emaLookback(7), out -> MovingAverages.ema(p, 7, out)),
                lb("rsi(14)", Oscillators.rsiLookback(14), out -> Oscillators.rsi(p, 14, out)),
                lb("macd(3,8,4) line", Oscillators.macdLookback(3, 8, 4),
                        out -> Oscillators.macd(p, 3, 8, 4, out, new double[p.length], new double[p.length])),
                lb("macd(3,8,4) signal", Oscillators.macdLookback(3, 8, 4),
                        out -> Oscillators.macd(p, 3, 8, 4, new double[p.length], out, new double[p.length])),
                lb("macd(3,8,4) hist", Oscillators.macdLookback(3, 8, 4),
                        out -> Oscillators.macd(p, 3, 8, 4, new double[p.length], new double[p.length], out)),
                lb("trueRange", Volatility.trueRangeLookback(), out -> Volatility.trueRange(hi, lo, p, out)),
                lb("atr(14)", Volatility.atrLookback(14), out -> Volatility.atr(hi, lo, p, 14, out)),
                lb("stdDev(10)", Volatility.stdDevLookback(10), out -> Volatility.stdDev(p, 10, out)),
                lb("sampleStdDev(10)", Volatility.stdDevLookback(10), out -> Volatility.sampleStdDev(p, 10, out)),
                lb("+DI(5)", Directional.diLookback(5), out -> Directional.plusDi(hi, lo, p, 5, out)),
                lb("-DI(5)", Directional.diLookback(5), out -> Directional.minusDi(hi, lo, p, 5, out)),
                lb("adx(5)", Directional.adxLookback(5), out -> Directional.adx(hi, lo, p, 5, out)),
                lb("simpleReturns", Statistics.returnsLookback(), out -> Statistics.simpleReturns(p, out)),
                lb("logReturns", Statistics.returnsLookback(), out -> Statistics.logReturns(p, out)),
                lb("rollingZScore(6)", Statistics.zScoreLookback(6), out -> Statistics.rollingZScore(p, 6, out)));
    }

    private static Arguments lb(String name, int lookback, Consumer<double[]> kernel) {
        return Arguments.of(name, lookback, kernel);
    }

    @ParameterizedTest(name = "{0}: {1} leading NaNs, then values")
    @MethodSource("lookbacks")
    void lookbackIsTheNumberOfLeadingNaNs(String name, int lookback, Consumer<double[]> kernel) {
        double[] out = new double[PRICES.length];
        java.util.Arrays.fill(out, 12345.0);
        kernel.accept(out);
        for (int i = 0; i < PRICES.length; i++) {
            if (i < lookback) {
                assertThat(out[i]).as("%s[%d]", name, i).isNaN();
            } else {
                assertThat(out[i]).as("%s[%d]", name, i).isFinite();
            }
        }
    }

    @ParameterizedTest(name = "{0}: input no longer than the lookback gives only NaN")
    @MethodSource("lookbacks")
    void shortInputGivesOnlyNaN(String name, int lookback, Consumer<double[]> ignored) {
        // rerun the same family of kernels on exactly `lookback` values
        double[] in = java.util.Arrays.copyOf(PRICES, lookback);
        double[] out = new double[lookback];
        java.util.Arrays.fill(out, 1.0);
        if (name.startsWith("sma")) {
            MovingAverages.sma(in, 5, out);
        } else if (name.startsWith("ema")) {
            MovingAverages.ema(in, 7, out);
        } else if (name.startsWith("rsi")) {
            Oscillators.rsi(in, 14, out);
        } else if (name.startsWith("stdDev")) {
            Volatility.stdDev(in, 10, out);
        } else if (name.startsWith("adx")) {
            Directional.adx(in, in, in, 5, out);
        } else if (name.startsWith("atr")) {
            Volatility.atr(in, in, in, 14, out);
        } else if (name.startsWith("rollingZScore")) {
            Statistics.rollingZScore(in, 6, out);
        } else {
            return;
        }
        for (double v : out) {
            assertThat(v).isNaN();
        }
    }

    @Test
    void outputLongerThanInputIsLeftUntouchedBeyondTheInput() {
        double[] out = new double[PRICES.length + 3];
        java.util.Arrays.fill(out, 7.0);
        MovingAverages.ema(PRICES, 5, out);
        assertThat(out[PRICES.length]).isEqualTo(7.0);
        assertThat(out[PRICES.length + 2]).isEqualTo(7.0);
    }

    @Test
    void inputsAreNotModified() {
        double[] copy = PRICES.clone();
        Oscillators.macd(PRICES, 3, 8, 4);
        Directional.adx(PRICES, PRICES, PRICES, 5);
        Statistics.correlationMatrix(new double[][] {PRICES, PRICES});
        assertThat(PRICES).containsExactly(copy);
    }

    @Test
    void flatMarketEdgeCases() {
        double[] flat = new double[PRICES.length];
        java.util.Arrays.fill(flat, 101.25);
        int last = flat.length - 1;
        assertThat(Oscillators.rsi(flat, 14)[last]).as("RSI with neither gains nor losses (TA-Lib: 0)").isEqualTo(0.0);
        assertThat(Volatility.stdDev(flat, 20)[last]).as("constant window").isEqualTo(0.0);
        assertThat(Statistics.rollingZScore(flat, 20)[last]).isEqualTo(0.0);
        assertThat(Statistics.zScore(flat, 20)).isEqualTo(0.0);
        assertThat(Statistics.pearson(flat, PRICES)).isNaN();
        assertThat(Statistics.beta(PRICES, flat)).isNaN();
        Directional.AdxSeries adx = Directional.adx(flat, flat, flat, 5);
        assertThat(adx.plusDi()[last]).isEqualTo(0.0);
        assertThat(adx.adx()[last]).isEqualTo(0.0);
        double[][] m = Statistics.correlationMatrix(new double[][] {PRICES, flat, PRICES});
        assertThat(m[0][2]).isEqualTo(1.0);
        assertThat(m[1][1]).isNaN();
        assertThat(m[0][1]).isNaN();
        assertThat(m[2][1]).isNaN();
    }

    @Test
    void returns() {
        double[] p = {100, 110, 99};
        assertThat(Statistics.simpleReturns(p)).containsExactly(Double.NaN, 0.10000000000000009, -0.09999999999999998);
        double[] log = Statistics.logReturns(p);
        assertThat(log[1]).isEqualTo(Math.log(1.1));
        assertThat(log[2]).isEqualTo(Math.log(0.9));
    }

    @Test
    void zScoreOfTheLastValueMatchesTheRollingSeries() {
        double[] rolling = Statistics.rollingZScore(PRICES, 6);
        assertThat(Statistics.zScore(PRICES, 6)).isCloseTo(rolling[PRICES.length - 1], org.assertj.core.api.Assertions.within(1e-12));
    }
}
