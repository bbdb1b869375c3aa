package io.marketintel.api.market;

/**
 * One settled funding, as {@code /fapi/v1/fundingRate} sends it.
 *
 * @param symbol      symbol
 * @param fundingRate funding rate as a fraction
 * @param fundingTime settlement time, ms (real data carries a few ms of jitter)
 * @param markPrice   mark price at settlement, or NaN when not reported
 */
public record FundingRate(String symbol, double fundingRate, long fundingTime, double markPrice) {
}
