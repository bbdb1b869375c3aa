package io.marketintel.plugin.risk.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding of reported numbers (half up, on the decimal value of the double). */
final class Round {

    private Round() {
    }

    /** {@code value} to {@code digits} decimals; NaN and infinities unchanged. */
    static double to(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    /** Two decimals (scores, percentages, USDT amounts). */
    static double r2(double value) {
        return to(value, 2);
    }

    /** Two decimals, null kept. */
    static Double r2(Double value) {
        return value == null ? null : to(value, 2);
    }
}
