package io.marketintel.api.trading;

import java.math.BigDecimal;

/**
 * The state of an order as the exchange reports it.
 *
 * @param orderId       exchange order id
 * @param clientOrderId the client order id it was placed with
 * @param symbol        symbol
 * @param side          side
 * @param type          type
 * @param status        status
 * @param price         limit price, zero for market orders
 * @param origQty       ordered quantity
 * @param executedQty   filled quantity
 * @param avgPrice      average fill price, zero when nothing filled
 * @param cumQuote      filled quote amount
 * @param reduceOnly    reduce-only flag
 * @param updateTime    last update, ms
 */
public record Order(
        long orderId,
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        OrderStatus status,
        BigDecimal price,
        BigDecimal origQty,
        BigDecimal executedQty,
        BigDecimal avgPrice,
        BigDecimal cumQuote,
        boolean reduceOnly,
        long updateTime) {
}
