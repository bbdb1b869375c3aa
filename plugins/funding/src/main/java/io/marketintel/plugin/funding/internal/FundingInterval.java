package io.marketintel.plugin.funding.internal;

/**
 * The funding interval of a symbol.
 *
 * @param hours   interval in whole hours (Binance uses 8, 4 or 1 depending on the symbol)
 * @param assumed {@code true} when the history was too short and {@link #DEFAULT_HOURS} is assumed
 * @param gaps    number of gaps between consecutive settled fundings the inference used
 * @param note    how the value was obtained, e.g. {@code inferred 4h from the median of 9 gaps} or
 *                {@code assumed 8h: 1 settled funding in history, need at least 3}
 */
public record FundingInterval(int hours, boolean assumed, int gaps, String note) {

    /** Binance's historical default interval, used when nothing better is known. */
    public static final int DEFAULT_HOURS = 8;

    public FundingInterval {
        if (hours < 1) {
            throw new IllegalArgumentException("funding interval must be at least 1h, was " + hours);
        }
    }
}
