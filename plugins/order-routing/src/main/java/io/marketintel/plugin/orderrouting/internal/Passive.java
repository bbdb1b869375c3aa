package io.marketintel.plugin.orderrouting.internal;

import java.math.BigDecimal;

/**
 * A limit order worked at the touch (ICEBERG, LIMIT).
 *
 * @param visibleQuantity quantity of each child order (the whole for LIMIT)
 * @param limitPrice      the caller's limit: the price of a LIMIT, the cap of an ICEBERG (a buy never quotes above,
 *                        a sell never below); null to quote at the touch
 * @param requote         whether a child whose touch moved away is cancelled and quoted again at the new touch
 * @param pollMs          how often the working child is polled
 */
record Passive(BigDecimal visibleQuantity, BigDecimal limitPrice, boolean requote, long pollMs) implements Plan {
}
