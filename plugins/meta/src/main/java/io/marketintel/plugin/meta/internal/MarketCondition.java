package io.marketintel.plugin.meta.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seven market conditions of the specification. Written in JSON and stored in H2 as the lower-case
 * {@link #wire()} name ({@code strong_uptrend}), as in the specification's example.
 */
enum MarketCondition {
    STRONG_UPTREND, MILD_UPTREND, RANGING, MILD_DOWNTREND, STRONG_DOWNTREND, HIGH_VOLATILITY, LOW_VOLATILITY;

    /** Every wire name, in declaration order. */
    static final List<String> WIRE_NAMES = Arrays.stream(values()).map(MarketCondition::wire).toList();

    /** {@code strong_uptrend}. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The condition with wire name {@code name} (any case). */
    static Optional<MarketCondition> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
