package io.marketintel.plugin.mtf.internal;

import io.marketintel.api.Bias;
import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/mtf/confluence/{symbol}}. The runtime serialises it to snake_case JSON.
 *
 * @param symbol              symbol
 * @param confluenceScore     0 … 100: weighted strength of the timeframes agreeing with the overall direction minus
 *                            that of those opposing it (see the README)
 * @param overallDirection    direction of the weighted score
 * @param weightedScore       weighted mean of the timeframes' signed scores, −100 … +100
 * @param alignedTimeframes   analysed timeframes whose direction is the overall direction
 * @param totalTimeframes     analysed timeframes (those with enough closed candles)
 * @param timeframeSignals    every configured timeframe, shortest first
 * @param anchorTimeframes    the two highest-weight analysed timeframes, whose agreement ENTER requires
 * @param bias                LONG for BULLISH, SHORT for BEARISH, NEUTRAL
 * @param confidence          0 … 100
 * @param entryRecommendation ENTER / WAIT / AVOID
 * @param coveragePct         share (%) of the configured weight whose timeframes had enough data
 * @param reasoning           sentences citing the numbers
 * @param indicatorPeriods    the indicator periods used on every timeframe
 * @param dataTime            close time (ms) of the newest closed candle used, {@code null} when none was
 * @param source              market data source ({@code sim}, {@code binance}, {@code replay})
 */
public record ConfluenceResult(
        String symbol,
        int confluenceScore,
        Direction overallDirection,
        int weightedScore,
        int alignedTimeframes,
        int totalTimeframes,
        List<TimeframeSignal> timeframeSignals,
        List<String> anchorTimeframes,
        Bias bias,
        int confidence,
        EntryRecommendation entryRecommendation,
        double coveragePct,
        List<String> reasoning,
        IndicatorPeriods indicatorPeriods,
        Long dataTime,
        String source) {

    public ConfluenceResult {
        timeframeSignals = List.copyOf(timeframeSignals);
        anchorTimeframes = List.copyOf(anchorTimeframes);
        reasoning = List.copyOf(reasoning);
        if (confluenceScore < 0 || confluenceScore > 100) {
            throw new IllegalArgumentException("confluenceScore must be within [0, 100], was " + confluenceScore);
        }
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be within [0, 100], was " + confidence);
        }
    }
}
