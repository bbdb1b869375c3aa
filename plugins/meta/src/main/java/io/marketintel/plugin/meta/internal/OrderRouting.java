package io.marketintel.plugin.meta.internal;

/**
 * Order routing (upper case on the wire). In the simulated outcome it changes only the cost paid on every filled
 * side, in % of the filled notional — the stated cost assumption, from Binance USDⓈ-M VIP 0 fees (taker 0.05 %,
 * maker 0.02 %): MARKET pays taker plus one basis point of slippage, LIMIT is assumed to fill as maker, TWAP and
 * ICEBERG slice into roughly half maker, half taker fills, ADAPTIVE picks the cheaper of the two more often.
 */
enum OrderRouting {
    MARKET(0.06), LIMIT(0.02), TWAP(0.045), ICEBERG(0.045), ADAPTIVE(0.04);

    private final double costPct;

    OrderRouting(double costPct) {
        this.costPct = costPct;
    }

    /** Cost per filled side, % of notional. */
    double costPct() {
        return costPct;
    }

    String wire() {
        return name();
    }
}
