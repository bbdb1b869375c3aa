package io.marketintel.plugin.correlation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Answer of {@code POST /api/intelligence/correlation/matrix}.
 *
 * @param symbols                        the symbols, in the request's order: row and column order of {@code matrix}
 * @param period                         kline interval code ({@code 1d})
 * @param returnType                     {@code simple} or {@code log}
 * @param method                         one sentence on what was computed
 * @param lookback                       closed candles asked for per symbol
 * @param observations                   aligned returns each correlation is computed from
 * @param timeRange                      the aligned candles used
 * @param matrix                         Pearson correlations, one row per symbol; 1 on the diagonal, null for a
 *                                       symbol whose price did not move over the window
 * @param pairsTradingOpportunities      |ρ| above the pairs threshold and the current spread z-score beyond ±the
 *                                       z threshold; largest |z| first
 * @param hedgingOpportunities           ρ above the hedge threshold; highest first
 * @param diversificationOpportunities   ρ below the diversification threshold; lowest first
 * @param opportunityCounts              totals before the lists were cut to {@code max_opportunities}
 * @param thresholds                     thresholds applied
 * @param droppedTimestamps              open times dropped because at least one symbol lacked them
 * @param gapReturns                     returns spanning more than one interval (an open time no symbol had)
 * @param coverage                       per symbol: candles received and open times missing
 * @param dataTime                       close time of the newest aligned candle, ms
 * @param source                         market data source
 */
public record MatrixResult(
        List<String> symbols,
        String period,
        String returnType,
        String method,
        int lookback,
        int observations,
        TimeRange timeRange,
        List<List<Double>> matrix,
        List<PairsOpportunity> pairsTradingOpportunities,
        List<CorrelatedPair> hedgingOpportunities,
        List<CorrelatedPair> diversificationOpportunities,
        OpportunityCounts opportunityCounts,
        Thresholds thresholds,
        int droppedTimestamps,
        int gapReturns,
        List<SymbolCoverage> coverage,
        long dataTime,
        String source) {

    public MatrixResult {
        symbols = List.copyOf(symbols);
        // Rows may hold nulls (a constant series), which List.copyOf refuses.
        matrix = Collections.unmodifiableList(new ArrayList<>(matrix));
        pairsTradingOpportunities = List.copyOf(pairsTradingOpportunities);
        hedgingOpportunities = List.copyOf(hedgingOpportunities);
        diversificationOpportunities = List.copyOf(diversificationOpportunities);
        coverage = List.copyOf(coverage);
    }
}
