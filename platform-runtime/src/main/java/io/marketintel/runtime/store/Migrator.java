package io.marketintel.runtime.store;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Migration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Applies versioned migrations and records them in {@value #HISTORY_TABLE}. Blocking: runs on a worker
 * thread with a connection of its own, one owner at a time (the caller serialises).
 *
 * <p>Each pending migration is first run against a schema-only in-memory copy of the database, so that
 * the usual mistakes (syntax, unknown table or column, duplicate object) fail before the file is
 * touched. Then it runs for real in one transaction together with its history row. Because H2 commits
 * DDL implicitly, a data-dependent failure after a DDL statement is undone by dropping the objects the
 * migration had created ({@link Catalog#undo}).
 */
final class Migrator {

    /** The history table, created by the migrator itself (not a versioned migration). */
    static final String HISTORY_TABLE = "platform_schema_history";

    private static final System.Logger LOG = System.getLogger(Migrator.class.getName());
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(?:\\r?\\n|\\z)");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");

    private final Clock clock;

    Migrator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Checks that {@code migrations} can be applied as a list: not null, versions strictly increasing.
     *
     * @throws IllegalArgumentException naming the owner and the offending versions
     */
    static void validate(String owner, List<Migration> migrations) {
        if (migrations == null) {
            throw new IllegalArgumentException("migrations of [" + owner + "] are missing");
        }
        int previous = 0;
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            if (m == null) {
                throw new IllegalArgumentException("migration #" + (i + 1) + " of [" + owner + "] is null");
            }
            if (m.version() == previous) {
                throw new IllegalArgumentException("migration version V" + m.version() + " of [" + owner
                        + "] appears twice");
            }
            if (m.version() < previous) {
                throw new IllegalArgumentException("migration versions of [" + owner
                        + "] must be strictly increasing, but V" + m.version() + " follows V" + previous);
            }
            previous = m.version();
        }
    }

    /**
     * The statements of {@code sql}: split on {@code ;} at line ends, trimmed, without empty or
     * comment-only pieces. A {@code ;} inside a line (a string literal, say) does not split.
     */
    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        for (String piece : STATEMENT_END.split(sql, -1)) {
            String statement = piece.strip();
            if (!isBlankOrComment(statement)) {
                statements.add(statement);
            }
        }
        return statements;
    }

    private static boolean isBlankOrComment(String statement) {
        for (String line : LINE_BREAK.split(statement, -1)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("--")) {
                return false;
            }
        }
        return true;
    }

    /**
     * SHA-256 (hex) of {@code sql} with line endings and trailing whitespace normalised, so that a
     * checkout with CRLF line endings does not count as a change.
     */
    static String checksum(String sql) {
        StringBuilder normalised = new StringBuilder(sql.length());
        for (String line : LINE_BREAK.split(sql.strip(), -1)) {
            normalised.append(line.stripTrailing()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalised.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Creates the history table when missing. */
    void createHistoryTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
                    + "owner VARCHAR(64) NOT NULL, "
                    + "version INT NOT NULL, "
                    + "description VARCHAR(1000) NOT NULL, "
                    + "checksum CHAR(64) NOT NULL, "
                    + "statements INT NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "execution_ms BIGINT NOT NULL, "
                    + "PRIMARY KEY (owner, version))");
        }
    }

    /** Applied versions per owner, owners sorted, versions ascending. */
    Map<String, List<Integer>> appliedVersions(Connection c) throws SQLException {
        Map<String, List<Integer>> versions = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner, version FROM " + HISTORY_TABLE + " ORDER BY owner, version")) {
            while (rs.next()) {
                versions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
            }
        }
        versions.replaceAll((owner, list) -> List.copyOf(list));
        return versions;
    }

    /**
     * Applies the pending migrations of {@code owner}. {@code migrations} must have passed
     * {@link #validate}.
     *
     * @return the versions applied by this call
     * @throws IntelException naming owner and version on a changed checksum, an out-of-order version or
     *                        a failed migration
     * @throws SQLException   when the history cannot be read
     */
    List<Integer> migrate(Connection c, String owner, List<Migration> migrations) throws SQLException {
        createHistoryTable(c);
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, checksum FROM " + HISTORY_TABLE
                + " WHERE owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        int latestApplied = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Migration> pending = new ArrayList<>();
        for (Migration m : migrations) {
            String recorded = applied.get(m.version());
            if (recorded == null) {
                pending.add(m);
            } else if (!recorded.equals(checksum(m.sql()))) {
                throw new IntelException(ErrorCode.INTERNAL_ERROR, "migration [" + owner + "] V" + m.version()
                        + " was changed after it had been applied (checksum differs); add a new version instead"
                        + " of editing an applied one", details(owner, m.version()));
            }
        }
        if (!pending.isEmpty() && pending.get(0).version() < latestApplied) {
            int v = pending.get(0).version();
            throw new IntelException(ErrorCode.INTERNAL_ERROR, "migration [" + owner + "] V" + v
                    + " is pending but V" + latestApplied + " is already applied; new versions must come after"
                    + " the latest applied one", details(owner, v));
        }
        List<Integer> done = new ArrayList<>();
        for (Migration m : pending) {
            apply(c, owner, m);
            done.add(m.version());
        }
        return done;
    }

    private void apply(Connection c, String owner, Migration m) throws SQLException {
        List<String> statements = split(m.sql());
        Failure dry = dryRun(c, owner, m, statements);
        if (dry != null) {
            throw failed(owner, m, statements.size(), dry, "nothing was applied");
        }
        Catalog before = Catalog.read(c);
        long started = System.nanoTime();
        c.setAutoCommit(false);
        try {
            Failure failure = execute(c, statements);
            if (failure == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY_TABLE
                        + " (owner, version, description, checksum, statements, applied_at, execution_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, owner);
                    ps.setInt(2, m.version());
                    ps.setString(3, m.description());
                    ps.setString(4, checksum(m.sql()));
                    ps.setInt(5, statements.size());
                    ps.setTimestamp(6, Timestamp.from(clock.instant()));
                    ps.setLong(7, (System.nanoTime() - started) / 1_000_000L);
                    ps.executeUpdate();
                    c.commit();
                    return;
                } catch (SQLException e) {
                    failure = new Failure(0, e);
                }
            }
            rollbackQuietly(c, failure.error());
            Catalog.Undo undo = Catalog.undo(c, before, m.sql());
            String outcome;
            if (undo.nothingChanged()) {
                outcome = "rolled back, nothing was applied";
            } else if (undo.notUndone().isEmpty()) {
                outcome = "H2 commits DDL at once, so what the migration had created was dropped again: "
                        + undo.undone();
            } else {
                outcome = "H2 commits DDL at once; dropped again: " + undo.undone() + "; could not undo: "
                        + undo.notUndone() + "; repair the database before retrying";
            }
            throw failed(owner, m, statements.size(), failure, outcome);
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Runs {@code statements} on a schema-only in-memory copy of the database.
     *
     * @return the failure, or null when they all succeeded (or no copy could be made)
     */
    private static Failure dryRun(Connection c, String owner, Migration m, List<String> statements) {
        JdbcDataSource scratch = new JdbcDataSource();
        scratch.setURL("jdbc:h2:mem:");
        try (Connection copy = scratch.getConnection(Database.USER, "")) {
            try (Statement s = c.createStatement();
                 ResultSet script = s.executeQuery("SCRIPT NODATA");
                 Statement cs = copy.createStatement()) {
                while (script.next()) {
                    cs.execute(script.getString(1));
                }
            }
            return execute(copy, statements);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "no dry run for migration [{0}] V{1}: the schema could not be"
                    + " copied ({2}); running it directly", owner, m.version(), Database.redact(e.getMessage()));
            return null;
        }
    }

    /** Executes {@code statements} in order; the first failure, or null. */
    private static Failure execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    s.execute(statements.get(i));
                } catch (SQLException e) {
                    return new Failure(i + 1, e);
                }
            }
        }
        return null;
    }

    private static void rollbackQuietly(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static IntelException failed(String owner, Migration m, int count, Failure f, String outcome) {
        String where = f.statement() > 0 ? " at statement " + f.statement() + " of " + count : "";
        Map<String, Object> details = details(owner, m.version());
        if (f.statement() > 0) {
            details.put("statement", f.statement());
        }
        if (f.error().getSQLState() != null) {
            details.put("sql_state", f.error().getSQLState());
        }
        return new IntelException(ErrorCode.INTERNAL_ERROR, "migration [" + owner + "] V" + m.version() + " ("
                + m.description() + ") failed" + where + ": " + Database.redact(f.error().getMessage()) + "; "
                + outcome, details, f.error());
    }

    private static Map<String, Object> details(String owner, int version) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("owner", owner);
        details.put("version", version);
        return details;
    }

    /**
     * A failed statement.
     *
     * @param statement 1-based index of the statement, 0 when recording the history failed
     * @param error     the SQL error
     */
    private record Failure(int statement, SQLException error) {
    }
}
