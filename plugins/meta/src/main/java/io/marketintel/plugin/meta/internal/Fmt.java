package io.marketintel.plugin.meta.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers in sentences: at most {@code digits} decimals, no trailing zeros, no exponent. */
final class Fmt {

    private Fmt() {
    }

    static String num(double v, int digits) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String num(double v) {
        return num(v, 2);
    }

    /** {@code +1.5} / {@code -0.25} / {@code 0}. */
    static String signed(double v, int digits) {
        String s = num(v, digits);
        return v > 0 && !s.equals("0") ? "+" + s : s;
    }

    /** Rounds to {@code digits} decimals for JSON. */
    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }
}
