package io.marketintel.plugin.orderrouting.internal;

import io.marketintel.api.Migration;
import io.marketintel.api.Storage;
import io.marketintel.api.trading.OrderType;
import io.marketintel.api.trading.Side;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's own tables in the platform's H2 database (through {@code ctx.storage()}):
 * {@code order_routing_executions} (one row per execution: what was asked, the plan, status, aggregates) and
 * {@code order_routing_slices} (one row per child order: quantities, fills, status). Every write is one transaction,
 * acknowledged after its commit. Together with the runtime's order journal they let a restart report exactly what was
 * sent and filled.
 */
final class ExecutionStore {

    static final String EXECUTIONS = "order_routing_executions";
    static final String SLICES = "order_routing_slices";

    /** The schema; never edit an applied version, add the next one. */
    static List<Migration> migrations() {
        return List.of(new Migration(1, "executions and their slices", """
                CREATE TABLE order_routing_executions (
                    id VARCHAR(40) PRIMARY KEY,
                    symbol VARCHAR(32) NOT NULL,
                    side VARCHAR(4) NOT NULL,
                    algorithm VARCHAR(16) NOT NULL,
                    requested_algorithm VARCHAR(16) NOT NULL,
                    urgency VARCHAR(8) NOT NULL,
                    dry_run BOOLEAN NOT NULL,
                    venue VARCHAR(32) NOT NULL,
                    requested_quantity DECIMAL(38, 18) NOT NULL,
                    total_quantity DECIMAL(38, 18) NOT NULL,
                    duration_ms BIGINT NOT NULL,
                    seed BIGINT NOT NULL,
                    arrival_mid DOUBLE PRECISION NOT NULL,
                    arrival_bid DOUBLE PRECISION NOT NULL,
                    arrival_ask DOUBLE PRECISION NOT NULL,
                    plan CLOB NOT NULL,
                    selection CLOB,
                    status VARCHAR(16) NOT NULL,
                    reason VARCHAR(2000),
                    notes CLOB NOT NULL,
                    restarts INT NOT NULL,
                    slices_sent INT NOT NULL,
                    filled_quantity DECIMAL(38, 18) NOT NULL,
                    filled_quote DECIMAL(38, 18) NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    finished_at BIGINT);
                CREATE INDEX order_routing_executions_status ON order_routing_executions (status);
                CREATE INDEX order_routing_executions_created ON order_routing_executions (created_at);
                CREATE TABLE order_routing_slices (
                    execution_id VARCHAR(40) NOT NULL,
                    slice_no INT NOT NULL,
                    client_order_id VARCHAR(64) NOT NULL,
                    order_type VARCHAR(8) NOT NULL,
                    planned_at BIGINT NOT NULL,
                    sent_at BIGINT,
                    quantity DECIMAL(38, 18) NOT NULL,
                    price DECIMAL(38, 18),
                    filled_quantity DECIMAL(38, 18) NOT NULL,
                    avg_price DECIMAL(38, 18),
                    status VARCHAR(24) NOT NULL,
                    note VARCHAR(2000),
                    PRIMARY KEY (execution_id, slice_no));
                """));
    }

    private static final String EXEC_COLUMNS = "id, symbol, side, algorithm, requested_algorithm, urgency, dry_run, venue,"
            + " requested_quantity, total_quantity, duration_ms, seed, arrival_mid, arrival_bid, arrival_ask, plan,"
            + " selection, status, reason, notes, restarts, slices_sent, filled_quantity, filled_quote, created_at,"
            + " updated_at, finished_at";

    private final Storage storage;

    ExecutionStore(Storage storage) {
        this.storage = storage;
    }

    Future<Void> migrate() {
        return storage.migrate(migrations());
    }

