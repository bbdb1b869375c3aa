package io.marketintel.plugin.liquidations.internal;

import java.util.List;

/**
 * Adjacent or overlapping significant liquidation zones of one side, merged.
 *
 * @param side          whose positions it liquidates (LONG: below price, SHORT: above)
 * @param priceLow      lowest bucket price of the cluster
 * @param priceHigh     highest bucket price of the cluster
 * @param price         notional-weighted centre, on the tick grid
 * @param totalNotional estimated notional of all buckets within {@code [priceLow, priceHigh]}, quote asset
 * @param tiers         leverage tiers contributing at least 5 % of the cluster's notional, ascending
 * @param zones         number of buckets within the range
 * @param peakDensity   density of its largest bucket
 * @param distancePct   distance of the centre from the mark price, %
 * @param oiSharePct    {@code totalNotional} as % of the open interest value
 */
public record LiquidationCluster(PositionSide side, double priceLow, double priceHigh, double price,
                                 double totalNotional, List<Integer> tiers, int zones, int peakDensity,
                                 double distancePct, double oiSharePct) {

    public LiquidationCluster {
        tiers = List.copyOf(tiers);
    }
}
