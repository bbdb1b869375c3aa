package io.marketintel.runtime.market.replay;

import java.math.BigDecimal;

/**
 * What the recorded numbers of one symbol reveal about its filters: the most decimals of any price and of
 * any volume (capped at 8, Binance's largest precision) and the largest price and candle volume seen.
 * Feeds the derived exchange filters when no {@code exchangeInfo.json} lists the symbol.
 */
final class Precision {

    static final int MAX_DECIMALS = 8;

    int priceDecimals;
    int volumeDecimals;
    double maxPrice;
    double maxVolume;

    void price(String text, double value) {
        priceDecimals = Math.max(priceDecimals, decimals(text));
        maxPrice = Math.max(maxPrice, value);
    }

    void volume(String text, double value) {
        volumeDecimals = Math.max(volumeDecimals, decimals(text));
        maxVolume = Math.max(maxVolume, value);
    }

    /** A parsed double (JSON) seen as its shortest decimal form, not the file's float noise. */
    void priceValue(double value) {
        price(Double.toString(value), value);
    }

    void volumeValue(double value) {
        volume(Double.toString(value), value);
    }

    void merge(Precision other) {
        priceDecimals = Math.max(priceDecimals, other.priceDecimals);
        volumeDecimals = Math.max(volumeDecimals, other.volumeDecimals);
        maxPrice = Math.max(maxPrice, other.maxPrice);
        maxVolume = Math.max(maxVolume, other.maxVolume);
    }

    /** Significant decimals of a decimal literal ({@code "58051.25000000"} → 2), at most {@value #MAX_DECIMALS}. */
    static int decimals(String text) {
        int dot = text.indexOf('.');
        boolean exponent = text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
        if (exponent) {
            try {
                return Math.min(MAX_DECIMALS, Math.max(0, new BigDecimal(text).stripTrailingZeros().scale()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        if (dot < 0) {
            return 0;
        }
        int end = text.length();
        while (end > dot + 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        return Math.min(MAX_DECIMALS, end - dot - 1);
    }
}
