/**
 * Liquidation Heatmap Calculator: an estimate of where liquidations of a USDⓈ-M symbol cluster, built from
 * open interest build-up, long/short positioning, leverage tiers and the symbol's maintenance margin
 * brackets; with clusters, a cascade risk score and stop-hunting zones. Exports nothing; the runtime finds
 * it through {@code provides}.
 */
module io.marketintel.plugin.liquidations {
    requires io.marketintel.api;

    provides io.marketintel.api.Analyzer with io.marketintel.plugin.liquidations.internal.LiquidationsPlugin;

    opens io.marketintel.plugin.liquidations.internal to com.fasterxml.jackson.databind;
}
