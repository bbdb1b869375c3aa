package io.marketintel.plugin.mtf.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Rounding for results and number formatting for reasoning sentences. */
final class Fmt {

    /** Significant digits kept for price-like values (prices, EMAs, MACD, ATR). */
    static final int PRICE_DIGITS = 8;

    private Fmt() {
    }

    /** {@code v} rounded to {@link #PRICE_DIGITS} significant digits, boxed; {@code null} when not finite. */
    static Double sig(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return v == 0 ? 0.0 : new BigDecimal(v).round(new MathContext(PRICE_DIGITS, RoundingMode.HALF_UP)).doubleValue();
    }

    /** {@code v} rounded to {@code scale} decimals, boxed; {@code null} when not finite. */
    static Double dec(double v, int scale) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    /** A price-like value for text: 8 significant digits, plain notation, trailing zeros dropped. */
    static String price(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(PRICE_DIGITS, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }

    /** A signed oscillator value for text, 5 significant digits: {@code +12.345}, {@code -0.0031}. */
    static String signedShort(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        String p = new BigDecimal(v).round(new MathContext(5, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
        return v > 0 ? "+" + p : p;
    }

    /** At most {@code decimals} decimals, trailing zeros dropped: {@code 63.1}, {@code 0.45}. */
    static String num(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** A signed whole number: {@code +74}, {@code -20}, {@code 0}. */
    static String signed(long v) {
        return v > 0 ? "+" + v : Long.toString(v);
    }

    /** A percentage with one decimal and its sign: {@code +0.4%}. */
    static String signedPct(double pct) {
        return String.format(Locale.ROOT, "%+.2f%%", pct);
    }
}
