package io.marketintel.plugin.orderrouting.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Cuts a quantity into the slices of a schedule. Pure: the same inputs (seed included) give the same plan.
 *
 * <ul>
 *   <li><b>Quantities</b> are whole numbers of steps: {@code U = total / step} units over {@code n} slices, each gets
 *   {@code floor(U / n)} units and the first {@code U mod n} one more, so they sum exactly to the total.</li>
 *   <li><b>Merging</b>: the smallest slice must pass minQty and MIN_NOTIONAL at the reference price; while it would
 *   not, {@code n} shrinks to the largest count whose smallest slice does ({@code n = floor(U / minUnits)}). A slice
 *   above maxQty forces {@code n} up to {@code ceil(U / maxUnits)}.</li>
 *   <li><b>Times</b>: slice {@code i} (1-based) is due at offset {@code (i − 1) · duration / n} ms; the first is due at
 *   once, the others move by a uniform draw in ± {@code randomisation_pct} % of the interval from
 *   {@code java.util.Random(seed)} (one draw per slice, in order), kept strictly increasing and inside the
 *   duration.</li>
 * </ul>
 */
final class TwapPlanner {

    private TwapPlanner() {
    }

    /**
     * A TWAP schedule.
     *
     * @param total            the whole quantity, a multiple of the lot's step
     * @param requestedSlices  slices wanted (from duration / interval or the request)
     * @param durationMs       the duration
     * @param randomisationPct ± share of the interval each slice after the first may move, below 50
     * @param seed             seed of the randomisation
     * @param lot              quantity filter of the (market) orders sent
     * @param minNotional      MIN_NOTIONAL
     * @param price            reference price for MIN_NOTIONAL (the arrival mid)
     */
    static Schedule plan(BigDecimal total, int requestedSlices, long durationMs, double randomisationPct, long seed,
                         SymbolRules.Lot lot, BigDecimal minNotional, double price) {
        long units = units(total, lot.step());
        long minUnits = minUnits(lot, minNotional, price);
        long maxUnits = lot.maxQty() == null ? Long.MAX_VALUE : Math.max(1, units(lot.maxQty(), lot.step()));
        int n = Math.max(1, requestedSlices);
        String note = null;
        long byMin = Math.max(1, units / minUnits);
        if (n > byMin) {
            note = requestedSlices + " slices of " + SymbolRules.plain(quantity(units / n, lot.step()))
                    + " would fall below " + minRule(lot, minNotional, price) + ": merged into " + byMin + " slice"
                    + (byMin == 1 ? "" : "s") + " of at least " + SymbolRules.plain(quantity(units / byMin, lot.step()));
            n = (int) byMin;
        }
        long byMax = (units + maxUnits - 1) / maxUnits;
        if (n < byMax) {
            note = (note == null ? "" : note + "; ") + "slices above " + lot.rule() + " maxQty "
                    + SymbolRules.plain(lot.maxQty()) + ": split into " + byMax;
            n = (int) byMax;
        }
        long interval = durationMs / n;
        Random random = new Random(seed);
        List<PlannedSlice> slices = new ArrayList<>(n);
        long base = units / n;
        long extra = units % n;
        long previous = -1;
        for (int i = 1; i <= n; i++) {
            long offset = (i - 1) * durationMs / n;
            if (i > 1 && randomisationPct > 0) {
                double draw = random.nextDouble() * 2 - 1;
                offset += Math.round(draw * randomisationPct / 100.0 * interval);
            }
            offset = Math.max(offset, previous + 1);
            offset = Math.min(offset, Math.max(0, durationMs - 1));
            if (i == 1) {
                offset = 0;
            }
            previous = offset;
            slices.add(new PlannedSlice(i, offset, quantity(base + (i <= extra ? 1 : 0), lot.step())));
        }
        return new Schedule(interval, randomisationPct, List.copyOf(slices), note);
    }

    /** A MARKET execution: everything at once, split only above maxQty. */
    static Schedule immediate(BigDecimal total, SymbolRules.Lot lot) {
        long units = units(total, lot.step());
        long maxUnits = lot.maxQty() == null ? Long.MAX_VALUE : Math.max(1, units(lot.maxQty(), lot.step()));
        int n = (int) Math.max(1, (units + maxUnits - 1) / maxUnits);
        List<PlannedSlice> slices = new ArrayList<>(n);
        long base = units / n;
        long extra = units % n;
        for (int i = 1; i <= n; i++) {
            slices.add(new PlannedSlice(i, 0, quantity(base + (i <= extra ? 1 : 0), lot.step())));
        }
        return new Schedule(0, 0, List.copyOf(slices), n == 1 ? null
                : "above " + lot.rule() + " maxQty " + SymbolRules.plain(lot.maxQty()) + ": split into " + n);
    }

    /** Smallest sendable slice in units of the step: minQty and MIN_NOTIONAL at {@code price}, rounded up. */
    static long minUnits(SymbolRules.Lot lot, BigDecimal minNotional, double price) {
        BigDecimal byNotional = price > 0 && minNotional.signum() > 0
                ? minNotional.divide(BigDecimal.valueOf(price), MathContext.DECIMAL64) : BigDecimal.ZERO;
        BigDecimal min = lot.minQty().max(byNotional);
        long u = min.divide(lot.step(), 0, RoundingMode.UP).longValueExact();
        return Math.max(1, u);
    }

    private static String minRule(SymbolRules.Lot lot, BigDecimal minNotional, double price) {
        BigDecimal byNotional = price > 0 && minNotional.signum() > 0
                ? minNotional.divide(BigDecimal.valueOf(price), MathContext.DECIMAL64) : BigDecimal.ZERO;
        return byNotional.compareTo(lot.minQty()) > 0
                ? "MIN_NOTIONAL " + SymbolRules.plain(minNotional) + " at price " + SymbolRules.plain(BigDecimal.valueOf(price))
                : lot.rule() + " minQty " + SymbolRules.plain(lot.minQty());
    }

    static long units(BigDecimal quantity, BigDecimal step) {
        BigInteger u = quantity.divide(step, 0, RoundingMode.DOWN).toBigIntegerExact();
        return u.longValueExact();
    }

    static BigDecimal quantity(long units, BigDecimal step) {
        return SymbolRules.strip(step.multiply(BigDecimal.valueOf(units)));
    }
}
