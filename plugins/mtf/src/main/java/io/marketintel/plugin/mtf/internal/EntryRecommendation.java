package io.marketintel.plugin.mtf.internal;

/** What the confluence suggests doing about an entry in the overall direction. */
public enum EntryRecommendation {
    /** Confluence at or above {@code enter_threshold} and both anchor timeframes in the overall direction. */
    ENTER,
    /** Neither ENTER nor AVOID: some agreement, not (yet) enough. */
    WAIT,
    /** An anchor timeframe opposes the overall direction, or confluence is below {@code avoid_threshold}. */
    AVOID
}
