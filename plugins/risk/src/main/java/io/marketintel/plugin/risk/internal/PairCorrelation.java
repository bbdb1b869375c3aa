package io.marketintel.plugin.risk.internal;

/**
 * The correlation of two held symbols' returns as the diversification score used it.
 *
 * @param symbol1     first symbol
 * @param symbol2     second symbol
 * @param correlation Pearson correlation of the aligned returns, 4 decimals, or null when it could not be measured
 * @param assumed     whether the pair was assumed to move fully together (no usable data): its exposures then add
 *                    up without any diversification or offset
 */
public record PairCorrelation(String symbol1, String symbol2, Double correlation, boolean assumed) {
}
