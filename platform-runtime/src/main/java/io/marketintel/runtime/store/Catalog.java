package io.marketintel.runtime.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A snapshot of the database's schema objects, used to undo what a failed migration had created: H2
 * commits DDL implicitly, so rolling back the migration's transaction does not remove a table its
 * first statement created.
 *
 * <p>Only objects that the migration's SQL names (or that belong to a table it names) are touched, so
 * a concurrent change elsewhere in the database is never undone by mistake.
 */
final class Catalog {

    /** Kinds of schema objects, in the order they are dropped. */
    enum Kind {
        VIEW("view"), TABLE("table"), FOREIGN_KEY("constraint"), CONSTRAINT("constraint"), INDEX("index"),
        COLUMN("column"), SEQUENCE("sequence"), SCHEMA("schema");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One schema object.
     *
     * @param kind   kind
     * @param schema schema (null for a schema itself)
     * @param table  owning table for columns, indexes and constraints, else null
     * @param name   name
     */
    record DbObject(Kind kind, String schema, String table, String name) {

        String describe() {
            StringBuilder sb = new StringBuilder(kind.label).append(' ');
            if (schema != null) {
                sb.append(schema).append('.');
            }
            if (kind == Kind.COLUMN) {
                sb.append(table).append('.');
            }
            return sb.append(name).toString();
        }

        /** Whether this object is a table's part (column, index, constraint) of {@code owner}. */
        boolean belongsTo(DbObject owner) {
            return (owner.kind == Kind.TABLE || owner.kind == Kind.VIEW) && table != null
                    && owner.name.equals(table) && owner.schema.equals(schema);
        }

        String dropSql() {
            String qualified = schema == null ? quote(name) : quote(schema) + "." + quote(name);
            String owningTable = table == null ? null : quote(schema) + "." + quote(table);
            return switch (kind) {
                case VIEW -> "DROP VIEW IF EXISTS " + qualified + " CASCADE";
                case TABLE -> "DROP TABLE IF EXISTS " + qualified + " CASCADE";
                case FOREIGN_KEY, CONSTRAINT -> "ALTER TABLE " + owningTable + " DROP CONSTRAINT IF EXISTS " + qualified;
                case INDEX -> "DROP INDEX IF EXISTS " + qualified;
                case COLUMN -> "ALTER TABLE " + owningTable + " DROP COLUMN IF EXISTS " + quote(name);
                case SEQUENCE -> "DROP SEQUENCE IF EXISTS " + qualified;
                case SCHEMA -> "DROP SCHEMA IF EXISTS " + qualified;
            };
        }
    }

    /**
     * What undoing a failed migration did.
     *
     * @param undone   objects created by the migration and dropped again
     * @param notUndone objects that could not be dropped again, or that the migration had dropped or
     *                 replaced (which cannot be restored), with the reason
     */
    record Undo(List<String> undone, List<String> notUndone) {

        Undo {
            undone = List.copyOf(undone);
            notUndone = List.copyOf(notUndone);
        }

        boolean nothingChanged() {
            return undone.isEmpty() && notUndone.isEmpty();
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    private final Set<DbObject> objects;

    private Catalog(Set<DbObject> objects) {
        this.objects = Set.copyOf(objects);
    }

    /** Reads the schema objects outside {@code INFORMATION_SCHEMA}. */
    static Catalog read(Connection connection) throws SQLException {
        Set<DbObject> objects = new HashSet<>();
        try (Statement s = connection.createStatement()) {
            query(s, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA'",
                    rs -> objects.add(new DbObject(Kind.SCHEMA, null, null, rs.getString(1))));
            query(s, "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                            + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'",
                    rs -> objects.add(new DbObject("VIEW".equals(rs.getString(3)) ? Kind.VIEW : Kind.TABLE,
                            rs.getString(1), null, rs.getString(2))));
            query(s, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'",
                    rs -> objects.add(new DbObject(Kind.COLUMN, rs.getString(1), rs.getString(2), rs.getString(3))));
            query(s, "SELECT INDEX_SCHEMA, TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                            + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND IS_GENERATED = FALSE",
                    rs -> objects.add(new DbObject(Kind.INDEX, rs.getString(1), rs.getString(2), rs.getString(3))));
            query(s, "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
                            + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'",
                    rs -> objects.add(new DbObject("FOREIGN KEY".equals(rs.getString(4)) ? Kind.FOREIGN_KEY
                            : Kind.CONSTRAINT, rs.getString(1), rs.getString(2), rs.getString(3))));
            query(s, "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES",
                    rs -> objects.add(new DbObject(Kind.SEQUENCE, rs.getString(1), null, rs.getString(2))));
        }
        return new Catalog(objects);
    }

    /**
     * Drops the objects that exist now but not in {@code before} and that {@code sql} names, in
     * dependency order, and reports objects {@code sql} names that existed before but are gone now.
     * Runs in auto-commit mode; every drop is attempted even when one fails.
     */
    static Undo undo(Connection connection, Catalog before, String sql) {
        List<String> undone = new ArrayList<>();
        List<String> notUndone = new ArrayList<>();
        Catalog after;
        try {
            connection.setAutoCommit(true);
            after = read(connection);
        } catch (SQLException e) {
            return new Undo(List.of(), List.of("the schema could not be read to undo the migration: "
                    + Database.redact(e.getMessage())));
        }
        Set<String> named = namedIn(sql);
        List<DbObject> created = owned(after.objects, before.objects, named);
        for (DbObject gone : owned(before.objects, after.objects, named)) {
            notUndone.add(gone.describe() + " was dropped or replaced and cannot be restored");
        }
        try (Statement s = connection.createStatement()) {
            for (DbObject object : created) {
                try {
                    s.execute(object.dropSql());
                    undone.add(object.describe());
                } catch (SQLException e) {
                    notUndone.add(object.describe() + " could not be dropped: " + Database.redact(e.getMessage()));
                }
            }
        } catch (SQLException e) {
            notUndone.add("the created objects could not be dropped: " + Database.redact(e.getMessage()));
        }
        return new Undo(undone, notUndone);
    }

    /**
     * Objects of {@code in} missing from {@code notIn} that {@code named} covers, without parts of tables
     * that are themselves in the result (they go with their table), in drop order.
     */
    private static List<DbObject> owned(Set<DbObject> in, Set<DbObject> notIn, Set<String> named) {
        List<DbObject> diff = new ArrayList<>();
        for (DbObject o : in) {
            if (!notIn.contains(o) && isNamed(o, named)) {
                diff.add(o);
            }
        }
        List<DbObject> result = new ArrayList<>();
        for (DbObject o : diff) {
            if (diff.stream().noneMatch(o::belongsTo)) {
                result.add(o);
            }
        }
        result.sort(Comparator.comparing(DbObject::kind).thenComparing(DbObject::name));
        return result;
    }

    private static boolean isNamed(DbObject o, Set<String> named) {
        return switch (o.kind()) {
            case TABLE, VIEW, SEQUENCE, SCHEMA -> named.contains(o.name());
            case COLUMN -> named.contains(o.name()) && named.contains(o.table());
            case INDEX, CONSTRAINT, FOREIGN_KEY -> named.contains(o.name()) || named.contains(o.table());
        };
    }

    /** Identifiers in {@code sql} as H2 stores them: unquoted ones upper-cased, quoted ones verbatim. */
    static Set<String> namedIn(String sql) {
        Set<String> names = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(sql);
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1).replace("\"\"", "\""));
            } else {
                names.add(m.group(2).toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Statement s, String sql, RowReader reader) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
