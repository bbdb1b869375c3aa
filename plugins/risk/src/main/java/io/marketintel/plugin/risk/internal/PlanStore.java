package io.marketintel.plugin.risk.internal;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where live rebalance plans are kept by id, so that a retry of the same id carries out the same plan (same
 * orders, same client order ids) instead of planning again from positions the first attempt already changed.
 */
interface PlanStore {

    /** Prepares the store (schema). */
    Future<Void> init();

    /** The plan stored under {@code rebalanceId}, if any. */
    Future<Optional<RebalancePlan>> find(String rebalanceId);

    /**
     * Stores {@code plan} unless a plan with its id is stored already (a concurrent request with the same id).
     *
     * @return the stored plan and whether it is {@code plan}
     */
    Future<Stored> saveIfAbsent(RebalancePlan plan);

    /** The plan in force for an id. */
    record Stored(RebalancePlan plan, boolean inserted) {
    }
}
