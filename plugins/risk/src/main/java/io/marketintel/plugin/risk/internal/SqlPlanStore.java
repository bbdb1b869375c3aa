package io.marketintel.plugin.risk.internal;

import io.marketintel.api.Migration;
import io.marketintel.api.Storage;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Optional;

/**
 * {@link PlanStore} in the platform's embedded database (table {@code risk_rebalance_plan}, migrated under the
 * plugin's id). The plan is written in one committed insert before the first order is sent; the primary key on the
 * id makes a concurrent second request with the same id read the first one's plan instead.
 */
final class SqlPlanStore implements PlanStore {

    /** The plugin's schema. Never edit an applied version; add the next one. */
    static final List<Migration> MIGRATIONS = List.of(new Migration(1, "rebalance plans by id", """
            CREATE TABLE risk_rebalance_plan (
                rebalance_id VARCHAR(64) PRIMARY KEY,
                created_at BIGINT NOT NULL,
                plan CLOB NOT NULL);
            """));

    private final Storage storage;

    SqlPlanStore(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Future<Void> init() {
        return storage.migrate(MIGRATIONS);
    }

    @Override
    public Future<Optional<RebalancePlan>> find(String rebalanceId) {
        return storage.withConnection(c -> read(c, rebalanceId)).map(json -> json.map(PlanCodec::decode));
    }

    @Override
    public Future<Stored> saveIfAbsent(RebalancePlan plan) {
        String json = PlanCodec.encode(plan);
        return storage.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO risk_rebalance_plan (rebalance_id, created_at, plan) VALUES (?, ?, ?)")) {
                ps.setString(1, plan.rebalanceId());
                ps.setLong(2, plan.createdAt());
                ps.setString(3, json);
                ps.executeUpdate();
                return Optional.<String>empty();
            } catch (SQLIntegrityConstraintViolationException duplicate) {
                return read(c, plan.rebalanceId());
            }
        }).map(existing -> existing.map(e -> new Stored(PlanCodec.decode(e), false)).orElse(new Stored(plan, true)));
    }

    private static Optional<String> read(Connection c, String rebalanceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT plan FROM risk_rebalance_plan WHERE rebalance_id = ?")) {
            ps.setString(1, rebalanceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
