package io.marketintel.runtime.market.replay;

/** Primitive stable ordering (no boxing): files are usually in order already, so this is the rare path. */
final class Sorting {

    private Sorting() {
    }

    /** Indices {@code 0 … n-1} ordered by {@code keys} ascending, equal keys in their original order. */
    static int[] stableOrder(long[] keys, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += width << 1) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + (width << 1), n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** Whether {@code keys[0 … n-1]} is ascending. */
    static boolean ascending(long[] keys, int n) {
        for (int i = 1; i < n; i++) {
            if (keys[i - 1] > keys[i]) {
                return false;
            }
        }
        return true;
    }
}
