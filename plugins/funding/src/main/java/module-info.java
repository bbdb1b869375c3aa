/**
 * Funding Rate &amp; Sentiment Engine: funding, open interest, long/short positioning and taker flow of a
 * USDⓈ-M symbol turned into a sentiment class, a bias with confidence and reasoning, plus a one-request
 * scan for funding arbitrage candidates. Exports nothing; the runtime finds it through {@code provides}.
 */
module io.marketintel.plugin.funding {
    requires io.marketintel.api;

    provides io.marketintel.api.Analyzer with io.marketintel.plugin.funding.internal.FundingPlugin;

    opens io.marketintel.plugin.funding.internal to com.fasterxml.jackson.databind;
}
