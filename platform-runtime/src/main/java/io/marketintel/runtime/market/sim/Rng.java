package io.marketintel.runtime.market.sim;

/**
 * Counter-based random numbers: every draw is a pure function of its key (seed, stream, symbol,
 * indices), so any part of the market can be computed without generating what came before it.
 * There is no generator state anywhere.
 */
final class Rng {

    // Stream ids keep unrelated draws apart; never reuse or renumber one (it would change every market).
    static final long MARKET_FACTOR = 1;
    static final long HOUR_SHOCK = 2;
    static final long MARKET_REGIME = 3;
    static final long SYMBOL_REGIME = 4;
    static final long REGIME_FOLLOW = 5;
    static final long PREMIUM = 6;
    static final long OPEN_INTEREST = 7;
    static final long GENESIS = 8;
    static final long MINUTE_SHOCK = 10;
    static final long MINUTE_HIGH = 11;
    static final long MINUTE_LOW = 12;
    static final long MINUTE_VOLUME = 13;
    static final long MINUTE_TAKER = 14;
    static final long MINUTE_TRADES = 15;
    static final long SECOND_SHOCK = 16;
    static final long SECOND_EXTREMES = 17;
    static final long BOOK_SPREAD = 20;
    static final long BOOK_OCCUPIED = 21;
    static final long BOOK_SIZE = 22;
    static final long BOOK_PHASE = 23;
    static final long WALL = 24;
    static final long SPOOF = 25;
    static final long SPOOF_VISIBLE = 26;
    static final long BOOK_ID = 27;
    static final long MARK = 30;
    static final long PREMIUM_MINUTE = 31;
    static final long OI_NOISE = 32;
    static final long RATIO_HOUR = 33;
    static final long RATIO_PERIOD = 34;
    static final long LAST_QTY = 35;

    private Rng() {
    }

    /** 64 well-mixed bits for the key. */
    static long bits(long seed, long stream, long a, long b, long c) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ (stream * 0xBF58476D1CE4E5B9L));
        h = mix(h ^ (a * 0x94D049BB133111EBL));
        h = mix(h ^ (b * 0xD6E8FEB86659FD93L));
        return mix(h ^ (c * 0xA0761D6478BD642FL));
    }

    /**
     * A cheap sub-stream: the {@code i}-th draw below a key already mixed by {@link #bits}. Lets hot loops
     * hash the (seed, stream, symbol, hour) part once and pay one mix per draw.
     */
    static long at(long base, long i) {
        return mix(base ^ ((i + 1) * 0x9E3779B97F4A7C15L));
    }

    /** Uniform in (0, 1) from 64 mixed bits. */
    static double toUniform(long bits) {
        return ((bits >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** Standard normal from 64 mixed bits. */
    static double toNormal(long bits) {
        return inverseNormal(toUniform(bits));
    }

    /**
     * An approximately standard normal draw from 64 mixed bits: the centred sum of four 16-bit uniforms
     * (Irwin–Hall), scaled to unit variance. Bounded by ±3.46 and several times cheaper than
     * {@link #inverseNormal}; used for minute, second and book noise where exact tails do not matter.
     */
    static double toFastNormal(long bits) {
        double sum = (bits & 0xFFFFL) + ((bits >>> 16) & 0xFFFFL) + ((bits >>> 32) & 0xFFFFL) + (bits >>> 48) + 2.0;
        return (sum * 0x1.0p-16 - 2.0) * SQRT_3;
    }

    private static final double SQRT_3 = Math.sqrt(3);

    /** Uniform in the open interval (0, 1). */
    static double uniform(long seed, long stream, long a, long b, long c) {
        return ((bits(seed, stream, a, b, c) >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** Standard normal. */
    static double normal(long seed, long stream, long a, long b, long c) {
        return inverseNormal(uniform(seed, stream, a, b, c));
    }

    /** Exponential with mean 1. */
    static double exponential(long seed, long stream, long a, long b, long c) {
        return -Math.log(uniform(seed, stream, a, b, c));
    }

    /** SplitMix64 / Stafford variant 13 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Inverse of the standard normal CDF (P. J. Acklam's rational approximation, relative error below
     * 1.2e-9), which needs a logarithm only in the tails.
     */
    static double inverseNormal(double p) {
        final double plow = 0.02425;
        if (p < plow) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
                    / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        if (p > 1 - plow) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
                    / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q
                / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
    }

    private static final double A1 = -3.969683028665376e+01;
    private static final double A2 = 2.209460984245205e+02;
    private static final double A3 = -2.759285104469687e+02;
    private static final double A4 = 1.383577518672690e+02;
    private static final double A5 = -3.066479806614716e+01;
    private static final double A6 = 2.506628277459239e+00;
    private static final double B1 = -5.447609879822406e+01;
    private static final double B2 = 1.615858368580409e+02;
    private static final double B3 = -1.556989798598866e+02;
    private static final double B4 = 6.680131188771972e+01;
    private static final double B5 = -1.328068155288572e+01;
    private static final double C1 = -7.784894002430293e-03;
    private static final double C2 = -3.223964580411365e-01;
    private static final double C3 = -2.400758277161838e+00;
    private static final double C4 = -2.549732539343734e+00;
    private static final double C5 = 4.374664141464968e+00;
    private static final double C6 = 2.938163982698783e+00;
    private static final double D1 = 7.784695709041462e-03;
    private static final double D2 = 3.224671290700398e-01;
    private static final double D3 = 2.445134137142996e+00;
    private static final double D4 = 3.754408661907416e+00;
}
