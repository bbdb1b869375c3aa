package io.marketintel.plugin.funding.internal;

/**
 * Sentiment class of a funding rate in percent, with {@code e = extreme_threshold_pct} and
 * {@code b = bullish_threshold_pct} ({@code 0 < b < e}):
 * <pre>
 *   pct &gt; e        EXTREME_BULLISH      (strict: exactly e is BULLISH)
 *   b ≤ pct ≤ e    BULLISH              (inclusive: exactly b is BULLISH)
 *  -b &lt; pct &lt; b    NEUTRAL
 *  -e ≤ pct ≤ -b   BEARISH              (inclusive: exactly -b is BEARISH)
 *   pct &lt; -e       EXTREME_BEARISH      (strict: exactly -e is BEARISH)
 * </pre>
 * Serialised as the upper-case constant name.
 */
public enum Sentiment {
    EXTREME_BULLISH, BULLISH, NEUTRAL, BEARISH, EXTREME_BEARISH
}
