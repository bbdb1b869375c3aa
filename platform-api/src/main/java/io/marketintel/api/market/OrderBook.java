package io.marketintel.api.market;

import java.util.List;
import java.util.Objects;

/**
 * An order book snapshot as {@code /fapi/v1/depth} sends it.
 *
 * @param symbol          symbol
 * @param lastUpdateId    update id of the snapshot
 * @param eventTime       message output time ({@code E}), ms
 * @param transactionTime matching-engine time ({@code T}), ms
 * @param bids            bids, best (highest) first
 * @param asks            asks, best (lowest) first
 */
public record OrderBook(
        String symbol,
        long lastUpdateId,
        long eventTime,
        long transactionTime,
        List<PriceLevel> bids,
        List<PriceLevel> asks) {

    public OrderBook {
        Objects.requireNonNull(symbol, "symbol");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** Best bid price, or NaN for an empty side. */
    public double bestBid() {
        return bids.isEmpty() ? Double.NaN : bids.get(0).price();
    }

    /** Best ask price, or NaN for an empty side. */
    public double bestAsk() {
        return asks.isEmpty() ? Double.NaN : asks.get(0).price();
    }

    /** Mid price between the best bid and ask, or NaN when a side is empty. */
    public double mid() {
        return (bestBid() + bestAsk()) / 2.0;
    }
}
