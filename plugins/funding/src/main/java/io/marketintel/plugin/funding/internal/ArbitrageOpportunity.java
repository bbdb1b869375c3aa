package io.marketintel.plugin.funding.internal;

/**
 * One symbol whose funding is large enough to harvest.
 *
 * @param symbol            symbol
 * @param fundingRate       latest funding rate, percent
 * @param fundingRateRaw    the same as a fraction
 * @param annualizedRatePct signed annualised rate assuming the result's interval, percent
 * @param receivingSide     the side that receives funding (positive rate: {@code SHORT})
 * @param nextFundingTime   next funding time, ms
 * @param markPrice         mark price
 */
public record ArbitrageOpportunity(
        String symbol,
        double fundingRate,
        double fundingRateRaw,
        double annualizedRatePct,
        ReceivingSide receivingSide,
        long nextFundingTime,
        double markPrice) {
}
