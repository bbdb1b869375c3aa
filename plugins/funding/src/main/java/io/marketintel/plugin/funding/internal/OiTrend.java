package io.marketintel.plugin.funding.internal;

/**
 * Direction of open interest over the window: {@code RISING} when the change is strictly above
 * {@code oi_trend_threshold_pct}, {@code FALLING} when strictly below its negative, {@code FLAT} otherwise
 * (exactly at the threshold is FLAT); {@code UNKNOWN} when the market has no usable history.
 */
public enum OiTrend {
    RISING, FALLING, FLAT, UNKNOWN
}
