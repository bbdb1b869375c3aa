package io.marketintel.runtime.store;

import static io.marketintel.runtime.store.Futures.await;
import static io.marketintel.runtime.store.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Migration;
import io.marketintel.api.Storage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class StorageTest extends StoreTestBase {

    private static final List<Migration> SCHEMA = List.of(new Migration(1, "entries",
            "CREATE TABLE journal_entry (id INT PRIMARY KEY, note VARCHAR(100))"));

    private Database db;
    private Storage storage;

    @BeforeEach
    void migrate() {
        db = open();
        storage = db.storageFor("journal");
        await(storage.migrate(SCHEMA));
    }

    @Test
    void withConnectionAutoCommits() {
        await(storage.withConnection(c -> insert(c, 1, "auto")));

        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_entry")).isEqualTo(1);
    }

    @Test
    void inTransactionCommitsAndAnswersTheWorksResult() {
        String result = await(storage.inTransaction(c -> {
            insert(c, 1, "a");
            insert(c, 2, "b");
            return "two rows";
        }));

        assertThat(result).isEqualTo("two rows");
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_entry")).isEqualTo(2);
    }

    @Test
    void inTransactionRollsBackWhenTheWorkThrowsAndPassesTheExceptionOn() {
        IllegalStateException thrown = new IllegalStateException("plugin gave up");

        Throwable error = failure(storage.inTransaction(c -> {
            insert(c, 1, "never kept");
            throw thrown;
        }));

        assertThat(error).isSameAs(thrown);
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_entry")).isZero();
    }

    @Test
    void sqlErrorRollsBackAndFailsNamingTheOwner() {
        Throwable error = failure(storage.inTransaction(c -> {
            insert(c, 1, "first");
            insert(c, 1, "duplicate key");
            return null;
        }));

        assertThat(error).isInstanceOf(IntelException.class).hasMessageStartingWith("storage of [journal] failed: ");
        IntelException intel = (IntelException) error;
        assertThat(intel.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(intel.details()).containsEntry("owner", "journal").containsEntry("sql_state", "23505");
        assertThat(count(db, "journal", "SELECT COUNT(*) FROM journal_entry")).isZero();
    }

    @Test
    void connectionIsBackInAutoCommitModeAfterATransaction() {
        failure(storage.inTransaction(c -> {
            throw new SQLException("boom");
        }));

        for (int i = 0; i < db.maxConnections() * 2; i++) {
            boolean autoCommit = await(storage.withConnection(c -> c.getAutoCommit()));
            assertThat(autoCommit).isTrue();
        }
    }

    @Test
    void errorMessagesNeverCarryCredentials() {
        Throwable error = failure(storage.withConnection(c -> {
            try (var s = c.createStatement()) {
                s.execute("CREATE USER mallory PASSWORD 'hunter2' NOT VALID SQL");
            }
            return null;
        }));

        assertThat(error).hasMessageContaining("[journal]").message().doesNotContain("hunter2");
    }

    @Test
    void acknowledgedWriteSurvivesCloseAndReopen() {
        await(storage.inTransaction(c -> insert(c, 7, "acknowledged")));
        close(db);

        Database reopened = open();

        assertThat(count(reopened, "journal", "SELECT COUNT(*) FROM journal_entry WHERE note = 'acknowledged'"))
                .isEqualTo(1);
    }

    @Test
    void acknowledgedWriteSurvivesAKilledProcess() throws Exception {
        close(db);
        try (H2ShellProcess other = H2ShellProcess.start(Database.jdbcUrl(dataDir().toAbsolutePath()))) {
            other.execute("INSERT INTO journal_entry VALUES (9, 'written just before kill -9');", "(Update count: 1");
            other.kill();
        }

        Database reopened = open();

        assertThat(count(reopened, "journal", "SELECT COUNT(*) FROM journal_entry WHERE id = 9")).isEqualTo(1);
    }

    @Test
    void jdbcRunsOnAWorkerThreadAndTheAnswerArrivesOnTheCallersContext(Vertx unused, VertxTestContext test) {
        Context caller = vertx.getOrCreateContext();
        caller.runOnContext(v -> {
            assertThat(Context.isOnEventLoopThread()).isTrue();
            storage.withConnection(c -> {
                test.verify(() -> {
                    assertThat(Context.isOnEventLoopThread()).isFalse();
                    assertThat(Thread.currentThread().getName()).startsWith("market-intel-store");
                });
                return insert(c, 1, "from an event loop");
            }).compose(x -> storage.inTransaction(c -> {
                test.verify(() -> assertThat(Context.isOnEventLoopThread()).isFalse());
                return insert(c, 2, "in a transaction");
            })).onComplete(test.succeeding(x -> test.verify(() -> {
                assertThat(Vertx.currentContext()).isSameAs(caller);
                test.completeNow();
            })));
        });
    }

    private static int insert(java.sql.Connection c, int id, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_entry VALUES (?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, note);
            return ps.executeUpdate();
        }
    }
}
