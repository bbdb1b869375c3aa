package io.marketintel.plugin.meta.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A strategy arm: one complete way of trading a recommendation (entry, stop, targets, routing). The learner compares
 * arms within a market condition. The catalogue ({@link #ALL}) holds the five bundles of the prior decision tree
 * ({@link PriorTree}) and one plain bundle that no condition starts from (static entry, no stop, wide targets,
 * market orders: closest to "hold to the horizon"). Ids are stable: they are stored in H2.
 *
 * @param id        {@code execution.trailing.tp.routing}, lower case ({@code pyramid.smart.aggressive.iceberg})
 * @param execution execution mode
 * @param trailing  trailing-stop mode
 * @param tp        take-profit ladder strategy
 * @param routing   order routing
 */
record Arm(String id, ExecutionMode execution, TrailingMode trailing, TpStrategy tp, OrderRouting routing) {

    static final Arm PYRAMID_SMART = of(ExecutionMode.PYRAMID, TrailingMode.SMART, TpStrategy.AGGRESSIVE,
            OrderRouting.ICEBERG);
    static final Arm STATIC_DYNAMIC = of(ExecutionMode.STATIC, TrailingMode.DYNAMIC, TpStrategy.ADAPTIVE,
            OrderRouting.LIMIT);
    static final Arm DCA_BREAKEVEN = of(ExecutionMode.DCA, TrailingMode.BREAKEVEN, TpStrategy.CONSERVATIVE,
            OrderRouting.ADAPTIVE);
    static final Arm SNIPER_STATIC = of(ExecutionMode.SNIPER, TrailingMode.STATIC, TpStrategy.CONSERVATIVE,
            OrderRouting.TWAP);
    static final Arm STATIC_PROFIT = of(ExecutionMode.STATIC, TrailingMode.PROFIT_BASED, TpStrategy.ADAPTIVE,
            OrderRouting.MARKET);
    static final Arm STATIC_HOLD = of(ExecutionMode.STATIC, TrailingMode.DISABLED, TpStrategy.AGGRESSIVE,
            OrderRouting.MARKET);

    /** The catalogue, in a fixed order (ties in rankings go to the earlier arm). */
    static final List<Arm> ALL = List.of(PYRAMID_SMART, STATIC_DYNAMIC, DCA_BREAKEVEN, SNIPER_STATIC, STATIC_PROFIT,
            STATIC_HOLD);

    Arm {
        Objects.requireNonNull(id, "property [id] is missing for an arm");
        Objects.requireNonNull(execution, "property [execution] is missing for arm [" + id + "]");
        Objects.requireNonNull(trailing, "property [trailing] is missing for arm [" + id + "]");
        Objects.requireNonNull(tp, "property [tp] is missing for arm [" + id + "]");
        Objects.requireNonNull(routing, "property [routing] is missing for arm [" + id + "]");
    }

    static Arm of(ExecutionMode e, TrailingMode t, TpStrategy tp, OrderRouting r) {
        String id = e.wire() + "." + t.wire() + "." + tp.wire().toLowerCase(java.util.Locale.ROOT) + "."
                + r.wire().toLowerCase(java.util.Locale.ROOT);
        return new Arm(id, e, t, tp, r);
    }

    /** The catalogue arm with {@code id}. */
    static Optional<Arm> byId(String id) {
        return ALL.stream().filter(a -> a.id.equals(id)).findFirst();
    }

    /** Position in {@link #ALL}. */
    int order() {
        return ALL.indexOf(this);
    }
}
