package io.marketintel.plugin.orderbook.internal;

/**
 * How the depth score was made: {@code score = round(100 × (0.5 × volumeScore + 0.3 × levelScore + 0.2 ×
 * spreadScore))}, see {@link BookMath}.
 *
 * @param score             the depth score, 0–100
 * @param notionalInBand    quote notional of both sides within the imbalance band
 * @param referenceNotional {@code depth_reference_notional}
 * @param volumeScore       {@code clamp(1 + log10(notionalInBand / referenceNotional) / 3, 0, 1)}
 * @param levelsInBand      levels of both sides within the band
 * @param levelScore        {@code min(1, levelsInBand / (2 × depth_limit))}
 * @param spreadBps         spread in basis points of mid
 * @param spreadScore       {@code 1 / (1 + spreadBps / 5)}
 */
public record DepthBreakdown(
        int score,
        double notionalInBand,
        double referenceNotional,
        double volumeScore,
        int levelsInBand,
        double levelScore,
        double spreadBps,
        double spreadScore) {
}
