package io.marketintel.api.ta;

/**
 * Mean and sum of squared deviations ({@code m2}) of a sliding window, updated in O(1) per bar
 * (Welford's update for a window: add the new value and remove the leaving one in one step).
 *
 * <p>An incremental update cannot recover precision once a large value has left the window (the
 * catastrophic-cancellation failure of {@code E[x²] − mean²} and of naive rolling updates). This
 * class therefore recomputes the window exactly (two passes) whenever {@code m2} falls below
 * {@code 1e-3} of the largest {@code m2} seen since the last exact computation, whenever it is not
 * positive, and every {@value #REFRESH} bars. A constant window thus yields exactly {@code 0}.
 * One instance per kernel call; not thread-safe.
 */
final class RollingMoments {

    private static final double CANCELLATION = 1e-3;
    static final int REFRESH = 1 << 14;

    private final double[] in;
    private final int period;
    double mean;
    double m2;
    private double m2Max;
    private int sinceExact;

    RollingMoments(double[] in, int period) {
        this.in = in;
        this.period = period;
    }

    /** Exact moments of the window ending at {@code end} (inclusive). */
    void exact(int end) {
        int start = end - period + 1;
        double sum = 0.0;
        for (int i = start; i <= end; i++) {
            sum += in[i];
        }
        double mu = sum / period;
        double ss = 0.0;
        for (int i = start; i <= end; i++) {
            double d = in[i] - mu;
            ss += d * d;
        }
        mean = mu;
        m2 = ss;
        m2Max = ss;
        sinceExact = 0;
    }

    /** Slides the window so that it ends at {@code end} (it ended at {@code end - 1}). */
    void slide(int end) {
        double xNew = in[end];
        double xOld = in[end - period];
        double oldMean = mean;
        double delta = xNew - xOld;
        double newMean = oldMean + delta / period;
        double newM2 = m2 + delta * (xNew - newMean + xOld - oldMean);
        if (newM2 > m2Max) {
            m2Max = newM2;
        }
        if (!(newM2 > CANCELLATION * m2Max) || ++sinceExact >= REFRESH) {
            exact(end);
        } else {
            mean = newMean;
            m2 = newM2;
        }
    }
}
