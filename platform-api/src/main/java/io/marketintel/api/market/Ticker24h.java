package io.marketintel.api.market;

/**
 * Rolling 24-hour statistics, as {@code /fapi/v1/ticker/24hr} sends them.
 *
 * @param symbol             symbol
 * @param priceChange        last − open
 * @param priceChangePercent change in percent
 * @param weightedAvgPrice   volume-weighted average price
 * @param lastPrice          last price
 * @param lastQty            last quantity
 * @param openPrice          open price 24 h ago
 * @param highPrice          high
 * @param lowPrice           low
 * @param volume             base volume
 * @param quoteVolume        quote volume
 * @param openTime           window start, ms
 * @param closeTime          window end, ms
 * @param count              trade count
 */
public record Ticker24h(
        String symbol,
        double priceChange,
        double priceChangePercent,
        double weightedAvgPrice,
        double lastPrice,
        double lastQty,
        double openPrice,
        double highPrice,
        double lowPrice,
        double volume,
        double quoteVolume,
        long openTime,
        long closeTime,
        long count) {
}
