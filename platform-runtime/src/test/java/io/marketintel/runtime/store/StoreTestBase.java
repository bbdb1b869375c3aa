package io.marketintel.runtime.store;

import static io.marketintel.runtime.store.Futures.await;

import io.marketintel.runtime.MutableClock;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A Vert.x instance and databases in a temporary directory, all closed after each test. */
abstract class StoreTestBase {

    @TempDir
    Path tempDir;

    Vertx vertx;
    final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T00:00:00Z"));
    private final List<Database> opened = new ArrayList<>();

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeAll() {
        for (Database db : opened) {
            await(db.close());
        }
        await(vertx.close());
    }

    Path dataDir() {
        return tempDir.resolve("data");
    }

    Database open() {
        Database db = await(Database.open(vertx, dataDir(), 2, clock));
        opened.add(db);
        return db;
    }

    /** Closes {@code db} now (a later close in {@link #closeAll()} is a no-op). */
    void close(Database db) {
        await(db.close());
    }

    static long count(Database db, String owner, String sql) {
        return await(db.storageFor(owner).withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    static boolean tableExists(Database db, String table) {
        return count(db, "test", "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '"
                + table.toUpperCase(java.util.Locale.ROOT) + "'") == 1;
    }

    static boolean columnExists(Database db, String table, String column) {
        return count(db, "test", "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '"
                + table.toUpperCase(java.util.Locale.ROOT) + "' AND COLUMN_NAME = '"
                + column.toUpperCase(java.util.Locale.ROOT) + "'") == 1;
    }

    static void exec(Database db, String owner, String sql) {
        await(db.storageFor(owner).withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        }));
    }
}
