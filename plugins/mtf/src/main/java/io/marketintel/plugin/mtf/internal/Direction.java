package io.marketintel.plugin.mtf.internal;

/** The trend call of one timeframe, or of the weighted whole. */
public enum Direction {
    BULLISH, BEARISH, NEUTRAL;

    /** {@code +1}, {@code −1} or {@code 0}. */
    public int sign() {
        return switch (this) {
            case BULLISH -> 1;
            case BEARISH -> -1;
            case NEUTRAL -> 0;
        };
    }

    /** The opposite direction; NEUTRAL stays NEUTRAL. */
    public Direction opposite() {
        return switch (this) {
            case BULLISH -> BEARISH;
            case BEARISH -> BULLISH;
            case NEUTRAL -> NEUTRAL;
        };
    }
}
