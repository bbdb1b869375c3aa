package io.marketintel.plugin.meta.internal;

/**
 * The Student-t distribution with {@code nu} degrees of freedom (standard: location 0, scale 1). Pure functions:
 * the CDF from the regularised incomplete beta function ({@code F(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)} for {@code t ≥ 0},
 * symmetric below), evaluated with the Lentz continued fraction and a Lanczos log-gamma (absolute error below 1e-10
 * in the range the learner uses); the quantile by bisection on the CDF, so both are deterministic.
 */
final class StudentT {

    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};

    private StudentT() {
    }

    /** {@code P(T ≤ t)} for {@code T ~ t(nu)}. */
    static double cdf(double t, double nu) {
        if (!(nu > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be positive, was " + nu);
        }
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (t == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        if (t == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        double t2 = t * t;
        // x and 1 − x both computed directly: near t = 0, 1 − x would cancel to nothing.
        double tail = 0.5 * regularizedBeta(nu / (nu + t2), t2 / (nu + t2), nu / 2.0, 0.5);
        return t >= 0 ? 1.0 - tail : tail;
    }

    /** The {@code p}-quantile, {@code 0 < p < 1}. */
    static double quantile(double p, double nu) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be within (0, 1), was " + p);
        }
        double lo = -1;
        double hi = 1;
        while (cdf(lo, nu) > p) {
            lo *= 2;
        }
        while (cdf(hi, nu) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, nu) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The regularised incomplete beta function {@code I_x(a, b)}. */
    static double regularizedBeta(double x, double a, double b) {
        return regularizedBeta(x, 1 - x, a, b);
    }

    /** {@code I_x(a, b)} with {@code y = 1 − x} given separately (accurate when {@code x} is close to 1). */
    static double regularizedBeta(double x, double y, double a, double b) {
        if (x <= 0) {
            return 0.0;
        }
        if (y <= 0) {
            return 1.0;
        }
        double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * continuedFraction(x, a, b) / a;
        }
        return 1.0 - Math.exp(logFront) * continuedFraction(y, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    /** {@code ln Γ(x)} for {@code x > 0} (Lanczos, g = 7). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
