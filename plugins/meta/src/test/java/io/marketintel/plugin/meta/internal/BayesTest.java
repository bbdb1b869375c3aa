package io.marketintel.plugin.meta.internal;

import static io.marketintel.plugin.meta.internal.Fixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The posterior update and the Student-t marginal, against values computed by hand (conjugate formulas written out
 * below) and against published t-table values and the closed forms of the t CDF.
 */
class BayesTest {

    /**
     * Prior m0 = 0, kappa0 = 1, s0 = 2 (alpha0 = 2, beta0 = 4); data 1, 2, 3: n = 3, mean 2, S = 2.
     * kappa = 1 + 3 = 4; m = (1·0 + 3·2) / 4 = 1.5; alpha = 2 + 3/2 = 3.5;
     * beta = 4 + 2/2 + 1·3·(2 − 0)² / (2·4) = 4 + 1 + 1.5 = 6.5; scale = √(6.5 / (3.5·4)) = √0.4642857…; dof 7.
     */
    @Test
    void conjugateUpdateByHand() {
        Nig prior = Nig.prior(0, 1, 2);
        assertThat(prior.alpha()).isEqualTo(2.0);
        assertThat(prior.beta()).isEqualTo(4.0);
        Nig post = prior.update(new double[] {1, 2, 3});
        assertClose(post.kappa(), 4);
        assertClose(post.m(), 1.5);
        assertClose(post.alpha(), 3.5);
        assertClose(post.beta(), 6.5);
        assertThat(post.n()).isEqualTo(3);
        assertClose(post.dof(), 7);
        assertClose(post.scale(), Math.sqrt(6.5 / 14.0));
        // P(mu > 0) = F_7(1.5 / scale), with the closed form of the t CDF for odd dof.
        assertThat(post.probabilityAbove(0)).isCloseTo(tCdfOdd(1.5 / Math.sqrt(6.5 / 14.0), 7), within(1e-10));
    }

    @Test
    void updatingInTwoStepsEqualsUpdatingAtOnce() {
        Nig prior = Nig.prior(0.3, 2.5, 1.7);
        Nig once = prior.update(new double[] {0.5, -1.2, 2.4, 0.1, 3.3});
        Nig twice = prior.update(new double[] {0.5, -1.2}).update(new double[] {2.4, 0.1, 3.3});
        assertClose(once.m(), twice.m());
        assertClose(once.kappa(), twice.kappa());
        assertClose(once.alpha(), twice.alpha());
        assertThat(once.beta()).isCloseTo(twice.beta(), within(1e-12));
    }

    @Test
    void aPriorWithoutDataIsThePrior() {
        Nig prior = Nig.prior(0, 1, 2);
        assertThat(prior.update(new double[0])).isEqualTo(prior);
        assertClose(prior.probabilityAbove(0), 0.5);
    }

    @Test
    void credibleIntervalIsSymmetricWithTheTQuantile() {
        Nig post = Nig.prior(0, 1, 2).update(new double[] {1, 2, 3});
        double[] ci = post.credibleInterval(0.95);
        // t(0.975; 7) = 2.364624 (table)
        assertThat(ci[0]).isCloseTo(1.5 - 2.364624 * post.scale(), within(1e-5));
        assertThat(ci[1]).isCloseTo(1.5 + 2.364624 * post.scale(), within(1e-5));
    }

    @ParameterizedTest(name = "F({0}; {1}) = {2}")
    @CsvSource({
            "1.0,    1,  0.75",          // Cauchy: 1/2 + atan(1)/pi
            "2.0,    2,  0.9082482904638631", // 1/2 + t / (2 sqrt(2 + t^2))
            "2.228,  10, 0.975",         // t tables, 3 decimals
            "1.697,  30, 0.95",
            "1.711,  24, 0.95",
            "2.064,  24, 0.975",
            "-2.064, 24, 0.025",
            "0,      5,  0.5"})
    void cdfAgainstTables(double t, double nu, double expected) {
        assertThat(StudentT.cdf(t, nu)).isCloseTo(expected, within(1.5e-4));
    }

    @Test
    void cdfAgainstClosedForms() {
        for (double t : new double[] {-3.1, -0.4, 0.25, 1.0, 2.2, 5.0}) {
            assertThat(StudentT.cdf(t, 7)).as("dof 7, t %s", t).isCloseTo(tCdfOdd(t, 7), within(1e-10));
            assertThat(StudentT.cdf(t, 24)).as("dof 24, t %s", t).isCloseTo(tCdfEven(t, 24), within(1e-10));
        }
    }

    @Test
    void quantileInvertsTheCdf() {
        assertThat(StudentT.quantile(0.975, 24)).isCloseTo(2.0639, within(1e-4));
        assertThat(StudentT.quantile(0.95, 1e6)).isCloseTo(1.6449, within(1e-4));
        for (double p : new double[] {0.01, 0.3, 0.5, 0.9, 0.999}) {
            assertThat(StudentT.cdf(StudentT.quantile(p, 9), 9)).isCloseTo(p, within(1e-10));
        }
    }

    /** The t CDF for odd dof: 1/2 + (θ + sinθ·cosθ·Σ_{k=0}^{(ν−3)/2} a_k cos^{2k}θ)/π, a_0 = 1, a_k = a_{k−1}·2k/(2k+1). */
    static double tCdfOdd(double t, int nu) {
        double theta = Math.atan(t / Math.sqrt(nu));
        double c2 = Math.cos(theta) * Math.cos(theta);
        double sum = 0;
        double a = 1;
        double pow = 1;
        for (int k = 0; k <= (nu - 3) / 2; k++) {
            if (k > 0) {
                a *= 2.0 * k / (2.0 * k + 1);
                pow *= c2;
            }
            sum += a * pow;
        }
        double inner = nu == 1 ? theta : theta + Math.sin(theta) * Math.cos(theta) * sum;
        return 0.5 + inner / Math.PI;
    }

    /** The t CDF for even dof: 1/2 + sinθ·Σ_{k=0}^{ν/2−1} b_k cos^{2k}θ / 2, b_0 = 1, b_k = b_{k−1}·(2k−1)/(2k). */
    static double tCdfEven(double t, int nu) {
        double theta = Math.atan(t / Math.sqrt(nu));
        double c2 = Math.cos(theta) * Math.cos(theta);
        double sum = 0;
        double b = 1;
        double pow = 1;
        for (int k = 0; k < nu / 2; k++) {
            if (k > 0) {
                b *= (2.0 * k - 1) / (2.0 * k);
                pow *= c2;
            }
            sum += b * pow;
        }
        return 0.5 + Math.sin(theta) * sum / 2;
    }
}
