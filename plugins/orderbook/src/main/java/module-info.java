/**
 * Order Book Depth Analysis: whale walls, bid/ask imbalance near the price, spoofing suspicion, a depth score
 * and a bias with confidence and reasoning for a USDⓈ-M symbol, plus support and resistance levels from
 * clustered walls. Exports nothing; the runtime finds it through {@code provides}.
 */
module io.marketintel.plugin.orderbook {
    requires io.marketintel.api;

    provides io.marketintel.api.Analyzer with io.marketintel.plugin.orderbook.internal.OrderBookPlugin;

    opens io.marketintel.plugin.orderbook.internal to com.fasterxml.jackson.databind;
}
