package io.marketintel.api.market;

/**
 * One notional bracket of {@code /fapi/v1/leverageBracket}. Maintenance margin of a position with
 * notional N in this bracket is {@code N × maintMarginRatio − cum}.
 *
 * @param bracket          bracket number, from 1
 * @param initialLeverage  maximum leverage in this bracket
 * @param notionalCap      upper notional bound (exclusive), quote asset
 * @param notionalFloor    lower notional bound (inclusive), quote asset
 * @param maintMarginRatio maintenance margin ratio as a fraction
 * @param cum              maintenance amount (the cumulative correction), quote asset
 */
public record LeverageBracket(int bracket, int initialLeverage, double notionalCap, double notionalFloor,
                              double maintMarginRatio, double cum) {
}
