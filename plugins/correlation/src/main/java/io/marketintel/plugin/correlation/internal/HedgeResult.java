package io.marketintel.plugin.correlation.internal;

import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/correlation/hedge/{symbol}?candidates=…}.
 *
 * @param targetSymbol         the position to hedge
 * @param period               kline interval code
 * @param returnType           {@code simple} or {@code log}
 * @param lookback             closed candles asked for per symbol
 * @param recommendations      candidates, most effective first
 * @param bestHedge            the most effective candidate whose |correlation| exceeds the hedge threshold, or null
 * @param effectivenessMethod  how {@code effectiveness} is computed
 * @param hedgeRatioMethod     {@code ols_beta_of_returns}
 * @param hedgeCorrelationThreshold |correlation| a candidate must exceed to be recommended
 * @param skipped              candidates without enough data, with the reason
 * @param reasoning            sentences citing the numbers
 * @param dataTime             close time of the newest aligned candle, ms
 * @param source               market data source
 */
public record HedgeResult(
        String targetSymbol,
        String period,
        String returnType,
        int lookback,
        List<HedgeCandidate> recommendations,
        BestHedge bestHedge,
        String effectivenessMethod,
        String hedgeRatioMethod,
        double hedgeCorrelationThreshold,
        List<SkippedCandidate> skipped,
        List<String> reasoning,
        long dataTime,
        String source) {

    public HedgeResult {
        recommendations = List.copyOf(recommendations);
        skipped = List.copyOf(skipped);
        reasoning = List.copyOf(reasoning);
    }
}
