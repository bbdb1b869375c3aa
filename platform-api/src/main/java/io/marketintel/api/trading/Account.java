package io.marketintel.api.trading;

import java.math.BigDecimal;

/**
 * The futures account in its margin asset (USDT).
 *
 * @param totalWalletBalance    wallet balance (deposits + realised PnL − fees)
 * @param totalUnrealizedProfit unrealised PnL of all positions
 * @param totalMarginBalance    wallet + unrealised
 * @param totalInitialMargin    initial margin of positions and open orders
 * @param totalMaintMargin      maintenance margin of positions
 * @param availableBalance      what new orders may use
 * @param updateTime            last update, ms
 */
public record Account(
        BigDecimal totalWalletBalance,
        BigDecimal totalUnrealizedProfit,
        BigDecimal totalMarginBalance,
        BigDecimal totalInitialMargin,
        BigDecimal totalMaintMargin,
        BigDecimal availableBalance,
        long updateTime) {
}
