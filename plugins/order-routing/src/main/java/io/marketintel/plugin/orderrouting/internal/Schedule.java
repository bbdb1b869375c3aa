package io.marketintel.plugin.orderrouting.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * Market slices at planned times (TWAP, MARKET).
 *
 * @param intervalMs       duration / slices
 * @param randomisationPct ± share of the interval the slices after the first were moved by
 * @param slices           the slices, by number
 * @param note             why the plan differs from what was asked (merged below MIN_NOTIONAL, split above maxQty),
 *                         or null
 */
record Schedule(long intervalMs, double randomisationPct, List<PlannedSlice> slices, String note) implements Plan {

    Schedule {
        slices = List.copyOf(slices);
    }

    int size() {
        return slices.size();
    }

    PlannedSlice slice(int number) {
        return slices.get(number - 1);
    }

    /** Planned quantity of slices 1 … {@code number}. */
    BigDecimal cumulative(int number) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < number && i < slices.size(); i++) {
            sum = sum.add(slices.get(i).quantity());
        }
        return sum;
    }
}
