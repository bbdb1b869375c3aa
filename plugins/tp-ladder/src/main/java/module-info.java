/**
 * Adaptive Take Profit Ladder: take-profit levels at multiples of the ATR chosen by the market regime (ATR,
 * volatility, momentum and ADX on closed candles), the position split over them by regime, and their placement as
 * reduce-only TAKE_PROFIT_MARKET conditional orders through the journaling exchange. An executor; exports nothing,
 * the runtime finds it through {@code provides}.
 */
module io.marketintel.plugin.tpladder {
    requires io.marketintel.api;

    provides io.marketintel.api.Executor with io.marketintel.plugin.tpladder.internal.TpLadderPlugin;

    opens io.marketintel.plugin.tpladder.internal to com.fasterxml.jackson.databind;
}
