package io.marketintel.plugin.risk.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers in sentences: at most two decimals, no trailing zeros, plain notation. */
final class Text {

    private Text() {
    }

    /** {@code 82.4}, {@code 75}, {@code 0.05}. */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** A quantity as the exchange takes it. */
    static String qty(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
