package io.marketintel.plugin.correlation.internal;

import io.marketintel.api.ta.Statistics;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which returns are correlated; both delegate to the {@link Statistics} kernels. */
public enum ReturnType {
    /** {@code p[i] / p[i−1] − 1}: the specification's "% returns". */
    SIMPLE("simple"),
    /** {@code ln(p[i] / p[i−1])}: additive over time, symmetric for up and down moves. */
    LOG("log");

    private final String code;

    ReturnType(String code) {
        this.code = code;
    }

    /** The configuration and output spelling, {@code simple} or {@code log}. */
    public String code() {
        return code;
    }

    /** The formula, for answers. */
    public String formula() {
        return this == SIMPLE ? "close[t] / close[t-1] - 1" : "ln(close[t] / close[t-1])";
    }

    /**
     * Returns of {@code prices} into {@code out}; {@code out[0]} is {@code NaN} (no previous price).
     *
     * @param prices positive prices, oldest first
     * @param out    output, at least as long as {@code prices}, distinct from it
     */
    public void compute(double[] prices, double[] out) {
        if (this == SIMPLE) {
            Statistics.simpleReturns(prices, out);
        } else {
            Statistics.logReturns(prices, out);
        }
    }

    /** All codes, in declaration order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(ReturnType::code).toList();
    }

    /** The return type spelled {@code code} (case-insensitive). */
    public static Optional<ReturnType> fromCode(String code) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