    /** Stores a new execution (with any slices it already has); acknowledged after the commit. */
    Future<Void> insert(Execution e) {
        return storage.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + EXECUTIONS + " (" + EXEC_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ExecutionSpec s = e.spec;
                ps.setString(1, s.id());
                ps.setString(2, s.symbol());
                ps.setString(3, s.side().name());
                ps.setString(4, s.algorithm().name());
                ps.setString(5, s.requestedAlgorithm().name());
                ps.setString(6, s.urgency().name());
                ps.setBoolean(7, s.dryRun());
                ps.setString(8, s.venue());
                ps.setBigDecimal(9, s.requestedQuantity());
                ps.setBigDecimal(10, s.totalQuantity());
                ps.setLong(11, s.durationMs());
                ps.setLong(12, s.seed());
                ps.setDouble(13, s.arrivalMid());
                ps.setDouble(14, s.arrivalBid());
                ps.setDouble(15, s.arrivalAsk());
                ps.setString(16, encodePlan(s.plan()));
                ps.setString(17, s.selection() == null ? null : encodeSelection(s.selection()));
                ps.setString(18, e.status().name());
                ps.setString(19, e.reason());
                ps.setString(20, new JsonArray(new ArrayList<>(e.notes())).encode());
                ps.setInt(21, e.restarts());
                ps.setInt(22, e.slicesSent());
                ps.setBigDecimal(23, e.filled());
                ps.setBigDecimal(24, e.quote());
                ps.setLong(25, s.createdAt());
                ps.setLong(26, e.updatedAt());
                setLong(ps, 27, e.finishedAt());
                ps.executeUpdate();
            }
            for (Slice sl : e.slices()) {
                upsert(c, e.id(), sl);
            }
            return null;
        });
    }

    /** Stores the execution's state and the given slices in one transaction. */
    Future<Void> save(Execution e, List<Slice> changed) {
        return storage.inTransaction(c -> {
            for (Slice sl : changed) {
                upsert(c, e.id(), sl);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + EXECUTIONS + " SET status = ?, reason = ?, notes = ?,"
                    + " restarts = ?, slices_sent = ?, filled_quantity = ?, filled_quote = ?, updated_at = ?,"
                    + " finished_at = ? WHERE id = ?")) {
                ps.setString(1, e.status().name());
                ps.setString(2, e.reason());
                ps.setString(3, new JsonArray(new ArrayList<>(e.notes())).encode());
                ps.setInt(4, e.restarts());
                ps.setInt(5, e.slicesSent());
                ps.setBigDecimal(6, e.filled());
                ps.setBigDecimal(7, e.quote());
                ps.setLong(8, e.updatedAt());
                setLong(ps, 9, e.finishedAt());
                ps.setString(10, e.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Executions whose stored status is RUNNING, oldest first, with their slices. */
    Future<List<Execution>> running() {
        return storage.withConnection(c -> {
            List<Execution> out = new ArrayList<>();
            for (Row r : rows(c, "WHERE status = 'RUNNING' ORDER BY created_at, id", List.of(), Integer.MAX_VALUE)) {
                out.add(r.toExecution(slices(c, r.spec.id())));
            }
            return out;
        });
    }

    /** One execution with its slices. */
    Future<Optional<Execution>> load(String id) {
        return storage.withConnection(c -> {
            List<Row> rows = rows(c, "WHERE id = ?", List.of(id), 1);
            return rows.isEmpty() ? Optional.<Execution>empty()
                    : Optional.of(rows.get(0).toExecution(slices(c, id)));
        });
    }

    /** The newest executions (optionally of one status), without their slices: summaries. */
    Future<List<ExecutionSummary>> recent(int limit, ExecutionStatus status) {
        return storage.withConnection(c -> {
            List<ExecutionSummary> out = new ArrayList<>();
            String where = status == null ? "" : "WHERE status = ? ";
            List<Object> args = status == null ? List.of() : List.of(status.name());
            for (Row r : rows(c, where + "ORDER BY created_at DESC, id DESC", args, limit)) {
                out.add(r.summary());
            }
            return out;
        });
    }

    /** Deletes finished executions (and their slices) that finished before {@code before}; answers how many. */
    Future<Integer> purge(long before) {
        return storage.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + SLICES + " WHERE execution_id IN (SELECT id FROM "
                    + EXECUTIONS + " WHERE status <> 'RUNNING' AND finished_at < ?)")) {
                ps.setLong(1, before);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + EXECUTIONS
                    + " WHERE status <> 'RUNNING' AND finished_at < ?")) {
                ps.setLong(1, before);
                return ps.executeUpdate();
            }
        });
    }

    // ---------------------------------------------------------------- rows

    /** An execution row with its stored aggregates. */
    private record Row(ExecutionSpec spec, ExecutionStatus status, String reason, List<String> notes, int restarts,
                       int slicesSent, BigDecimal filled, BigDecimal quote, long updatedAt, Long finishedAt) {

        Execution toExecution(List<Slice> slices) {
            return new Execution(spec, status, reason, notes, restarts, slices, finishedAt, updatedAt);
        }

        ExecutionSummary summary() {
            int planned = spec.plan() instanceof Schedule sc ? sc.size() : Math.max(1, slicesSent);
            return Execution.summaryOf(spec, status, reason, slicesSent, planned, filled, quote, finishedAt);
        }
    }

    private static List<Row> rows(Connection c, String where, List<Object> args, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EXEC_COLUMNS + " FROM " + EXECUTIONS + " " + where
                + (limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit))) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ExecutionSpec spec = new ExecutionSpec(
                            rs.getString("id"),
                            rs.getString("symbol"),
                            Side.valueOf(rs.getString("side")),
                            Algorithm.valueOf(rs.getString("algorithm")),
                            Algorithm.valueOf(rs.getString("requested_algorithm")),
                            Urgency.valueOf(rs.getString("urgency")),
                            rs.getBoolean("dry_run"),
                            rs.getString("venue"),
                            decimal(rs, "requested_quantity"),
                            decimal(rs, "total_quantity"),
                            rs.getLong("duration_ms"),
                            rs.getLong("created_at"),
                            rs.getLong("seed"),
                            rs.getDouble("arrival_mid"),
                            rs.getDouble("arrival_bid"),
                            rs.getDouble("arrival_ask"),
                            decodePlan(rs.getString("plan")),
                            decodeSelection(rs.getString("selection")));
                    List<String> notes = new ArrayList<>();
                    for (Object o : new JsonArray(rs.getString("notes"))) {
                        notes.add(String.valueOf(o));
                    }
                    long finished = rs.getLong("finished_at");
                    Long finishedAt = rs.wasNull() ? null : finished;
                    out.add(new Row(spec, ExecutionStatus.valueOf(rs.getString("status")), rs.getString("reason"), notes,
                            rs.getInt("restarts"), rs.getInt("slices_sent"), decimal(rs, "filled_quantity"),
                            decimal(rs, "filled_quote"), rs.getLong("updated_at"), finishedAt));
                }
            }
        }
        return out;
    }

    private static List<Slice> slices(Connection c, String id) throws SQLException {
        List<Slice> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT slice_no, client_order_id, order_type, planned_at, sent_at,"
                + " quantity, price, filled_quantity, avg_price, status, note FROM " + SLICES
                + " WHERE execution_id = ? ORDER BY slice_no")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sent = rs.getLong("sent_at");
                    Long sentAt = rs.wasNull() ? null : sent;
                    out.add(new Slice(rs.getInt("slice_no"), rs.getString("client_order_id"),
                            OrderType.valueOf(rs.getString("order_type")), rs.getLong("planned_at"), sentAt,
                            decimal(rs, "quantity"), decimal(rs, "price"), decimal(rs, "filled_quantity"),
                            decimal(rs, "avg_price"), rs.getString("status"), rs.getString("note")));
                }
            }
        }
        return out;
    }

    private static void upsert(Connection c, String id, Slice s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO " + SLICES + " (execution_id, slice_no, client_order_id,"
                + " order_type, planned_at, sent_at, quantity, price, filled_quantity, avg_price, status, note)"
                + " KEY (execution_id, slice_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, s.number());
            ps.setString(3, s.clientOrderId());
            ps.setString(4, s.type().name());
            ps.setLong(5, s.plannedAt());
            setLong(ps, 6, s.sentAt());
            ps.setBigDecimal(7, s.quantity());
            ps.setBigDecimal(8, s.price());
            ps.setBigDecimal(9, s.filledQuantity());
            ps.setBigDecimal(10, s.avgPrice());
            ps.setString(11, s.status());
            ps.setString(12, s.note() == null ? null : truncate(s.note(), 2000));
            ps.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : SymbolRules.strip(v);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    // ---------------------------------------------------------------- JSON columns

    static String encodePlan(Plan plan) {
        JsonObject o = new JsonObject();
        if (plan instanceof Schedule s) {
            JsonArray slices = new JsonArray();
            for (PlannedSlice p : s.slices()) {
                slices.add(new JsonArray().add(p.number()).add(p.offsetMs()).add(p.quantity().toPlainString()));
            }
            o.put("type", "SCHEDULE").put("interval_ms", s.intervalMs()).put("randomisation_pct", s.randomisationPct())
                    .put("note", s.note()).put("slices", slices);
        } else if (plan instanceof Passive p) {
            o.put("type", "PASSIVE").put("visible", p.visibleQuantity().toPlainString())
                    .put("limit_price", p.limitPrice() == null ? null : p.limitPrice().toPlainString())
                    .put("requote", p.requote()).put("poll_ms", p.pollMs());
        }
        return o.encode();
    }

    static Plan decodePlan(String json) {
        JsonObject o = new JsonObject(json);
        if ("SCHEDULE".equals(o.getString("type"))) {
            List<PlannedSlice> slices = new ArrayList<>();
            for (Object item : o.getJsonArray("slices")) {
                JsonArray a = (JsonArray) item;
                slices.add(new PlannedSlice(a.getInteger(0), a.getLong(1), new BigDecimal(a.getString(2))));
            }
            return new Schedule(o.getLong("interval_ms"), o.getDouble("randomisation_pct"), slices, o.getString("note"));
        }
        String limit = o.getString("limit_price");
        return new Passive(new BigDecimal(o.getString("visible")), limit == null ? null : new BigDecimal(limit),
                o.getBoolean("requote"), o.getLong("poll_ms"));
    }

    static String encodeSelection(SelectionSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reasoning", new JsonArray(new ArrayList<>(s.reasoning())));
        m.put("spread_bps", finite(s.spreadBps()));
        m.put("estimated_impact_bps", finite(s.estimatedImpactBps()));
        m.put("volatility_bps", s.volatilityBps());
        m.put("available_liquidity", finite(s.availableLiquidity()));
        m.put("liquidity_used_pct", finite(s.liquidityUsedPct()));
        return new JsonObject(m).encode();
    }

    static SelectionSummary decodeSelection(String json) {
        if (json == null) {
            return null;
        }
        JsonObject o = new JsonObject(json);
        List<String> reasoning = new ArrayList<>();
        for (Object line : o.getJsonArray("reasoning")) {
            reasoning.add(String.valueOf(line));
        }
        return new SelectionSummary(reasoning, number(o, "spread_bps"), number(o, "estimated_impact_bps"),
                o.getDouble("volatility_bps"), number(o, "available_liquidity"), number(o, "liquidity_used_pct"));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double number(JsonObject o, String name) {
        Double v = o.getDouble(name);
        return v == null ? Double.NaN : v;
    }
}
