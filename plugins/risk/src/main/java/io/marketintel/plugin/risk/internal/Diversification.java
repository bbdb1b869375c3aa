package io.marketintel.plugin.risk.internal;

/**
 * Correlation-aware diversification of a set of positions.
 *
 * <p>With {@code w_i = signed notional_i / Σ|notional_j|} (longs positive, shorts negative, so {@code Σ|w_i| = 1})
 * and {@code R} the correlation matrix of the symbols' returns, the portfolio's return variance relative to one
 * undiversified position of the same gross exposure (all symbols taken as equally volatile) is
 * {@code q = wᵀRw = Σ_i Σ_j w_i w_j ρ_ij}. Then
 * <ul>
 *   <li>{@code effective bets = 1 / q}: how many equal, mutually uncorrelated positions carry the same risk —
 *       1 for one position or for positions that move as one, n for n equal uncorrelated ones;</li>
 *   <li>{@code diversification score = 100 × (1 − q)}: 0 for one position (or perfectly correlated ones in the same
 *       direction), 50 for two equal uncorrelated ones, 66.67 for three, 100 for a perfect offset (a long and an
 *       equal short of perfectly correlated symbols).</li>
 * </ul>
 * The direction matters: a long and a short of correlated symbols offset each other, two longs do not. A pair whose
 * correlation is unknown ({@code NaN}) is taken as moving fully together in the direction that adds up
 * ({@code ρ_ij = sign(w_i)·sign(w_j)}), the conservative choice: it never earns diversification or an offset it has
 * not shown. {@code q} is clamped to [0, 1] (an estimated matrix need not be exactly positive semi-definite).
 */
final class Diversification {

    /** Below this variance ratio the positions offset completely and effective bets are not reported. */
    static final double FULL_OFFSET = 1e-9;

    private Diversification() {
    }

    /**
     * {@code q = wᵀRw} of the signed notionals, weights normalised by the gross exposure.
     *
     * @param signedNotionals signed notional per position
     * @param correlation     square matrix over the same positions, 1 on the diagonal, {@code NaN} where unknown
     * @return q in [0, 1], or 0 without exposure
     */
    static double varianceRatio(double[] signedNotionals, double[][] correlation) {
        int n = signedNotionals.length;
        double gross = 0;
        for (double x : signedNotionals) {
            gross += Math.abs(x);
        }
        if (gross <= 0) {
            return 0;
        }
        double q = 0;
        for (int i = 0; i < n; i++) {
            double wi = signedNotionals[i] / gross;
            for (int j = 0; j < n; j++) {
                double wj = signedNotionals[j] / gross;
                double rho = i == j ? 1.0 : correlation[i][j];
                if (Double.isNaN(rho)) {
                    rho = Math.signum(wi) * Math.signum(wj);
                }
                q += wi * wj * rho;
            }
        }
        return Math.max(0.0, Math.min(1.0, q));
    }

    /** {@code 100 × (1 − q)}. */
    static double score(double q) {
        return 100.0 * (1.0 - q);
    }

    /** {@code 1 / q}, or null for a complete offset. */
    static Double effectiveBets(double q) {
        return q < FULL_OFFSET ? null : 1.0 / q;
    }
}
