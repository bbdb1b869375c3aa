package io.marketintel.plugin.funding.internal;

import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/funding/arbitrage}.
 *
 * @param opportunities                     symbols with {@code |funding_rate| ≥ min_funding}, largest first
 * @param count                             number of opportunities returned (after {@code limit})
 * @param totalMatches                      number of symbols that passed the filter (before {@code limit})
 * @param symbolsScanned                    number of symbols in the premium index
 * @param minFunding                        the filter, percent
 * @param limit                             the limit applied
 * @param annualizationAssumesIntervalHours the funding interval the annualisation assumes for every symbol
 *                                          (the premium index does not carry the interval)
 * @param dataTime                          time of the newest premium index entry, ms
 * @param source                            market data source
 */
public record ArbitrageResult(
        List<ArbitrageOpportunity> opportunities,
        int count,
        int totalMatches,
        int symbolsScanned,
        double minFunding,
        int limit,
        int annualizationAssumesIntervalHours,
        long dataTime,
        String source) {

    public ArbitrageResult {
        opportunities = List.copyOf(opportunities);
    }
}
