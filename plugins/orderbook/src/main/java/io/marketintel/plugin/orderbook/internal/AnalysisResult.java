package io.marketintel.plugin.orderbook.internal;

import io.marketintel.api.Bias;
import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/orderbook/analysis/{symbol}}; the runtime serialises it to snake_case JSON
 * ({@code bidAskImbalance} → {@code bid_ask_imbalance}). Formulas: {@link BookMath} and {@link OrderBookAnalysis}.
 *
 * @param symbol                symbol
 * @param currentPrice          mid price {@code (best bid + best ask) / 2}
 * @param bidAskImbalance       {@code (bid − ask) × 100 / (bid + ask)} of the base volumes within {@code imbalanceBand}
 * @param dominantSide          BID / ASK / NEUTRAL against {@code dominant_threshold_pct} (inclusive)
 * @param whaleBids             strongest bid walls, at most {@code max_walls}, strongest first
 * @param whaleAsks             strongest ask walls, at most {@code max_walls}, strongest first
 * @param bias                  LONG / SHORT / NEUTRAL from the net pressure
 * @param confidence            0–100
 * @param reasoning             sentences citing the numbers
 * @param bestBid               best bid price
 * @param bestAsk               best ask price
 * @param spread                {@code best ask − best bid}, decimal-exact
 * @param spreadBps             spread in basis points of mid
 * @param imbalanceBand         the band the imbalance and the depth score were computed over
 * @param whaleBidCount         number of bid walls (all of them, not only those listed)
 * @param whaleAskCount         number of ask walls
 * @param averageBidQuantity    mean quantity of the analysed bid levels: the base of the wall rule
 * @param averageAskQuantity    mean quantity of the analysed ask levels
 * @param wallMultiplier        {@code wall_multiplier}
 * @param spoofingSuspected     whether there is any spoof evidence
 * @param spoofEvidence         the evidence, vanished walls newest first then far one-sided walls, at most
 *                              {@value OrderBookAnalysis#MAX_EVIDENCE}
 * @param spoofEvidenceCount    number of pieces of evidence before the cut
 * @param historySnapshots      snapshots of this symbol in the plugin's history (the current one included)
 * @param depthScore            0–100
 * @param depth                 how the depth score was made
 * @param netPressure           {@code 0.6 × imbalance + 0.4 × wallBalance}, −100 … 100
 * @param wallBalance           {@code (B − A) × 100 / (B + A)} of the effective strengths of the walls in the band
 * @param levelsAnalyzed        price levels analysed, both sides
 * @param depthLimit            levels per side asked for ({@code depth_limit})
 * @param lastUpdateId          the book's update id
 * @param dataTime              the book's matching-engine time (else its event time), ms
 * @param source                market data source ({@code sim}, {@code binance}, {@code replay})
 */
public record AnalysisResult(
        String symbol,
        double currentPrice,
        double bidAskImbalance,
        DominantSide dominantSide,
        List<Wall> whaleBids,
        List<Wall> whaleAsks,
        Bias bias,
        int confidence,
        List<String> reasoning,
        double bestBid,
        double bestAsk,
        double spread,
        double spreadBps,
        ImbalanceBand imbalanceBand,
        int whaleBidCount,
        int whaleAskCount,
        double averageBidQuantity,
        double averageAskQuantity,
        double wallMultiplier,
        boolean spoofingSuspected,
        List<SpoofEvidence> spoofEvidence,
        int spoofEvidenceCount,
        int historySnapshots,
        int depthScore,
        DepthBreakdown depth,
        double netPressure,
        double wallBalance,
        int levelsAnalyzed,
        int depthLimit,
        long lastUpdateId,
        long dataTime,
        String source) {

    public AnalysisResult {
        whaleBids = List.copyOf(whaleBids);
        whaleAsks = List.copyOf(whaleAsks);
        reasoning = List.copyOf(reasoning);
        spoofEvidence = List.copyOf(spoofEvidence);
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be within [0, 100], was " + confidence);
        }
        if (depthScore < 0 || depthScore > 100) {
            throw new IllegalArgumentException("depth score must be within [0, 100], was " + depthScore);
        }
    }
}
