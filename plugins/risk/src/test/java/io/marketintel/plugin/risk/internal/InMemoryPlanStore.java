package io.marketintel.plugin.risk.internal;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link PlanStore} in memory that round-trips every plan through {@link PlanCodec}, like the database does. */
final class InMemoryPlanStore implements PlanStore {

    final Map<String, String> stored = new LinkedHashMap<>();

    @Override
    public Future<Void> init() {
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<RebalancePlan>> find(String rebalanceId) {
        return Future.succeededFuture(Optional.ofNullable(stored.get(rebalanceId)).map(PlanCodec::decode));
    }

    @Override
    public Future<Stored> saveIfAbsent(RebalancePlan plan) {
        String existing = stored.putIfAbsent(plan.rebalanceId(), PlanCodec.encode(plan));
        return Future.succeededFuture(existing == null ? new Stored(plan, true)
                : new Stored(PlanCodec.decode(existing), false));
    }
}
