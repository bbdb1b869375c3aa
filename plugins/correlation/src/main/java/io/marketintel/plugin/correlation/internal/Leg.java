package io.marketintel.plugin.correlation.internal;

/**
 * One leg of a pairs trade.
 *
 * @param symbol symbol
 * @param side   LONG or SHORT
 */
public record Leg(String symbol, Side side) {
}
