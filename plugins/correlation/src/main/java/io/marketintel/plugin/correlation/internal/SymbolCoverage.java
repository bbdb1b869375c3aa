package io.marketintel.plugin.correlation.internal;

/**
 * What one symbol contributed to the alignment.
 *
 * @param symbol        symbol
 * @param bars          closed candles received with a usable close
 * @param missing       open times that another symbol had and this one lacked (each dropped for all symbols)
 * @param firstOpenTime open time of its first usable candle, ms, or null without candles
 * @param lastOpenTime  open time of its last usable candle, ms, or null without candles
 */
public record SymbolCoverage(String symbol, int bars, int missing, Long firstOpenTime, Long lastOpenTime) {
}
