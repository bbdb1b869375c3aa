package io.marketintel.runtime.market.replay;

/**
 * What a recognised replay file holds. The {@link #key()} is the name used in {@link ReplayStatus} and
 * in messages; {@link #pattern()} is the file name to add when a kind is missing.
 */
enum FileKind {
    /** Trade klines: feed {@code klines}, {@code ticker24h(s)}, and the derived exchange filters. */
    KLINES("klines", "SYMBOL-INTERVAL-YYYY-MM.csv (data.binance.vision klines)"),
    /** Mark price klines (under a {@code markPriceKlines} folder, or freqtrade {@code -mark.json}): mark price. */
    MARK_PRICE_KLINES("mark_price_klines", "markPriceKlines/SYMBOL-INTERVAL-YYYY-MM.csv"),
    /** Index price klines (under an {@code indexPriceKlines} folder): index price. */
    INDEX_PRICE_KLINES("index_price_klines", "indexPriceKlines/SYMBOL-INTERVAL-YYYY-MM.csv"),
    /** 5-minute open interest and ratio statistics. */
    METRICS("metrics", "SYMBOL-metrics-YYYY-MM-DD.csv"),
    /** Settled funding rates. */
    FUNDING("funding_rate", "SYMBOL-fundingRate-YYYY-MM.csv"),
    /** Recorded {@code /fapi/v1/depth} responses. */
    DEPTH("depth_snapshot", "SYMBOL-depth-<epochMillis>.json (a /fapi/v1/depth response)"),
    /** A recorded {@code /fapi/v1/exchangeInfo} response. */
    EXCHANGE_INFO("exchange_info", "exchangeInfo.json (a /fapi/v1/exchangeInfo response)"),
    /** A recorded {@code /fapi/v1/leverageBracket} response. */
    LEVERAGE_BRACKETS("leverage_brackets", "leverageBracket.json (a /fapi/v1/leverageBracket response)");

    private final String key;
    private final String pattern;

    FileKind(String key, String pattern) {
        this.key = key;
        this.pattern = pattern;
    }

    /** Name in status and messages ({@code funding_rate}). */
    String key() {
        return key;
    }

    /** File name pattern that provides this kind, with {@code SYMBOL} as a placeholder. */
    String pattern() {
        return pattern;
    }

    /** {@link #pattern()} with {@code SYMBOL} replaced. */
    String pattern(String symbol) {
        return pattern.replace("SYMBOL", symbol);
    }
}
