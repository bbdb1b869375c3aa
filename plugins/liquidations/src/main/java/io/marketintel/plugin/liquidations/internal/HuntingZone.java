package io.marketintel.plugin.liquidations.internal;

/**
 * Just beyond a big cluster, where a stop hunt would aim to trigger all of it.
 *
 * @param side            whose liquidations a move into the zone triggers (LONG: a move down, SHORT: up)
 * @param priceLow        lower bound
 * @param priceHigh       upper bound
 * @param distancePct     distance of the zone's nearer edge from the mark price, %
 * @param clusterPrice    centre of the cluster it lies beyond
 * @param clusterNotional estimated notional of that cluster, quote asset
 * @param reason          one sentence with the numbers
 */
public record HuntingZone(PositionSide side, double priceLow, double priceHigh, double distancePct,
                          double clusterPrice, double clusterNotional, String reason) {
}
