package io.marketintel.plugin.tpladder.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The ladder's arithmetic, exact where it decides quantities.
 *
 * <p><b>Interpolation.</b> A regime defines three anchors (ATR multipliers or split percentages) for TP1, TP2, TP3
 * of a three-level ladder, placed at positions 0, ½ and 1 along the ladder. A ladder of {@code n ≥ 2} levels puts
 * level {@code i} (1-based) at position {@code (i − 1) / (n − 1)} and reads the anchors piecewise linearly there; a
 * single level sits at ½ (the middle anchor). So the first and last levels keep the regime's first and last anchors
 * for every {@code n ≥ 2}, and {@code n = 3} reproduces the anchors exactly. Example, RANGING multipliers 1 / 2 /
 * 3.5 with five levels: positions 0, ¼, ½, ¾, 1 → 1, 1.5, 2, 2.75, 3.5.
 *
 * <p><b>Split.</b> Interpolated split anchors are weights, normalised to sum to 100 %: with {@code n = 2} a strong
 * trend's 20 / 50 becomes 28.57 / 71.43 %. Quantities are whole steps: with {@code U = quantity / stepSize}, level
 * {@code i < n} gets {@code floor(U × w_i / Σw)} steps and the last level the remainder, so the levels sum to the
 * position exactly. The weights are kept as exact decimals scaled by {@code n − 1} (the interpolation's only
 * denominator), so no floating-point error can move a step.
 */
final class LadderMath {

    private LadderMath() {
    }

    /**
     * The anchors interpolated at the {@code n} level positions, each multiplied by {@code n − 1} (by 1 when
     * {@code n = 1}) so that they are exact decimals.
     *
     * @param anchors three values for positions 0, ½, 1
     */
    static BigDecimal[] scaledInterpolation(List<BigDecimal> anchors, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        if (n == 1) {
            return new BigDecimal[] {anchors.get(1)};
        }
        int d = n - 1;
        BigDecimal[] out = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            int twice = 2 * i;                  // the position times 2·d: 2i/d on the [0, 2] anchor axis, times d
            int k = Math.min(twice / d, 1);     // segment: anchors 0–1 or 1–2
            int num = twice - k * d;            // the fraction into the segment, times d (0 … d)
            BigDecimal a = anchors.get(k);
            BigDecimal b = anchors.get(k + 1);
            out[i] = a.multiply(BigDecimal.valueOf(d)).add(b.subtract(a).multiply(BigDecimal.valueOf(num)));
        }
        return out;
    }

    /** The anchors interpolated at the {@code n} level positions (decimal64 precision). */
    static BigDecimal[] interpolate(List<BigDecimal> anchors, int n) {
        BigDecimal[] scaled = scaledInterpolation(anchors, n);
        BigDecimal d = BigDecimal.valueOf(Math.max(1, n - 1));
        BigDecimal[] out = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            out[i] = scaled[i].divide(d, MathContext.DECIMAL64).stripTrailingZeros();
        }
        return out;
    }

    /** The split for {@code n} levels as percentages summing to 100 (decimal64 precision). */
    static BigDecimal[] splitPct(List<BigDecimal> anchors, int n) {
        BigDecimal[] w = scaledInterpolation(anchors, n);
        BigDecimal total = sum(w);
        BigDecimal[] out = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            out[i] = w[i].multiply(BigDecimal.valueOf(100)).divide(total, MathContext.DECIMAL64);
        }
        return out;
    }

    /**
     * Splits {@code units} whole steps by the weights of {@code anchors} interpolated for {@code n} levels: every
     * level but the last gets the floor of its share, the last the remainder.
     *
     * @return steps per level, summing to {@code units}
     */
    static long[] splitUnits(long units, List<BigDecimal> anchors, int n) {
        BigDecimal[] w = scaledInterpolation(anchors, n);
        BigDecimal total = sum(w);
        long[] out = new long[n];
        long given = 0;
        BigDecimal u = BigDecimal.valueOf(units);
        for (int i = 0; i < n - 1; i++) {
            out[i] = u.multiply(w[i]).divide(total, 0, RoundingMode.FLOOR).longValueExact();
            given += out[i];
        }
        out[n - 1] = units - given;
        return out;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v);
        }
        return s;
    }
}
