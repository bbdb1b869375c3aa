/**
 * Multi-Timeframe Confluence: trend indicators (EMAs, RSI, MACD, ADX with ±DI, ATR) on the closed candles of
 * several timeframes, each timeframe classified with a strength, combined by weight into a confluence score, a
 * bias and an entry recommendation. Exports nothing; the runtime finds it through {@code provides}.
 */
module io.marketintel.plugin.mtf {
    requires io.marketintel.api;

    provides io.marketintel.api.Analyzer with io.marketintel.plugin.mtf.internal.MtfPlugin;

    opens io.marketintel.plugin.mtf.internal to com.fasterxml.jackson.databind;
}
