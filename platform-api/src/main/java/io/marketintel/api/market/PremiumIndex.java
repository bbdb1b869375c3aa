package io.marketintel.api.market;

/**
 * Mark price and funding of one symbol, as {@code /fapi/v1/premiumIndex} sends it.
 *
 * @param symbol               symbol
 * @param markPrice            mark price
 * @param indexPrice           index price
 * @param estimatedSettlePrice estimated settle price (only meaningful in the last hour before settlement)
 * @param lastFundingRate      latest funding rate as a fraction ({@code 0.0001} = 0.01 %)
 * @param interestRate         interest rate as a fraction
 * @param nextFundingTime      next funding time, ms
 * @param time                 time of the data, ms
 */
public record PremiumIndex(
        String symbol,
        double markPrice,
        double indexPrice,
        double estimatedSettlePrice,
        double lastFundingRate,
        double interestRate,
        long nextFundingTime,
        long time) {
}
