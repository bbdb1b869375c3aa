package io.marketintel.plugin.liquidations.internal;

import io.marketintel.api.Bias;
import java.util.List;

/**
 * Answer of {@code GET /api/intelligence/liquidations/heatmap/{symbol}}: an <b>estimate</b> of where
 * liquidations cluster (positions, leverage and margin of other traders are not public). The runtime
 * serialises it to snake_case JSON.
 *
 * @param symbol               symbol
 * @param estimate             always {@code true}: these are modelled, not observed, liquidations
 * @param method               how the estimate was made, in one paragraph
 * @param currentPrice         mark price
 * @param longLiquidationZones buckets of long liquidations below price, nearest first (the largest
 *                             {@code max_zones_per_side})
 * @param shortLiquidationZones buckets of short liquidations above price, nearest first
 * @param clusters             merged significant zones, largest notional first (at most 10)
 * @param cascadeRiskScore     0 … 100, see the README for the formula
 * @param huntingZones         just beyond the big clusters, nearest first
 * @param bias                 SHORT when more liquidations sit close below (a downward hunt is likelier),
 *                             LONG when above, NEUTRAL when balanced
 * @param confidence           0 … 100
 * @param reasoning            sentences citing the numbers
 * @param inputs               what the estimate was built from
 * @param dataTime             time of the newest input, ms
 * @param source               market data source ({@code sim}, {@code binance}, {@code replay})
 */
public record HeatmapResult(
        String symbol,
        boolean estimate,
        String method,
        double currentPrice,
        List<LiquidationZone> longLiquidationZones,
        List<LiquidationZone> shortLiquidationZones,
        List<LiquidationCluster> clusters,
        int cascadeRiskScore,
        List<HuntingZone> huntingZones,
        Bias bias,
        int confidence,
        List<String> reasoning,
        ModelInputs inputs,
        long dataTime,
        String source) {

    public HeatmapResult {
        longLiquidationZones = List.copyOf(longLiquidationZones);
        shortLiquidationZones = List.copyOf(shortLiquidationZones);
        clusters = List.copyOf(clusters);
        huntingZones = List.copyOf(huntingZones);
        reasoning = List.copyOf(reasoning);
        if (cascadeRiskScore < 0 || cascadeRiskScore > 100) {
            throw new IllegalArgumentException("cascadeRiskScore must be within [0, 100], was " + cascadeRiskScore);
        }
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be within [0, 100], was " + confidence);
        }
    }
}
