package io.marketintel.plugin.correlation.internal;

import java.time.Instant;

/**
 * The candles an answer was computed from.
 *
 * @param from     open time of the first aligned candle, ms
 * @param to       close time of the last aligned candle, ms
 * @param fromUtc  {@code from} as ISO-8601 UTC
 * @param toUtc    {@code to} as ISO-8601 UTC
 */
public record TimeRange(long from, long to, String fromUtc, String toUtc) {

    /** The range from {@code from} to {@code to}. */
    static TimeRange of(long from, long to) {
        return new TimeRange(from, to, Instant.ofEpochMilli(from).toString(), Instant.ofEpochMilli(to).toString());
    }
}
