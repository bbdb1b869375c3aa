package io.marketintel.plugin.risk.internal;

import io.marketintel.api.trading.Side;
import java.math.BigDecimal;

/**
 * The hedge an ADD_HEDGE suggests, from the correlation plugin's {@code hedge} answer.
 *
 * @param symbol        hedge symbol (the correlation plugin's {@code best_hedge})
 * @param side          order side that hedges the position (opposite exposure for a positive hedge ratio)
 * @param quantity      suggested quantity, rounded down to the step size
 * @param notional      suggested notional: position notional × |hedge ratio| × hedge_fraction_pct, USDT
 * @param hedgeRatio    OLS beta of the position's returns on the hedge's returns
 * @param correlation   correlation of the two symbols' returns
 * @param effectiveness share of the position's return variance a full hedge removes, %
 * @param markPrice     hedge symbol's mark price the quantity was computed at
 */
public record HedgeSuggestion(String symbol, Side side, BigDecimal quantity, double notional, double hedgeRatio,
                              double correlation, double effectiveness, double markPrice) {
}
