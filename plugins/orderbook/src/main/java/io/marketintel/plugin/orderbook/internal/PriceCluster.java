package io.marketintel.plugin.orderbook.internal;

/**
 * A support (bids) or resistance (asks) level: walls within {@code cluster_tolerance_pct} of the cluster's
 * nearest wall, merged.
 *
 * @param price         quantity-weighted price {@code Σ(price × qty) / Σ qty}
 * @param totalQuantity sum of the merged walls' quantities
 * @param notional      {@code Σ(price × qty)}, quote asset
 * @param distancePct   signed distance of {@code price} from mid, percent (supports negative)
 * @param strength      0–100, the wall strength formula applied to {@code totalQuantity / side mean} at
 *                      {@code distancePct}
 * @param levelsMerged  number of book levels merged
 * @param nearPrice     price of the merged level nearest to mid
 * @param farPrice      price of the merged level farthest from mid
 */
public record PriceCluster(
        double price,
        double totalQuantity,
        double notional,
        double distancePct,
        int strength,
        int levelsMerged,
        double nearPrice,
        double farPrice) {
}
