package io.marketintel.plugin.liquidations.internal;

/**
 * One heatmap bucket: where the estimated liquidations of one side concentrate.
 *
 * @param price              the bucket's far edge, on the tick grid: a long bucket covers
 *                           {@code [price, price + bucket_size)} below the mark price, a short bucket
 *                           {@code (price − bucket_size, price]} above it, so once the price trades through
 *                           {@code price} every liquidation of the bucket has triggered
 * @param leverage           the dominant leverage tier of the bucket (largest share of its notional)
 * @param estimatedNotional  estimated notional liquidated in the bucket, quote asset (decayed)
 * @param density            0 … 100, notional relative to the largest bucket of either side
 * @param distancePct        {@code (price − mark) / mark × 100}: negative below, positive above
 */
public record LiquidationZone(double price, int leverage, double estimatedNotional, int density, double distancePct) {
}
