package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.trading.ConditionalOrder;
import io.marketintel.api.trading.ConditionalOrderRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of {@code place-orders}.
 *
 * @param dryRun      true: nothing was sent, {@code orders} is exactly what a live call would send
 * @param exchange    the exchange's name ({@code paper}, {@code binance})
 * @param paper       whether it moves paper money only
 * @param ladderId    the ladder's id, the prefix of every client algo id (and of its order-journal entries)
 * @param positionAmt the signed position the exchange reports for the symbol (0 when none; null when unknown)
 * @param orders      the conditional orders, in the order they are sent: one reduce-only TAKE_PROFIT_MARKET per level
 * @param placed      live: the exchange's answer for each, in the same order; empty in a dry run
 * @param blockers    why a live placement is (would be) refused now: live trading off on a real exchange, no
 *                    position to reduce, a ladder larger than the position, levels already reached; a live call
 *                    with blockers sends nothing
 * @param warnings    live: orders the exchange already held under the same client algo id with other prices or
 *                    quantities (kept: client algo ids are idempotency keys)
 * @param ladder      the ladder the orders come from
 */
public record PlaceOrdersResult(
        boolean dryRun,
        String exchange,
        boolean paper,
        String ladderId,
        BigDecimal positionAmt,
        List<ConditionalOrderRequest> orders,
        List<ConditionalOrder> placed,
        List<String> blockers,
        List<String> warnings,
        Ladder ladder) {

    public PlaceOrdersResult {
        orders = List.copyOf(orders);
        placed = List.copyOf(placed);
        blockers = List.copyOf(blockers);
        warnings = List.copyOf(warnings);
    }
}
