package io.marketintel.plugin.meta.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Migration;
import io.marketintel.api.Storage;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The selector's tables in the platform's H2 database ({@code ctx.storage()}, migrations versioned under the plugin
 * id {@code meta}). Every write runs in {@link Storage#inTransaction}, so a future completes only after the commit.
 *
 * <pre>
 * meta_recommendations  one row per recommendation: symbol, time, condition, direction, recommended and prior arm,
 *                       confidences, price and unit, horizon, label due time and status (PENDING, LABELLED, SKIPPED)
 * meta_outcomes         at most one per recommendation: AUTO (labeller) or POSTED (caller); a POSTED one replaces an
 *                       AUTO one, a second POSTED one must be identical (else 409)
 * meta_arm_returns      learning rows, one per (recommendation, arm): AUTO for every arm from the labeller, POSTED for
 *                       the recommended arm from a posted outcome (which takes precedence over the simulation)
 * </pre>
 */
final class MetaStore {

    static final String PENDING = "PENDING";
    static final String LABELLED = "LABELLED";
    static final String SKIPPED = "SKIPPED";
    static final String AUTO = "AUTO";
    static final String POSTED = "POSTED";

    /** The schema, in order. Never edit an applied migration: add one. */
    static final List<Migration> MIGRATIONS = List.of(new Migration(1, "recommendations, outcomes and arm returns", """
            CREATE TABLE meta_recommendations (
                id VARCHAR(64) PRIMARY KEY,
                symbol VARCHAR(40) NOT NULL,
                created_at BIGINT NOT NULL,
                market_condition VARCHAR(32) NOT NULL,
                direction VARCHAR(8) NOT NULL,
                arm VARCHAR(96) NOT NULL,
                prior_arm VARCHAR(96) NOT NULL,
                overridden BOOLEAN NOT NULL,
                confidence INT NOT NULL,
                overall_confidence INT NOT NULL,
                price DOUBLE PRECISION,
                price_source VARCHAR(64),
                unit_pct DOUBLE PRECISION NOT NULL,
                horizon_minutes INT NOT NULL,
                label_interval VARCHAR(8) NOT NULL,
                label_due_at BIGINT NOT NULL,
                label_status VARCHAR(16) NOT NULL,
                label_note VARCHAR(500),
                inputs VARCHAR(4000)
            );
            CREATE INDEX meta_recommendations_pending ON meta_recommendations(label_status, label_due_at);
            CREATE INDEX meta_recommendations_condition ON meta_recommendations(market_condition);
            CREATE TABLE meta_outcomes (
                recommendation_id VARCHAR(64) PRIMARY KEY,
                source VARCHAR(8) NOT NULL,
                realized_return_pct DOUBLE PRECISION NOT NULL,
                traded BOOLEAN NOT NULL,
                pnl DOUBLE PRECISION,
                notional DOUBLE PRECISION,
                holding_minutes BIGINT,
                notes VARCHAR(500),
                hold_return_pct DOUBLE PRECISION,
                exit_reason VARCHAR(16),
                bars INT,
                recorded_at BIGINT NOT NULL,
                CONSTRAINT meta_outcomes_recommendation FOREIGN KEY (recommendation_id)
                    REFERENCES meta_recommendations(id)
            );
            CREATE TABLE meta_arm_returns (
                recommendation_id VARCHAR(64) NOT NULL,
                arm VARCHAR(96) NOT NULL,
                market_condition VARCHAR(32) NOT NULL,
                return_pct DOUBLE PRECISION NOT NULL,
                filled BOOLEAN NOT NULL,
                source VARCHAR(8) NOT NULL,
                PRIMARY KEY (recommendation_id, arm),
                CONSTRAINT meta_arm_returns_recommendation FOREIGN KEY (recommendation_id)
                    REFERENCES meta_recommendations(id)
            );
            CREATE INDEX meta_arm_returns_condition ON meta_arm_returns(market_condition, arm);
            """));

    /** A recommendation to store. */
    record NewRecommendation(String id, String symbol, long createdAt, String marketCondition, String direction,
                             String arm, String priorArm, boolean overridden, int confidence, int overallConfidence,
                             Double price, String priceSource, double unitPct, int horizonMinutes,
                             String labelInterval, long labelDueAt, String labelStatus, String labelNote,
                             String inputs) {
    }

    /** A recommendation waiting for its label. */
    record Pending(String id, String symbol, long createdAt, String marketCondition, String direction, String arm,
                   Double price, double unitPct, int horizonMinutes, String labelInterval, long labelDueAt) {
    }

    /** An outcome posted by a caller. */
    record Posted(String recommendationId, double realizedReturnPct, Double pnl, Double notional, Long holdingMinutes,
                  String notes) {
    }

    /** The labeller's result for one recommendation. */
    record Label(String recommendationId, String marketCondition, String recommendedArm, List<ArmReturn> arms,
                 double realizedReturnPct, boolean traded, Double holdReturnPct, String exitReason, int bars,
                 String note) {
        Label {
            arms = List.copyOf(arms);
        }
    }

    private final Storage storage;

    MetaStore(Storage storage) {
        this.storage = storage;
    }

    Future<Void> migrate() {
        return storage.migrate(MIGRATIONS);
    }

    Future<Void> insert(NewRecommendation r) {
        return storage.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta_recommendations (id, symbol, created_at,"
                    + " market_condition, direction, arm, prior_arm, overridden, confidence, overall_confidence, price,"
                    + " price_source, unit_pct, horizon_minutes, label_interval, label_due_at, label_status,"
                    + " label_note, inputs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.id());
                ps.setString(2, r.symbol());
                ps.setLong(3, r.createdAt());
                ps.setString(4, r.marketCondition());
                ps.setString(5, r.direction());
                ps.setString(6, r.arm());
                ps.setString(7, r.priorArm());
                ps.setBoolean(8, r.overridden());
                ps.setInt(9, r.confidence());
                ps.setInt(10, r.overallConfidence());
                setDouble(ps, 11, r.price());
                ps.setString(12, r.priceSource());
                ps.setDouble(13, r.unitPct());
                ps.setInt(14, r.horizonMinutes());
                ps.setString(15, r.labelInterval());
                ps.setLong(16, r.labelDueAt());
                ps.setString(17, r.labelStatus());
                ps.setString(18, truncate(r.labelNote(), 500));
                ps.setString(19, truncate(r.inputs(), 4000));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every learning row of {@code condition}. */
    Future<List<Learner.Outcome>> outcomes(MarketCondition condition) {
        return storage.withConnection(c -> {
            List<Learner.Outcome> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT recommendation_id, arm, return_pct, filled FROM"
                    + " meta_arm_returns WHERE market_condition = ?")) {
                ps.setString(1, condition.wire());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Learner.Outcome(rs.getString(1), rs.getString(2), rs.getDouble(3),
                                rs.getBoolean(4)));
                    }
                }
            }
            return out;
        });
    }

    /** The recommendation {@code id} with its outcome and learning rows. */
    Future<Optional<StoredRecommendation>> find(String id) {
        return storage.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, symbol, created_at, market_condition, direction,"
                    + " arm, prior_arm, overridden, confidence, overall_confidence, price, price_source, unit_pct,"
                    + " horizon_minutes, label_interval, label_due_at, label_status, label_note FROM"
                    + " meta_recommendations WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredRecommendation(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                            rs.getInt(9), rs.getInt(10), getDouble(rs, 11), rs.getString(12), rs.getDouble(13),
                            rs.getInt(14), rs.getString(15), rs.getLong(16), rs.getString(17), rs.getString(18),
                            outcome(c, id, false), armReturns(c, id)));
                }
            }
        });
    }

    /** Recommendations whose label is due at {@code now}, oldest first. */
    Future<List<Pending>> due(long now, int limit) {
        return storage.withConnection(c -> {
            List<Pending> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, symbol, created_at, market_condition, direction,"
                    + " arm, price, unit_pct, horizon_minutes, label_interval, label_due_at FROM meta_recommendations"
                    + " WHERE label_status = ? AND label_due_at <= ? ORDER BY label_due_at, id LIMIT ?")) {
                ps.setString(1, PENDING);
                ps.setLong(2, now);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Pending(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), getDouble(rs, 7), rs.getDouble(8), rs.getInt(9),
                                rs.getString(10), rs.getLong(11)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Stores a label: learning rows for every arm (keeping a POSTED row of the recommended arm), the AUTO outcome
     * unless an outcome exists, and the status LABELLED. Idempotent: a recommendation no longer PENDING is left alone.
     *
     * @return whether it was stored (false: labelled or skipped meanwhile)
     */
    Future<Boolean> label(Label l, long now) {
        return storage.inTransaction(c -> {
            if (!lockPending(c, l.recommendationId())) {
                return false;
            }
            for (ArmReturn a : l.arms()) {
                if (POSTED.equals(armSource(c, l.recommendationId(), a.arm()))) {
                    continue;
                }
                mergeArm(c, l.recommendationId(), a.arm(), l.marketCondition(), a.returnPct(), a.filled(), AUTO);
            }
            if (outcome(c, l.recommendationId(), true) == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta_outcomes (recommendation_id, source,"
                        + " realized_return_pct, traded, hold_return_pct, exit_reason, bars, recorded_at) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, l.recommendationId());
                    ps.setString(2, AUTO);
                    ps.setDouble(3, l.realizedReturnPct());
                    ps.setBoolean(4, l.traded());
                    setDouble(ps, 5, l.holdReturnPct());
                    ps.setString(6, l.exitReason());
                    ps.setInt(7, l.bars());
                    ps.setLong(8, now);
                    ps.executeUpdate();
                }
            }
            setStatus(c, l.recommendationId(), LABELLED, l.note());
            return true;
        });
    }

    /** Marks a recommendation that cannot be labelled; idempotent like {@link #label}. */
    Future<Boolean> skip(String id, String note) {
        return storage.inTransaction(c -> {
            if (!lockPending(c, id)) {
                return false;
            }
            setStatus(c, id, SKIPPED, note);
            return true;
        });
    }

    /**
     * Records a posted outcome: the first one is stored (replacing an AUTO one), an identical repeat is answered with
     * the stored one, a different repeat is a 409 naming the recommendation.
     *
     * @throws IntelException NOT_FOUND for an unknown id, CONFLICT for a different repeat (as failed futures)
     */
    Future<OutcomeAnswer> post(Posted p, long now) {
        return storage.inTransaction(c -> {
            String[] rec = recommendation(c, p.recommendationId());
            String condition = rec[0];
            String direction = rec[1];
            String arm = rec[2];
            boolean learned = !"NEUTRAL".equals(direction);
            OutcomeView existing = outcome(c, p.recommendationId(), true);
            String status;
            if (existing == null) {
                try {
                    insertPosted(c, p, now);
                    status = "RECORDED";
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // A concurrent post committed first: compare with it.
                    existing = outcome(c, p.recommendationId(), true);
                    return repeat(p, existing, condition, arm, learned);
                }
            } else if (AUTO.equals(existing.source())) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE meta_outcomes SET source = ?,"
                        + " realized_return_pct = ?, traded = TRUE, pnl = ?, notional = ?, holding_minutes = ?,"
                        + " notes = ?, recorded_at = ? WHERE recommendation_id = ?")) {
                    ps.setString(1, POSTED);
                    ps.setDouble(2, p.realizedReturnPct());
                    setDouble(ps, 3, p.pnl());
                    setDouble(ps, 4, p.notional());
                    setLong(ps, 5, p.holdingMinutes());
                    ps.setString(6, truncate(p.notes(), 500));
                    ps.setLong(7, now);
                    ps.setString(8, p.recommendationId());
                    ps.executeUpdate();
                }
                status = "REPLACED_AUTOMATIC";
            } else {
                return repeat(p, existing, condition, arm, learned);
            }
            if (learned) {
                mergeArm(c, p.recommendationId(), arm, condition, p.realizedReturnPct(), true, POSTED);
            }
            return new OutcomeAnswer(p.recommendationId(), status, condition, learned ? arm : null, learned,
                    outcome(c, p.recommendationId(), false));
        });
    }

    private static OutcomeAnswer repeat(Posted p, OutcomeView existing, String condition, String arm,
                                        boolean learned) {
        boolean same = Math.abs(existing.realizedReturnPct() - p.realizedReturnPct()) <= 1e-9
                && sameNumber(existing.pnl(), p.pnl()) && sameNumber(existing.notional(), p.notional())
                && java.util.Objects.equals(existing.holdingMinutes(), p.holdingMinutes());
        if (!same) {
            throw new IntelException(ErrorCode.CONFLICT, "an outcome for recommendation [" + p.recommendationId()
                    + "] was already posted with realized_return_pct " + Fmt.num(existing.realizedReturnPct(), 6)
                    + (existing.holdingMinutes() == null ? "" : " and holding_minutes " + existing.holdingMinutes())
                    + "; a different one (realized_return_pct " + Fmt.num(p.realizedReturnPct(), 6)
                    + (p.holdingMinutes() == null ? "" : ", holding_minutes " + p.holdingMinutes())
                    + ") is refused", Map.of("recommendation_id", p.recommendationId(),
                    "stored_realized_return_pct", existing.realizedReturnPct(),
                    "posted_realized_return_pct", p.realizedReturnPct()));
        }
        return new OutcomeAnswer(p.recommendationId(), "DUPLICATE", condition, learned ? arm : null, learned,
                existing);
    }

    private static boolean sameNumber(Double a, Double b) {
        return a == null ? b == null : b != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }

    private static void insertPosted(Connection c, Posted p, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta_outcomes (recommendation_id, source,"
                + " realized_return_pct, traded, pnl, notional, holding_minutes, notes, recorded_at) VALUES"
                + " (?, ?, ?, TRUE, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.recommendationId());
            ps.setString(2, POSTED);
            ps.setDouble(3, p.realizedReturnPct());
            setDouble(ps, 4, p.pnl());
            setDouble(ps, 5, p.notional());
            setLong(ps, 6, p.holdingMinutes());
            ps.setString(7, truncate(p.notes(), 500));
            ps.setLong(8, now);
            ps.executeUpdate();
        }
    }

    /** Condition, direction and arm of recommendation {@code id}; NOT_FOUND when unknown. */
    private static String[] recommendation(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT market_condition, direction, arm FROM"
                + " meta_recommendations WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IntelException(ErrorCode.NOT_FOUND, "recommendation [" + id + "] is not known",
                            Map.of("recommendation_id", id));
                }
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    private static boolean lockPending(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT label_status FROM meta_recommendations WHERE id = ?"
                + " FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && PENDING.equals(rs.getString(1));
            }
        }
    }

    private static void setStatus(Connection c, String id, String status, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE meta_recommendations SET label_status = ?,"
                + " label_note = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, truncate(note, 500));
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    private static String armSource(Connection c, String id, String arm) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source FROM meta_arm_returns WHERE recommendation_id = ?"
                + " AND arm = ?")) {
            ps.setString(1, id);
            ps.setString(2, arm);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void mergeArm(Connection c, String id, String arm, String condition, double returnPct,
                                 boolean filled, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO meta_arm_returns (recommendation_id, arm,"
                + " market_condition, return_pct, filled, source) KEY (recommendation_id, arm) VALUES"
                + " (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, arm);
            ps.setString(3, condition);
            ps.setDouble(4, returnPct);
            ps.setBoolean(5, filled);
            ps.setString(6, source);
            ps.executeUpdate();
        }
    }

    private static OutcomeView outcome(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT recommendation_id, source, realized_return_pct, traded,"
                + " pnl, notional, holding_minutes, notes, hold_return_pct, exit_reason, bars, recorded_at FROM"
                + " meta_outcomes WHERE recommendation_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long minutes = rs.getLong(7);
                Long holding = rs.wasNull() ? null : minutes;
                int bars = rs.getInt(11);
                Integer barCount = rs.wasNull() ? null : bars;
                return new OutcomeView(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getBoolean(4),
                        getDouble(rs, 5), getDouble(rs, 6), holding, rs.getString(8), getDouble(rs, 9),
                        rs.getString(10), barCount, rs.getLong(12));
            }
        }
    }

    private static List<ArmReturn> armReturns(Connection c, String id) throws SQLException {
        Map<String, ArmReturn> byArm = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT arm, return_pct, filled, source FROM meta_arm_returns"
                + " WHERE recommendation_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byArm.put(rs.getString(1), new ArmReturn(rs.getString(1), rs.getDouble(2), rs.getBoolean(3),
                            rs.getString(4)));
                }
            }
        }
        List<ArmReturn> out = new ArrayList<>(byArm.values());
        out.sort(Comparator.comparingInt(a -> Arm.byId(a.arm()).map(Arm::order).orElse(Integer.MAX_VALUE)));
        return out;
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null || !Double.isFinite(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static Double getDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
