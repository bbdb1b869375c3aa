package io.marketintel.plugin.mtf.internal;

/**
 * One indicator's vote on a timeframe's direction.
 *
 * @param name   which vote ({@code close_vs_ema_fast}, {@code close_vs_ema_slow}, {@code close_vs_ema_long},
 *               {@code ema_stack}, {@code macd_histogram}, {@code rsi}, {@code directional})
 * @param vote   −1 (bearish) … +1 (bullish); 0 is no opinion
 * @param weight the vote's weight in the timeframe score
 * @param reason what the indicator showed, with its numbers
 */
public record Vote(String name, double vote, double weight, String reason) {
}
