package io.marketintel.plugin.meta.internal;

/**
 * A Normal-Inverse-Gamma belief about the mean {@code μ} and variance {@code σ²} of normally distributed returns (in
 * %): {@code σ² ~ InvGamma(α, β)}, {@code μ | σ² ~ N(m, σ²/κ)}. Conjugate: after observations {@code x₁ … xₙ} with
 * mean {@code x̄} and {@code S = Σ(xᵢ − x̄)²}
 * <pre>
 *   κₙ = κ₀ + n
 *   mₙ = (κ₀·m₀ + n·x̄) / κₙ
 *   αₙ = α₀ + n/2
 *   βₙ = β₀ + S/2 + κ₀·n·(x̄ − m₀)² / (2·κₙ)
 * </pre>
 * and the marginal posterior of {@code μ} is Student-t with {@code ν = 2αₙ} degrees of freedom, location {@code mₙ}
 * and scale {@code √(βₙ / (αₙ·κₙ))}. The learner's prior ({@link #prior}) has {@code α₀ = 2} and
 * {@code β₀ = s₀²} so that the prior mean of {@code σ²} is {@code β₀/(α₀ − 1) = s₀²}.
 *
 * @param m     location of {@code μ}
 * @param kappa pseudo-observations behind {@code m}
 * @param alpha shape of {@code σ²}
 * @param beta  scale of {@code σ²}
 * @param n     observations folded in so far
 */
record Nig(double m, double kappa, double alpha, double beta, int n) {

    /** Shape of the prior on the variance. */
    static final double PRIOR_ALPHA = 2.0;

    Nig {
        if (!(kappa > 0 && alpha > 0 && beta > 0) || !Double.isFinite(m)) {
            throw new IllegalArgumentException("Normal-Inverse-Gamma parameters must be finite with kappa, alpha and"
                    + " beta positive, were m=" + m + " kappa=" + kappa + " alpha=" + alpha + " beta=" + beta);
        }
    }

    /** The prior with mean {@code m0} worth {@code kappa0} observations and expected return deviation {@code s0}. */
    static Nig prior(double m0, double kappa0, double s0) {
        return new Nig(m0, kappa0, PRIOR_ALPHA, s0 * s0 * (PRIOR_ALPHA - 1), 0);
    }

    /** This belief after observing {@code xs[0 .. count)}. */
    Nig update(double[] xs, int count) {
        if (count == 0) {
            return this;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += xs[i];
        }
        double mean = sum / count;
        double s = 0;
        for (int i = 0; i < count; i++) {
            double d = xs[i] - mean;
            s += d * d;
        }
        double kn = kappa + count;
        double mn = (kappa * m + count * mean) / kn;
        double an = alpha + count / 2.0;
        double bn = beta + s / 2 + kappa * count * (mean - m) * (mean - m) / (2 * kn);
        return new Nig(mn, kn, an, bn, n + count);
    }

    /** This belief after observing all of {@code xs}. */
    Nig update(double[] xs) {
        return update(xs, xs.length);
    }

    /** Degrees of freedom of the marginal of {@code μ}. */
    double dof() {
        return 2 * alpha;
    }

    /** Scale of the marginal of {@code μ}. */
    double scale() {
        return Math.sqrt(beta / (alpha * kappa));
    }

    /** {@code P(μ > x)} under this belief. */
    double probabilityAbove(double x) {
        return 1.0 - StudentT.cdf((x - m) / scale(), dof());
    }

    /** The equal-tailed credible interval of {@code μ} holding {@code level} (0.95) of the belief. */
    double[] credibleInterval(double level) {
        double q = StudentT.quantile(0.5 + level / 2, dof());
        return new double[] {m - q * scale(), m + q * scale()};
    }
}
