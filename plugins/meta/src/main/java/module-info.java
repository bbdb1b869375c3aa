/**
 * Complete analysis and the meta-learning strategy selector. Two analyzers: {@code complete-analysis} runs the
 * funding, order book, liquidation, multi-timeframe and volume-profile analyses of a symbol in parallel over the
 * event bus, each under its own deadline; {@code meta} classifies the market condition from such an analysis,
 * recommends a strategy (a prior decision tree, overridden only where learned outcomes are statistically better),
 * labels every recommendation automatically once its horizon has passed, and ranks strategies per condition.
 * Exports nothing; the runtime finds both through {@code provides}.
 */
module io.marketintel.plugin.meta {
    requires io.marketintel.api;

    provides io.marketintel.api.Analyzer with io.marketintel.plugin.meta.internal.MetaPlugin,
            io.marketintel.plugin.meta.internal.CompleteAnalysisPlugin;

    opens io.marketintel.plugin.meta.internal to com.fasterxml.jackson.databind;
}
