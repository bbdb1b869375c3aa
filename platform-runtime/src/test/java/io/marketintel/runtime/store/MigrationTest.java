package io.marketintel.runtime.store;

import static io.marketintel.runtime.store.Futures.await;
import static io.marketintel.runtime.store.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.IntelException;
import io.marketintel.api.Migration;
import io.vertx.core.Future;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest extends StoreTestBase {

    private static final Migration V1 = new Migration(1, "create entries",
            "CREATE TABLE journal_entry (id INT PRIMARY KEY, note VARCHAR(100));\n"
                    + "INSERT INTO journal_entry VALUES (1, 'seeded by V1');\n");
    private static final Migration V2 = new Migration(2, "add tags",
            "CREATE TABLE journal_tag (entry_id INT NOT NULL, tag VARCHAR(20) NOT NULL);\n"
                    + "-- every entry gets a default tag\n"
                    + "INSERT INTO journal_tag SELECT id, 'default' FROM journal_entry;");
    private static final Migration V3 = new Migration(3, "add archive", "CREATE TABLE journal_archive (id INT)");

    @Test
    void emptyDatabaseGetsAllMigrationsInOrderWithTheirHistory() {
        Database db = open();

        await(db.migrate("journal", List.of(V1, V2)));

        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_tag WHERE tag = 'default'")).isEqualTo(1);
        List<String> history = await(db.storageFor("journal").withConnection(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, description,"
                    + " checksum, statements, applied_at FROM platform_schema_history WHERE owner = 'journal'"
                    + " ORDER BY version")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4) + "|"
                            + rs.getTimestamp(5).toInstant());
                }
            }
            return rows;
        }));
        assertThat(history).containsExactly(
                "1|create entries|" + Migrator.checksum(V1.sql()) + "|2|2024-03-01T00:00:00Z",
                "2|add tags|" + Migrator.checksum(V2.sql()) + "|2|2024-03-01T00:00:00Z");
    }

    @Test
    void reopenedDatabaseAppliesOnlyTheNewMigrationAndKeepsTheData() {
        Database first = open();
        await(first.migrate("journal", List.of(V1)));
        exec(first, "journal", "INSERT INTO journal_entry VALUES (2, 'written before restart')");
        close(first);

        Database second = open();
        await(second.migrate("journal", List.of(V1, V2)));

        // V1 again would fail (CREATE TABLE without IF NOT EXISTS) or duplicate its seed row
        assertThat(count(second, "journal", "SELECT COUNT(*) FROM journal_entry")).isEqualTo(2);
        assertThat(count(second, "journal", "SELECT COUNT(*) FROM journal_tag")).isEqualTo(2);
        assertThat(await(second.status()).versions()).containsEntry("journal", List.of(1, 2));
    }

    @Test
    void migratingTwiceIsANoOp() {
        Database db = open();
        await(db.migrate("journal", List.of(V1, V2)));

        await(db.migrate("journal", List.of(V1, V2)));

        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_tag")).isEqualTo(1);
    }

    @Test
    void changedAppliedMigrationIsRefusedNamingOwnerAndVersion() {
        Database db = open();
        await(db.migrate("journal", List.of(V1)));
        Migration edited = new Migration(1, V1.description(), V1.sql().replace("100", "200"));

        Throwable error = failure(db.migrate("journal", List.of(edited, V2)));

        assertThat(error).isInstanceOf(IntelException.class)
                .hasMessageContaining("migration [journal] V1").hasMessageContaining("checksum");
        assertThat(tableExists(db, "journal_tag")).as("later migrations are not applied").isFalse();
    }

    @Test
    void lineEndingAndTrailingWhitespaceChangesDoNotCountAsEdits() {
        Database db = open();
        await(db.migrate("journal", List.of(V1)));
        Migration crlf = new Migration(1, "renamed description", V1.sql().replace("\n", "  \r\n"));

        await(db.migrate("journal", List.of(crlf, V2)));

        assertThat(tableExists(db, "journal_tag")).isTrue();
    }

    @Test
    void failingMigrationLeavesNoSchemaChangeNoHistoryRowAndStopsLaterOnes() {
        Database db = open();
        Migration broken = new Migration(2, "add tags", "CREATE TABLE journal_tag (entry_id INT);\n"
                + "INSERT INTO journal_missing VALUES (1);\n");

        Throwable error = failure(db.migrate("journal", List.of(V1, broken, V3)));

        assertThat(error).isInstanceOf(IntelException.class)
                .hasMessageContaining("migration [journal] V2 (add tags) failed at statement 2 of 2")
                .hasMessageContaining("JOURNAL_MISSING");
        assertThat(((IntelException) error).details()).containsEntry("owner", "journal").containsEntry("version", 2);
        assertThat(tableExists(db, "journal_entry")).as("V1 stays applied").isTrue();
        assertThat(tableExists(db, "journal_tag")).as("V2's first statement is not kept").isFalse();
        assertThat(tableExists(db, "journal_archive")).as("V3 is not applied").isFalse();
        assertThat(await(db.status()).versions()).containsEntry("journal", List.of(1));

        await(db.migrate("journal", List.of(V1, V2, V3)));
        assertThat(await(db.status()).versions()).containsEntry("journal", List.of(1, 2, 3));
    }

    @Test
    void failingMigrationDoesNotDropDataOnTheWayToItsError() {
        Database db = open();
        await(db.migrate("journal", List.of(V1)));
        // H2 would commit the DROP COLUMN before reaching the bad INSERT; a dropped column cannot be undone
        Migration destructive = new Migration(2, "drop notes", "ALTER TABLE journal_entry DROP COLUMN note;\n"
                + "INSERT INTO journal_missing VALUES (1);\n");

        Throwable error = failure(db.migrate("journal", List.of(V1, destructive)));

        assertThat(error).hasMessageContaining("migration [journal] V2 (drop notes) failed at statement 2 of 2")
                .hasMessageContaining("nothing was applied");
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_entry WHERE note = 'seeded by V1'"))
                .isEqualTo(1);
    }

    @Test
    void dataDependentFailureAfterDdlDropsWhatTheMigrationCreated() {
        Database db = open();
        await(db.migrate("journal", List.of(V1)));
        exec(db, "journal", "INSERT INTO journal_entry VALUES (2, 'seeded by V1')");
        // passes on the empty schema copy, fails on the real data (duplicate notes) after three DDL statements
        Migration unique = new Migration(2, "unique notes", "CREATE TABLE journal_archive (id INT);\n"
                + "ALTER TABLE journal_entry ADD COLUMN tag VARCHAR(20);\n"
                + "CREATE INDEX journal_entry_tag ON journal_entry (tag);\n"
                + "ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_note_unique UNIQUE (note);\n");

        Throwable error = failure(db.migrate("journal", List.of(V1, unique, V3)));

        assertThat(error).isInstanceOf(IntelException.class)
                .hasMessageContaining("migration [journal] V2 (unique notes) failed at statement 4 of 4")
                .hasMessageContaining("dropped again").message().doesNotContain("could not undo");
        assertThat(tableExists(db, "journal_archive")).isFalse();
        assertThat(columnExists(db, "journal_entry", "tag")).isFalse();
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE INDEX_NAME = 'JOURNAL_ENTRY_TAG'")).isZero();
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_entry")).as("data untouched").isEqualTo(2);
        assertThat(await(db.status()).versions()).containsEntry("journal", List.of(1));
    }

    @Test
    void failingDataOnlyMigrationIsRolledBack() {
        Database db = open();
        await(db.migrate("journal", List.of(V1)));
        Migration clash = new Migration(2, "more rows", "INSERT INTO journal_entry VALUES (2, 'new');\n"
                + "INSERT INTO journal_entry VALUES (1, 'clashes with the seed row');\n");

        Throwable error = failure(db.migrate("journal", List.of(V1, clash)));

        assertThat(error).hasMessageContaining("migration [journal] V2 (more rows) failed at statement 2 of 2")
                .hasMessageContaining("rolled back, nothing was applied");
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_entry")).isEqualTo(1);
    }

    @Test
    void duplicateOrDecreasingVersionsAreRefused() {
        Database db = open();

        assertThat(failure(db.migrate("journal", List.of(V1, V1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("V1 of [journal] appears twice");
        assertThat(failure(db.migrate("journal", List.of(V2, V1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[journal]").hasMessageContaining("V1 follows V2");
        assertThat(tableExists(db, "journal_entry")).isFalse();
    }

    @Test
    void newVersionBelowAnAppliedOneIsRefused() {
        Database db = open();
        await(db.migrate("journal", List.of(V1, V3)));

        Throwable error = failure(db.migrate("journal", List.of(V1, V2, V3)));

        assertThat(error).hasMessageContaining("migration [journal] V2 is pending but V3 is already applied");
        assertThat(tableExists(db, "journal_tag")).isFalse();
    }

    @Test
    void ownersAreVersionedIndependently() {
        Database db = open();
        await(db.migrate("journal", List.of(V1)));

        await(db.storageFor("outcomes").migrate(List.of(new Migration(1, "o", "CREATE TABLE outcomes_x (id INT)"))));

        assertThat(await(db.status()).versions()).containsEntry("journal", List.of(1))
                .containsEntry("outcomes", List.of(1));
    }

    @Test
    void concurrentMigrationsOfTheSameOwnerApplyEachVersionOnce() {
        Database db = open();
        List<Future<Void>> calls = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            calls.add(db.migrate("journal", List.of(V1, V2)));
        }

        for (Future<Void> call : calls) {
            await(call);
        }
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_entry")).isEqualTo(1);
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM platform_schema_history WHERE owner = 'journal'"))
                .isEqualTo(2);
    }

    @Test
    void appliedAtComesFromTheInjectedClock() {
        Database db = open();
        clock.advance(java.time.Duration.ofHours(5));

        await(db.migrate("journal", List.of(V1)));

        Timestamp appliedAt = await(db.storageFor("journal").withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT applied_at FROM platform_schema_history WHERE owner = 'journal'")) {
                rs.next();
                return rs.getTimestamp(1);
            }
        }));
        assertThat(appliedAt.toInstant()).isEqualTo("2024-03-01T05:00:00Z");
    }
}
