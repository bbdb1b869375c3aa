package io.marketintel.api.market;

/** The three long/short ratio series Binance publishes. */
public enum RatioSeries {
    /** {@code globalLongShortAccountRatio}: share of all accounts net long vs net short (retail view). */
    GLOBAL_ACCOUNT("globalLongShortAccountRatio"),
    /** {@code topLongShortAccountRatio}: share of top-trader accounts net long vs net short. */
    TOP_ACCOUNT("topLongShortAccountRatio"),
    /** {@code topLongShortPositionRatio}: share of top traders' position size long vs short (smart money). */
    TOP_POSITION("topLongShortPositionRatio");

    private final String endpoint;

    RatioSeries(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The endpoint name under {@code /futures/data/}. */
    public String endpoint() {
        return endpoint;
    }
}
