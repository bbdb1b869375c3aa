package io.marketintel.api.trading;

import java.math.BigDecimal;

/**
 * A conditional order as {@code /fapi/v1/algoOrder} reports it.
 *
 * @param algoId        Binance's algo id
 * @param clientAlgoId  the client algo id it was placed with (the idempotency key)
 * @param symbol        symbol
 * @param side          side
 * @param type          conditional type ({@code orderType})
 * @param status        {@code algoStatus}
 * @param quantity      quantity, null for close-position orders
 * @param triggerPrice  trigger price, null for trailing stops without activation price
 * @param price         limit price of STOP / TAKE_PROFIT, else null or zero
 * @param timeInForce   time in force of the triggered limit order, or null
 * @param workingType   which price triggers it, or null
 * @param reduceOnly    reduce-only flag
 * @param closePosition whether it closes the whole position
 * @param priceProtect  trigger protection flag
 * @param actualOrderId the matching-engine order id once triggered, else empty
 * @param createTime    creation time, ms (0 when not reported)
 * @param updateTime    last update, ms (0 when not reported)
 * @param triggerTime   trigger time, ms (0 before it triggers)
 */
public record ConditionalOrder(
        long algoId,
        String clientAlgoId,
        String symbol,
        Side side,
        ConditionalOrderType type,
        ConditionalOrderStatus status,
        BigDecimal quantity,
        BigDecimal triggerPrice,
        BigDecimal price,
        TimeInForce timeInForce,
        WorkingType workingType,
        boolean reduceOnly,
        boolean closePosition,
        boolean priceProtect,
        String actualOrderId,
        long createTime,
        long updateTime,
        long triggerTime) {
}
