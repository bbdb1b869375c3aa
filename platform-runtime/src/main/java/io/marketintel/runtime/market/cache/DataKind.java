package io.marketintel.runtime.market.cache;

/** Kinds of market data that share a time-to-live ({@link CacheTtls}). */
public enum DataKind {
    /** {@code exchangeInfo}: symbols, filters, rate limits. */
    EXCHANGE_INFO("exchange_info"),
    /** {@code premiumIndex}, {@code premiumIndexAll}, {@code fundingRateHistory}. */
    FUNDING("funding"),
    /** {@code orderBook}. */
    ORDER_BOOK("order_book"),
    /**
     * Liquidation-map inputs: {@code openInterest}, {@code openInterestHistory}, {@code longShortRatio},
     * {@code takerBuySellRatio}, {@code leverageBrackets}.
     */
    LIQUIDATION_INPUTS("liquidation_inputs"),
    /** {@code klines} of intervals shorter than one hour. */
    KLINES("klines"),
    /** {@code klines} of one hour and longer (correlation inputs). */
    KLINES_LONG("klines_long"),
    /** {@code ticker24h}, {@code tickers24h}, {@code bookTicker}. */
    TICKERS("tickers");

    private final String key;

    DataKind(String key) {
        this.key = key;
    }

    /** The name used in configuration and messages ({@code order_book}). */
    public String key() {
        return key;
    }
}
