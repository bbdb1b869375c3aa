package io.marketintel.runtime.market.replay;

import java.util.List;
import java.util.Map;

/**
 * What the replay market holds and where it stands, for {@code /api/health} and evaluation tools. Times
 * are epoch milliseconds (UTC), null when unknown. Per-symbol details are complete once the symbol is
 * loaded (on its first request, or all at once with {@link ReplayMarket#preload()}).
 *
 * @param dir            the replay folder
 * @param now            replayed time
 * @param speed          replayed milliseconds per real millisecond
 * @param paused         whether replayed time stands still
 * @param earliest       first recorded candle (first row of any series when there are no klines)
 * @param latest         last candle open time over loaded symbols, null before any is loaded
 * @param ended          whether {@code now} is past every loaded symbol's last candle
 * @param symbols        symbols with data, sorted
 * @param loadedSymbols  how many symbols are loaded
 * @param filesByKind    recognised files per kind ({@code klines}, {@code metrics}, {@code funding_rate}, …)
 * @param gaps           gaps in the stored kline intervals of loaded symbols
 * @param missingCandles candles missing in those gaps
 * @param exchangeInfo   the exchange info file in use, or null (filters then derived from the data)
 * @param leverageBrackets the leverage bracket files in use
 * @param unrecognised   files that are not replayed, with the reason
 * @param details        one entry per symbol
 */
public record ReplayStatus(
        String dir,
        long now,
        double speed,
        boolean paused,
        Long earliest,
        Long latest,
        boolean ended,
        List<String> symbols,
        int loadedSymbols,
        Map<String, Integer> filesByKind,
        int gaps,
        long missingCandles,
        String exchangeInfo,
        List<String> leverageBrackets,
        List<UnrecognisedFile> unrecognised,
        List<SymbolStatus> details) {

    public ReplayStatus {
        symbols = List.copyOf(symbols);
        filesByKind = Map.copyOf(filesByKind);
        leverageBrackets = List.copyOf(leverageBrackets);
        unrecognised = List.copyOf(unrecognised);
        details = List.copyOf(details);
    }

    /**
     * A file of the replay folder that is not replayed.
     *
     * @param file   path relative to the folder
     * @param reason why
     */
    public record UnrecognisedFile(String file, String reason) {
    }

    /**
     * One symbol.
     *
     * @param symbol           symbol
     * @param state            {@code not_loaded}, {@code loading}, {@code loaded} or {@code failed}
     * @param error            why loading failed (names the file and line), or null
     * @param files            recognised files of the symbol
     * @param intervals        kline intervals read from files
     * @param derivedIntervals kline intervals aggregated from them
     * @param first            first candle open time of the shortest stored interval, or null
     * @param last             last candle open time of the shortest stored interval, or null
     * @param gaps             gaps in the stored intervals
     * @param missingCandles   candles missing in those gaps
     * @param duplicateCandles candles dropped because another file had the same open time
     * @param metricsRows      5-minute metrics rows
     * @param fundingRows      settled funding rates
     * @param depthSnapshots   recorded order book snapshots
     * @param loadMillis       time the load took, ms
     */
    public record SymbolStatus(
            String symbol,
            String state,
            String error,
            int files,
            List<String> intervals,
            List<String> derivedIntervals,
            Long first,
            Long last,
            int gaps,
            long missingCandles,
            int duplicateCandles,
            int metricsRows,
            int fundingRows,
            int depthSnapshots,
            Double loadMillis) {

        public SymbolStatus {
            intervals = List.copyOf(intervals);
            derivedIntervals = List.copyOf(derivedIntervals);
        }
    }
}
