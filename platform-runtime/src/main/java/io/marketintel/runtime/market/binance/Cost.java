package io.marketintel.runtime.market.binance;

/**
 * What one request costs against Binance's limits, known before it is sent.
 *
 * @param weight     IP request weight ({@code X-MBX-USED-WEIGHT-1M})
 * @param orders     new orders (the account's ORDERS limits per 10 s and per minute)
 * @param statistics calls of {@code /futures/data/*} (1000 per 5 min per IP, separate from weight)
 * @param funding    calls of {@code /fapi/v1/fundingRate} (500 per 5 min per IP, shared with fundingInfo)
 */
record Cost(int weight, int orders, int statistics, int funding) {

    Cost {
        if (weight < 0 || orders < 0 || statistics < 0 || funding < 0) {
            throw new IllegalArgumentException("costs must not be negative");
        }
    }

    /** Request weight only. */
    static Cost weight(int weight) {
        return new Cost(weight, 0, 0, 0);
    }
}
