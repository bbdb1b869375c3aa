package io.marketintel.api.market;

/**
 * Best bid and ask, as {@code /fapi/v1/ticker/bookTicker} sends them.
 *
 * @param symbol   symbol
 * @param bidPrice best bid
 * @param bidQty   quantity at the best bid
 * @param askPrice best ask
 * @param askQty   quantity at the best ask
 * @param time     time, ms
 */
public record BookTicker(String symbol, double bidPrice, double bidQty, double askPrice, double askQty, long time) {
}
