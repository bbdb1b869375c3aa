package io.marketintel.plugin.funding.internal;

/**
 * Change of open interest over the history window.
 *
 * @param changePct    {@code (last - first) / first × 100} of {@code sumOpenInterest}, or null when unknown
 * @param trend        trend class against {@code oi_trend_threshold_pct}
 * @param windowMillis time from the first to the last point, ms (0 when unknown)
 * @param lastValue    the last point's open interest value in quote asset, or null
 * @param lastTime     the last point's time, ms (0 when unknown)
 */
public record OiChange(Double changePct, OiTrend trend, long windowMillis, Double lastValue, long lastTime) {

    static final OiChange UNKNOWN = new OiChange(null, OiTrend.UNKNOWN, 0, null, 0);
}
