package io.marketintel.plugin.funding.internal;

/**
 * The side that receives funding: with a positive rate longs pay shorts ({@code SHORT} receives), with a
 * negative rate shorts pay longs ({@code LONG} receives), with zero nobody does ({@code NONE}).
 */
public enum ReceivingSide {
    LONG, SHORT, NONE;

    /** The receiving side of a funding rate (any unit). */
    public static ReceivingSide of(double fundingRate) {
        if (fundingRate > 0) {
            return SHORT;
        }
        return fundingRate < 0 ? LONG : NONE;
    }
}
