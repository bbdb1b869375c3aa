package io.marketintel.plugin.orderbook.internal;

/**
 * The band around mid whose volumes give the imbalance and the depth score.
 *
 * @param pct         half-width, percent of mid ({@code imbalance_band_pct})
 * @param lowPrice    {@code mid × (1 − pct / 100)}: bids at or above it count
 * @param highPrice   {@code mid × (1 + pct / 100)}: asks at or below it count
 * @param bidVolume   base quantity of the bids in the band
 * @param askVolume   base quantity of the asks in the band
 * @param bidLevels   number of bid levels in the band
 * @param askLevels   number of ask levels in the band
 * @param bidNotional quote notional of the bids in the band
 * @param askNotional quote notional of the asks in the band
 * @param covered     whether the analysed levels reach the band's edges on both sides (or a side is complete,
 *                    fewer levels than the depth limit); when false the band is cut by the depth limit and the
 *                    volumes cover the fetched levels only
 */
public record ImbalanceBand(
        double pct,
        double lowPrice,
        double highPrice,
        double bidVolume,
        double askVolume,
        int bidLevels,
        int askLevels,
        double bidNotional,
        double askNotional,
        boolean covered) {
}
