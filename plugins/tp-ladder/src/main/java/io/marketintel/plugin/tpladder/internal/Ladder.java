package io.marketintel.plugin.tpladder.internal;

import io.marketintel.api.trading.WorkingType;
import java.math.BigDecimal;
import java.util.List;

/**
 * A take-profit ladder: the answer of {@code calculate}, and what {@code place-orders} places.
 *
 * @param symbol               symbol
 * @param side                 the position's side
 * @param strategy             ADAPTIVE, AGGRESSIVE or CONSERVATIVE (null for a ladder given whole to place-orders
 *                             without one)
 * @param entryPrice           the position's entry price
 * @param quantity             the position's quantity; the levels' quantities sum exactly to it
 * @param leverage             the position's leverage (only used for {@code expected_profit_pct})
 * @param numLevels            levels in the ladder
 * @param numLevelsRequested   levels asked for; more than {@code num_levels} when levels too small for the symbol's
 *                             filters were merged (see {@code notes})
 * @param marketRegime         the regime that chose multipliers and split (null for a given ladder)
 * @param atr                  the ATR the distances are multiples of (NaN, written null, for a given ladder)
 * @param indicators           the values the regime was classified from (null for a given ladder)
 * @param regimeReasoning      why that regime
 * @param currentPrice         the watched price now (NaN when unknown)
 * @param currentPriceType     which price: the take-profits' working type
 * @param tpLevels             the levels, nearest first
 * @param expectedProfitPct    profit if every level fills, as % of the position's margin (entry × quantity /
 *                             leverage): {@code expected_move_pct × leverage}; before fees and funding
 * @param expectedMovePct      the same profit as % of the position's notional at entry (unlevered): the
 *                             quantity-weighted average of the levels' {@code distance_pct}
 * @param expectedProfitQuote  the same profit in the quote asset: Σ quantity × |price − entry|
 * @param notes                adjustments made (levels merged, prices pushed one tick apart)
 * @param warnings             what a placement would run into now (levels already reached, trend against the side)
 * @param source               market data source ({@code sim}, {@code binance}, {@code replay})
 */
public record Ladder(
        String symbol,
        PositionSide side,
        Strategy strategy,
        BigDecimal entryPrice,
        BigDecimal quantity,
        int leverage,
        int numLevels,
        int numLevelsRequested,
        MarketRegime marketRegime,
        double atr,
        Indicators indicators,
        List<String> regimeReasoning,
        double currentPrice,
        WorkingType currentPriceType,
        List<TpLevel> tpLevels,
        double expectedProfitPct,
        double expectedMovePct,
        BigDecimal expectedProfitQuote,
        List<String> notes,
        List<String> warnings,
        String source) {

    public Ladder {
        regimeReasoning = regimeReasoning == null ? List.of() : List.copyOf(regimeReasoning);
        tpLevels = List.copyOf(tpLevels);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }
}
