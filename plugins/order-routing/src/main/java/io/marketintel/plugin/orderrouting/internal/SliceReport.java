package io.marketintel.plugin.orderrouting.internal;

/**
 * One child order in an execution report.
 *
 * @param slice          its number
 * @param clientOrderId  the client order id it was (or would have been) sent with
 * @param type           MARKET or LIMIT
 * @param plannedAt      when it was due, ms
 * @param sentAt         when it was sent, ms, or null
 * @param quantity       quantity
 * @param price          limit price, or null
 * @param filledQuantity filled
 * @param avgPrice       average fill price, or null
 * @param status         order status, or MERGED / SKIPPED / NOT_SENT / SENDING
 * @param note           why, or null
 */
public record SliceReport(int slice, String clientOrderId, String type, long plannedAt, Long sentAt, double quantity,
                          Double price, double filledQuantity, Double avgPrice, String status, String note) {
}
