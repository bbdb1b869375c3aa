package io.marketintel.plugin.orderrouting.internal;

/**
 * The state of the market an order would meet, measured from one order book snapshot and recent 1-minute klines.
 *
 * @param bestBid            best bid
 * @param bestAsk            best ask
 * @param mid                mid price
 * @param spreadBps          spread in basis points of the mid
 * @param depthBandPct       the band around the mid the depths are counted in, ± %
 * @param bidDepth           base quantity bid within the band
 * @param askDepth           base quantity offered within the band
 * @param availableLiquidity the depth of the side the order takes (asks for a buy, bids for a sell) within the band
 * @param liquidityUsedPct   the order's quantity as a % of {@code availableLiquidity}
 * @param orderNotional      quantity × mid
 * @param estimatedAvgPrice  VWAP of the whole order walking the book at once (what one market order would get)
 * @param estimatedImpactBps cost of that VWAP against the mid, bps (positive = worse than the mid)
 * @param worstPrice         the last level that walk reaches
 * @param levelsConsumed     levels that walk takes
 * @param bookExhausted      whether the levels read hold less than the quantity (impact then understates)
 * @param bookLevels         levels read per side
 * @param volatilityBps      standard deviation of 1-minute log returns, bps; null when there are too few klines
 * @param volatilityKlines   closed 1-minute klines it was measured over
 */
public record MarketConditions(
        double bestBid,
        double bestAsk,
        double mid,
        double spreadBps,
        double depthBandPct,
        double bidDepth,
        double askDepth,
        double availableLiquidity,
        double liquidityUsedPct,
        double orderNotional,
        double estimatedAvgPrice,
        double estimatedImpactBps,
        double worstPrice,
        int levelsConsumed,
        boolean bookExhausted,
        int bookLevels,
        Double volatilityBps,
        int volatilityKlines) {
}
