package io.marketintel.runtime.store;

import io.marketintel.api.Storage;
import io.marketintel.api.trading.JournalEntry;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The order journal table ({@code platform_order_journal}, see {@link PlatformSchema}): one row per order
 * action of an executor, inserted (and committed) before the exchange is called, completed after.
 */
public final class OrderJournalStore {

    private static final String COLUMNS = "id, plugin, client_id, symbol, action, state, request, result, error, paper, "
            + "created_at, updated_at";

    private final Storage storage;

    /** @param storage the platform's own storage (owner {@value PlatformSchema#OWNER}) */
    public OrderJournalStore(Storage storage) {
        this.storage = storage;
    }

    /** Writes an intent and answers its id once committed. */
    public Future<Long> intent(String plugin, String clientId, String symbol, JournalEntry.Action action, String request,
                               boolean paper, long now) {
        return storage.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_order_journal (plugin, client_id, symbol, "
                    + "action, state, request, paper, created_at, updated_at) VALUES (?, ?, ?, ?, 'INTENT', ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, plugin);
                ps.setString(2, clientId);
                ps.setString(3, symbol);
                ps.setString(4, action.name());
                ps.setString(5, request);
                ps.setBoolean(6, paper);
                ps.setLong(7, now);
                ps.setLong(8, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Completes entry {@code id} with the exchange's answer or error. */
    public Future<Void> complete(long id, JournalEntry.State state, String result, String error, long now) {
        return storage.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE platform_order_journal SET state = ?, result = ?, error = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, result);
                ps.setString(3, error);
                ps.setLong(4, now);
                ps.setLong(5, id);
                ps.executeUpdate();
                return null;
            }
        });
    }

    /** Entries of {@code plugin} whose client id starts with {@code prefix}, oldest first. */
    public Future<List<JournalEntry>> byPrefix(String plugin, String prefix) {
        return storage.withConnection(c -> query(c, "SELECT " + COLUMNS + " FROM platform_order_journal WHERE plugin = ? "
                + "AND client_id LIKE ? ESCAPE '\\' ORDER BY id", plugin, escapeLike(prefix) + "%"));
    }

    /** Entries of {@code plugin} in state INTENT or UNKNOWN, oldest first. */
    public Future<List<JournalEntry>> unresolved(String plugin) {
        return storage.withConnection(c -> query(c, "SELECT " + COLUMNS + " FROM platform_order_journal WHERE plugin = ? "
                + "AND state IN ('INTENT', 'UNKNOWN') ORDER BY id", plugin));
    }

    private static List<JournalEntry> query(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            JournalEntry.Action.valueOf(rs.getString(5)), JournalEntry.State.valueOf(rs.getString(6)),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getLong(11),
                            rs.getLong(12)));
                }
            }
            return out;
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
