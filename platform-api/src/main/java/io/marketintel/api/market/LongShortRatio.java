package io.marketintel.api.market;

/**
 * One point of a long/short ratio series ({@link RatioSeries}).
 *
 * @param symbol         symbol
 * @param longShortRatio {@code longAccount / shortAccount}
 * @param longAccount    long share as a fraction (of accounts, or of position size for
 *                       {@link RatioSeries#TOP_POSITION}); Binance calls it {@code longAccount} in all three
 * @param shortAccount   short share as a fraction
 * @param timestamp      time of the point, ms
 */
public record LongShortRatio(String symbol, double longShortRatio, double longAccount, double shortAccount,
                             long timestamp) {
}
