package io.marketintel.api.ta;

/**
 * Mean and sum of squared deviations ({@code m2}) of a sliding window, updated in O(1) per bar.
 *
 * <p>Shifted sums: the window keeps {@code s1 = Σ(x − K)} and {@code s2 = Σ(x − K)²} around a shift
 * {@code K} equal to the window mean at the last exact computation, so that
 * {@code m2 = s2 − s1²/period} never cancels badly and the price level does not matter (a window at
 * 60,000 with a 0.03 spread keeps 13 digits). The window is recomputed exactly (two passes, new
 * {@code K}) when the mean has drifted more than 4σ from {@code K}, when {@code s2} has fallen below
 * {@code 1e-3} of its largest value since the last exact computation (a large value has left: the
 * failure mode of naive rolling updates and of {@code E[x²] − mean²}), when {@code m2} is not
 * positive, and every {@code max(1024, 16 × period)} bars. A constant window thus yields exactly
 * {@code 0}. One instance per kernel call; not thread-safe.
 */
final class RollingMoments {

    private static final double CANCELLATION = 1e-3;
    /** (4σ)² in units of the variance: the mean may drift 4σ from the shift before re-centring. */
    private static final double DRIFT = 16.0;

    private final double[] in;
    private final int period;
    private final int refresh;
    private double shift;
    private double s1;
    private double s2;
    private double s2Max;
    private int sinceExact;
    double mean;
    double m2;

    RollingMoments(double[] in, int period) {
        this.in = in;
        this.period = period;
        this.refresh = Math.max(1024, 16 * period);
    }

    /** Exact moments of the window ending at {@code end} (inclusive); re-centres the shift. */
    void exact(int end) {
        int start = end - period + 1;
        double sum = 0.0;
        for (int i = start; i <= end; i++) {
            sum += in[i];
        }
        double k = sum / period;
        double a = 0.0;
        double b = 0.0;
        for (int i = start; i <= end; i++) {
            double d = in[i] - k;
            a += d;
            b += d * d;
        }
        shift = k;
        s1 = a;
        s2 = b;
        s2Max = b;
        sinceExact = 0;
        publish();
    }

    /** Slides the window so that it ends at {@code end} (it ended at {@code end - 1}). */
    void slide(int end) {
        double dNew = in[end] - shift;
        double dOld = in[end - period] - shift;
        double a = s1 + (dNew - dOld);
        double b = s2 + (dNew * dNew - dOld * dOld);
        double dev = b - a * a / period;
        if (b > s2Max) {
            s2Max = b;
        }
        if (!(dev > 0.0) || !(b > CANCELLATION * s2Max) || a * a > DRIFT * period * dev
                || ++sinceExact >= refresh) {
            exact(end);
        } else {
            s1 = a;
            s2 = b;
            publish();
        }
    }

    private void publish() {
        double dev = s2 - s1 * s1 / period;
        m2 = dev > 0.0 ? dev : 0.0;
        mean = shift + s1 / period;
    }
}
