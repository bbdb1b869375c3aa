package io.marketintel.plugin.mtf.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The classification of one timeframe from its {@link IndicatorSnapshot}: seven indicator votes, each in
 * {@code [−1, +1]} with a weight, averaged into a signed score. Pure arithmetic, no state.
 *
 * <h2>Votes</h2>
 * <table>
 *   <caption>votes and weights</caption>
 *   <tr><th>vote</th><th>weight</th><th>+1</th><th>−1</th></tr>
 *   <tr><td>{@code close_vs_ema_fast}</td><td>1</td><td>close above the fast EMA</td><td>below</td></tr>
 *   <tr><td>{@code close_vs_ema_slow}</td><td>1</td><td>close above the slow EMA</td><td>below</td></tr>
 *   <tr><td>{@code close_vs_ema_long}</td><td>1</td><td>close above the long EMA (absent, weight excluded,
 *       when the timeframe has fewer candles than its period)</td><td>below</td></tr>
 *   <tr><td>{@code ema_stack}</td><td>2</td><td>fast &gt; slow (&gt; long)</td><td>fast &lt; slow (&lt; long);
 *       anything else 0</td></tr>
 *   <tr><td>{@code macd_histogram}</td><td>2</td><td>histogram &gt; 0 and rising (+0.5 if not rising)</td>
 *       <td>histogram &lt; 0 and falling (−0.5 if not falling)</td></tr>
 *   <tr><td>{@code rsi}</td><td>1</td><td>RSI ≥ {@value #RSI_BULLISH}</td><td>RSI ≤ {@value #RSI_BEARISH}
 *       (between, or undefined: 0)</td></tr>
 *   <tr><td>{@code directional}</td><td>2</td><td>+DI &gt; −DI</td><td>−DI &gt; +DI; scaled by
 *       {@code min(1, ADX / }{@value #ADX_FULL_TREND}{@code )}, so a trendless market votes weakly</td></tr>
 * </table>
 * Price-level comparisons (close vs EMA, EMA vs EMA) count a difference of at most {@code neutral_band_atr × ATR}
 * as 0 (noise); the MACD histogram's sign and slope only ignore floating-point noise
 * ({@value #NOISE} × close).
 *
 * <h2>Score, strength, direction</h2>
 * {@code score = Σ weight·vote / Σ weight} over the votes present (10 in all, 9 without the long EMA), in
 * {@code [−1, +1]}. {@code strength = round(100 · |score|)}; the timeframe is BULLISH (BEARISH) when the score is
 * positive (negative) and {@code strength ≥ direction_threshold}, else NEUTRAL. The comparison uses the rounded
 * strength, the number the caller sees.
 */
public final class Scoring {

    /** RSI from which the RSI vote is bullish. */
    public static final double RSI_BULLISH = 55;
    /** RSI up to which the RSI vote is bearish. */
    public static final double RSI_BEARISH = 45;
    /** ADX from which the directional vote has its full weight (Wilder's trending market). */
    public static final double ADX_FULL_TREND = 25;
    /** Relative size (of the close) below which a difference is floating-point noise. */
    public static final double NOISE = 1e-9;

    static final double W_CLOSE_EMA = 1;
    static final double W_STACK = 2;
    static final double W_MACD = 2;
    static final double W_RSI = 1;
    static final double W_DIRECTIONAL = 2;

    private Scoring() {
    }

    /**
     * The classification of one timeframe.
     *
     * @param score     signed score {@code Σ weight·vote / Σ weight}, −1 … +1
     * @param strength  {@code round(100 · |score|)}, 0 … 100
     * @param direction BULLISH / BEARISH when {@code strength ≥ direction_threshold}, else NEUTRAL
     * @param votes     the votes, in the order of the class description
     */
    public record Classification(double score, int strength, Direction direction, List<Vote> votes) {
        public Classification {
            votes = List.copyOf(votes);
        }
    }

    /**
     * Classifies one timeframe.
     *
     * @param s                  the indicator values at its last closed candle
     * @param periods            the periods (for the reasons' wording)
     * @param neutralBandAtr     differences of price levels within this many ATRs vote 0
     * @param directionThreshold strength from which the timeframe has a direction
     */
    public static Classification classify(IndicatorSnapshot s, IndicatorPeriods periods, double neutralBandAtr,
                                          double directionThreshold) {
        double close = s.close();
        double noise = NOISE * Math.abs(close);
        double band = (Double.isFinite(s.atr()) ? neutralBandAtr * s.atr() : 0) + noise;
        List<Vote> votes = new ArrayList<>(7);

        votes.add(closeVsEma("close_vs_ema_fast", close, s.emaFast(), periods.emaFast(), band));
        votes.add(closeVsEma("close_vs_ema_slow", close, s.emaSlow(), periods.emaSlow(), band));
        boolean haveLong = Double.isFinite(s.emaLong());
        if (haveLong) {
            votes.add(closeVsEma("close_vs_ema_long", close, s.emaLong(), periods.emaLong(), band));
        }
        votes.add(stack(s, periods, band, haveLong));
        votes.add(macd(s, noise));
        votes.add(rsi(s.rsi(), periods.rsi()));
        votes.add(directional(s, periods.adx()));

        double sum = 0;
        double weights = 0;
        for (int i = 0; i < votes.size(); i++) {
            Vote v = votes.get(i);
            sum += v.weight() * v.vote();
            weights += v.weight();
        }
        double score = weights > 0 ? sum / weights : 0;
        return new Classification(score, strength(score), direction(score, directionThreshold), votes);
    }

    /** {@code round(100 · |score|)}. */
    public static int strength(double score) {
        return (int) Math.round(100.0 * Math.abs(score));
    }

    /** BULLISH / BEARISH when {@code round(100·|score|) ≥ threshold} (and the score is not 0), else NEUTRAL. */
    public static Direction direction(double score, double threshold) {
        if (score == 0 || strength(score) < threshold) {
            return Direction.NEUTRAL;
        }
        return score > 0 ? Direction.BULLISH : Direction.BEARISH;
    }

    /** {@code +1} when {@code a − b > tolerance}, {@code −1} when {@code b − a > tolerance}, else 0. */
    static int compare(double a, double b, double tolerance) {
        double d = a - b;
        if (d > tolerance) {
            return 1;
        }
        if (d < -tolerance) {
            return -1;
        }
        return 0;
    }

    private static Vote closeVsEma(String name, double close, double ema, int period, double band) {
        int c = compare(close, ema, band);
        String where = c > 0 ? "above" : c < 0 ? "below" : "at (within the neutral band of)";
        double pct = ema != 0 ? (close - ema) / ema * 100 : Double.NaN;
        return new Vote(name, c, W_CLOSE_EMA, "close " + Fmt.price(close) + " " + where + " EMA " + period + " "
                + Fmt.price(ema) + " (" + Fmt.signedPct(pct) + ")");
    }

    private static Vote stack(IndicatorSnapshot s, IndicatorPeriods p, double band, boolean haveLong) {
        int fastSlow = compare(s.emaFast(), s.emaSlow(), band);
        int slowLong = haveLong ? compare(s.emaSlow(), s.emaLong(), band) : fastSlow;
        int v = fastSlow != 0 && fastSlow == slowLong ? fastSlow : 0;
        String text = "EMA " + p.emaFast() + " " + Fmt.price(s.emaFast()) + " " + rel(fastSlow) + " EMA " + p.emaSlow()
                + " " + Fmt.price(s.emaSlow());
        if (haveLong) {
            text += " " + rel(slowLong) + " EMA " + p.emaLong() + " " + Fmt.price(s.emaLong());
        }
        text += v > 0 ? ": bullish stack" : v < 0 ? ": bearish stack" : ": mixed";
        return new Vote("ema_stack", v, W_STACK, text);
    }

    private static String rel(int c) {
        return c > 0 ? ">" : c < 0 ? "<" : "≈";
    }

    private static Vote macd(IndicatorSnapshot s, double noise) {
        double h = s.macdHistogram();
        int sign = compare(h, 0, noise);
        int slope = Double.isFinite(s.macdHistogramPrev()) ? compare(h, s.macdHistogramPrev(), noise) : 0;
        double v;
        String text;
        String slopeText = slope > 0 ? "rising" : slope < 0 ? "falling" : "flat";
        if (sign > 0) {
            v = slope > 0 ? 1 : 0.5;
            text = "MACD histogram " + Fmt.signedShort(h) + " positive and " + slopeText;
        } else if (sign < 0) {
            v = slope < 0 ? -1 : -0.5;
            text = "MACD histogram " + Fmt.signedShort(h) + " negative and " + slopeText;
        } else {
            v = 0;
            text = "MACD histogram 0 (MACD " + Fmt.signedShort(s.macd()) + " on its signal line)";
        }
        return new Vote("macd_histogram", v, W_MACD, text);
    }

    private static Vote rsi(double rsi, int period) {
        if (!Double.isFinite(rsi)) {
            return new Vote("rsi", 0, W_RSI, "RSI " + period + " undefined (no price change)");
        }
        String r = "RSI " + period + " " + Fmt.num(rsi, 1);
        if (rsi >= RSI_BULLISH) {
            return new Vote("rsi", 1, W_RSI, r + " >= " + Fmt.num(RSI_BULLISH, 0) + ": bullish momentum");
        }
        if (rsi <= RSI_BEARISH) {
            return new Vote("rsi", -1, W_RSI, r + " <= " + Fmt.num(RSI_BEARISH, 0) + ": bearish momentum");
        }
        return new Vote("rsi", 0, W_RSI, r + " between " + Fmt.num(RSI_BEARISH, 0) + " and "
                + Fmt.num(RSI_BULLISH, 0) + ": no momentum");
    }

    private static Vote directional(IndicatorSnapshot s, int period) {
        double adx = s.adx();
        int side = compare(s.plusDi(), s.minusDi(), NOISE * 100);
        double scale = Double.isFinite(adx) ? Math.min(1.0, Math.max(0.0, adx) / ADX_FULL_TREND) : 0;
        double v = side * scale;
        String di = "+DI " + Fmt.num(s.plusDi(), 1) + " " + rel(side) + " -DI " + Fmt.num(s.minusDi(), 1);
        String strength = scale >= 1 ? "trending, full weight"
                : "weak trend, vote x" + Fmt.num(scale, 2);
        return new Vote("directional", v, W_DIRECTIONAL, di + ", ADX " + period + " " + Fmt.num(adx, 1) + " ("
                + strength + ")");
    }
}
