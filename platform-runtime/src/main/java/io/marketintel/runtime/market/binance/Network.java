package io.marketintel.runtime.market.binance;

/** The Binance USDⓈ-M futures REST networks. */
public enum Network {
    /** Production, {@code https://fapi.binance.com}. */
    MAINNET("https://fapi.binance.com"),
    /** The futures demo/testnet, {@code https://demo-fapi.binance.com} (paper money, separate API keys). */
    TESTNET("https://demo-fapi.binance.com");

    private final String baseUrl;

    Network(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** REST base URL of the network, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }
}
