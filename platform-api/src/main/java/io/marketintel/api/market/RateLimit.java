package io.marketintel.api.market;

/**
 * One entry of exchange info's {@code rateLimits}.
 *
 * @param rateLimitType {@code REQUEST_WEIGHT}, {@code ORDERS} or {@code RAW_REQUESTS}
 * @param interval      {@code SECOND}, {@code MINUTE} or {@code DAY}
 * @param intervalNum   number of intervals in the window
 * @param limit         the limit over the window
 */
public record RateLimit(String rateLimitType, String interval, int intervalNum, int limit) {

    /** Window length in milliseconds. */
    public long windowMillis() {
        long unit = switch (interval) {
            case "SECOND" -> 1_000L;
            case "MINUTE" -> 60_000L;
            case "HOUR" -> 3_600_000L;
            case "DAY" -> 86_400_000L;
            default -> throw new IllegalStateException("unknown rate limit interval [" + interval + "]");
        };
        return unit * intervalNum;
    }
}
