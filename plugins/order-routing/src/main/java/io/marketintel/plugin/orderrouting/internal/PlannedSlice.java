package io.marketintel.plugin.orderrouting.internal;

import java.math.BigDecimal;

/**
 * One slice of a schedule.
 *
 * @param number   1-based; the client order id is {@code <execution id>-<number>}
 * @param offsetMs when it is due, ms after the execution started
 * @param quantity planned quantity (the cumulative plan: what is still unfilled of earlier slices rides along)
 */
public record PlannedSlice(int number, long offsetMs, BigDecimal quantity) {
}
