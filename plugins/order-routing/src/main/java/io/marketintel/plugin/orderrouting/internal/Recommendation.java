package io.marketintel.plugin.orderrouting.internal;

import java.util.List;

/**
 * {@code GET /api/intelligence/order-routing/recommend/{symbol}}: the condition analysis and the algorithm adaptive
 * routing would run, with its parameters, without executing anything.
 *
 * @param symbol      symbol
 * @param side        side
 * @param quantity    the quantity asked about (rounded down to the step size)
 * @param urgency     urgency
 * @param algorithm   the recommended algorithm
 * @param parameters  how it would run
 * @param conditions  the analysis
 * @param reasoning   the analysis in words and the rule that decided
 * @param time        when the book was read (the clock), ms
 */
public record Recommendation(String symbol, String side, double quantity, String urgency, String algorithm,
                             RecommendedParameters parameters, MarketConditions conditions, List<String> reasoning,
                             long time) {

    /**
     * Parameters of the recommended algorithm.
     *
     * @param durationSeconds      duration
     * @param numSlices            slices (TWAP, MARKET), or null
     * @param sliceIntervalSeconds seconds between slices (TWAP), or null
     * @param sliceQuantity        quantity of the smallest slice (TWAP, MARKET), or null
     * @param visibleQuantity      child order quantity (ICEBERG), or null
     * @param limitPrice           the touch it would quote at (ICEBERG), or null
     * @param planNote             merging or splitting the plan needed, or null
     */
    public record RecommendedParameters(double durationSeconds, Integer numSlices, Double sliceIntervalSeconds,
                                        Double sliceQuantity, Double visibleQuantity, Double limitPrice,
                                        String planNote) {
    }
}
