package io.marketintel.plugin.correlation.internal;

/** Rounding for output; decisions are always taken on the unrounded values. */
final class Round {

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};

    private Round() {
    }

    /**
     * {@code v} rounded half away from zero to {@code digits} decimals (0 … 10); NaN and infinities unchanged.
     * {@code k / 10^d} is the double nearest to the decimal, so it prints as that decimal ({@code 0.87}).
     */
    static double to(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = POW10[digits];
        double scaled = v * f;
        if (Math.abs(scaled) >= 1e15) {
            return v;
        }
        double r = Math.signum(scaled) * Math.floor(Math.abs(scaled) + 0.5) / f;
        return r == 0 ? 0.0 : r;   // no -0.0 in answers
    }
}
