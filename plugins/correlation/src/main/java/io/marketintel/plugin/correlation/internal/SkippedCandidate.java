package io.marketintel.plugin.correlation.internal;

/**
 * A hedge candidate that could not be ranked.
 *
 * @param symbol       candidate
 * @param reason       why, with the numbers
 * @param observations aligned returns the pair had
 */
public record SkippedCandidate(String symbol, String reason, int observations) {
}
