package io.marketintel.plugin.funding.internal;

import io.marketintel.api.Bias;
import java.util.Objects;

/**
 * One signal that fired. Its weight counts towards {@code bias} and {@code confidence}, see
 * {@link FundingAnalysis#decide(java.util.List)}.
 *
 * @param name      {@code contrarian}, {@code trend_confirmation}, {@code smart_money_divergence} or
 *                  {@code taker_flow}
 * @param direction the side the signal argues for ({@code LONG} or {@code SHORT})
 * @param weight    points the signal contributes, positive
 * @param reason    the human sentence (also listed in the result's {@code reasoning})
 */
public record Signal(String name, Bias direction, int weight, String reason) {

    public static final String CONTRARIAN = "contrarian";
    public static final String TREND_CONFIRMATION = "trend_confirmation";
    public static final String SMART_MONEY_DIVERGENCE = "smart_money_divergence";
    public static final String TAKER_FLOW = "taker_flow";

    public Signal {
        Objects.requireNonNull(name, "property [name] is missing for a signal");
        Objects.requireNonNull(direction, () -> "property [direction] is missing for signal [" + name + "]");
        if (direction == Bias.NEUTRAL) {
            throw new IllegalArgumentException("signal [" + name + "] must argue LONG or SHORT, not NEUTRAL");
        }
        if (weight <= 0) {
            throw new IllegalArgumentException("weight of signal [" + name + "] must be positive, was " + weight);
        }
        Objects.requireNonNull(reason, () -> "property [reason] is missing for signal [" + name + "]");
    }
}
