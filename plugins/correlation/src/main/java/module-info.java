/**
 * Correlation Matrix &amp; Pairs Trading: closed klines of many USDⓈ-M symbols aligned by open time, the Pearson
 * correlation matrix of their returns with pairs-trading, hedging and diversification opportunities, hedge
 * recommendations with OLS hedge ratios, and a spread z-score pairs signal. Exports nothing; the runtime finds
 * it through {@code provides}.
 */
module io.marketintel.plugin.correlation {
    requires io.marketintel.api;

    provides io.marketintel.api.Analyzer with io.marketintel.plugin.correlation.internal.CorrelationPlugin;

    opens io.marketintel.plugin.correlation.internal to com.fasterxml.jackson.databind;
}
