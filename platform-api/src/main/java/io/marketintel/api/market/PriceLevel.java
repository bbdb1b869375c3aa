package io.marketintel.api.market;

/**
 * One price level of an order book.
 *
 * @param price    price
 * @param quantity resting base quantity at that price
 */
public record PriceLevel(double price, double quantity) {
}
