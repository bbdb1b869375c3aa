package io.marketintel.api.ta;

/** Argument validation shared by the kernels; every message names the offending argument. */
final class Check {

    private Check() {
    }

    static void notNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("argument [" + name + "] must not be null");
        }
    }

    static void atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException("argument [" + name + "] must be >= " + min + ", was " + value);
        }
    }

    /** {@code out} must exist and be at least as long as {@code in} (extra elements are left untouched). */
    static void output(double[] out, int length, String name) {
        notNull(out, name);
        if (out.length < length) {
            throw new IllegalArgumentException("argument [" + name + "] must have length >= " + length
                    + " (the input length), was " + out.length);
        }
    }

    static void sameLength(double[] a, String aName, double[] b, String bName) {
        notNull(a, aName);
        notNull(b, bName);
        if (a.length != b.length) {
            throw new IllegalArgumentException("arguments [" + aName + "] and [" + bName
                    + "] must have the same length, were " + a.length + " and " + b.length);
        }
    }

    static void notAliased(double[] a, String aName, double[] b, String bName) {
        if (a == b) {
            throw new IllegalArgumentException("arguments [" + aName + "] and [" + bName
                    + "] must be different arrays");
        }
    }
}
