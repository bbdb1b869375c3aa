package io.marketintel.plugin.orderbook.internal;

import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/orderbook/levels/{symbol}?num_levels=5}.
 *
 * @param symbol              symbol
 * @param currentPrice        mid price
 * @param supports            clusters of bid walls below mid, nearest first, at most {@code numLevels}
 * @param resistances         clusters of ask walls above mid, nearest first, at most {@code numLevels}
 * @param numLevels           the requested number of levels per side
 * @param clusterTolerancePct {@code cluster_tolerance_pct}
 * @param wallMultiplier      {@code wall_multiplier}: only levels at least this multiple of their side's mean are
 *                            candidates
 * @param levelsAnalyzed      price levels analysed, both sides
 * @param dataTime            the book's matching-engine time (else its event time), ms
 * @param source              market data source
 */
public record LevelsResult(
        String symbol,
        double currentPrice,
        List<PriceCluster> supports,
        List<PriceCluster> resistances,
        int numLevels,
        double clusterTolerancePct,
        double wallMultiplier,
        int levelsAnalyzed,
        long dataTime,
        String source) {

    public LevelsResult {
        supports = List.copyOf(supports);
        resistances = List.copyOf(resistances);
    }
}
