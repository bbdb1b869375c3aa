package io.marketintel.runtime.store;

import static io.marketintel.runtime.store.Futures.await;
import static io.marketintel.runtime.store.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Migration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTest extends StoreTestBase {

    @Test
    void firstOpenCreatesDirectoryAndDatabaseFileAndReportsOk() {
        Database db = open();

        assertThat(dataDir()).isDirectory();
        assertThat(db.file()).isEqualTo(dataDir().toAbsolutePath().resolve("market-intel.mv.db")).exists();
        StorageStatus status = await(db.status());
        assertThat(status.status()).isEqualTo("ok");
        assertThat(status.file()).isEqualTo(db.file().toString());
        assertThat(status.error()).isNull();
        assertThat(tableExists(db, Migrator.HISTORY_TABLE)).isTrue();
    }

    @Test
    void statusListsAppliedVersionsPerOwner() {
        Database db = open();
        await(db.migrate("journal", List.of(new Migration(1, "t", "CREATE TABLE journal_a (id INT)"),
                new Migration(2, "u", "CREATE TABLE journal_b (id INT)"))));
        await(db.migrate("outcomes", List.of(new Migration(1, "t", "CREATE TABLE outcomes_a (id INT)"))));

        assertThat(await(db.status()).versions()).isEqualTo(Map.of("journal", List.of(1, 2), "outcomes", List.of(1),
                PlatformSchema.OWNER, List.of(1)));
    }

    @Test
    void secondOpenOfTheSameDirectoryFailsNamingTheDirectory() {
        open();

        Throwable error = failure(Database.open(vertx, dataDir()));

        assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storage data directory [" + dataDir().toAbsolutePath() + "]")
                .hasMessageContaining("already in use")
                .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }

    @Test
    void directoryHeldByAnotherProcessIsRefusedNamingTheDirectory() throws Exception {
        Files.createDirectories(dataDir());
        try (H2ShellProcess other = H2ShellProcess.start(Database.jdbcUrl(dataDir().toAbsolutePath()))) {
            Throwable error = failure(Database.open(vertx, dataDir()));

            assertThat(error).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("storage data directory [" + dataDir().toAbsolutePath() + "]")
                    .hasMessageContaining("already in use");
            assertThat(other.isAlive()).as("the other process keeps its database").isTrue();
        }
    }

    @Test
    void directoryIsFreeAgainAfterClose() {
        Database first = open();
        exec(first, "test", "CREATE TABLE test_kept (id INT)");
        close(first);

        Database second = open();

        assertThat(tableExists(second, "test_kept")).isTrue();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsReported() throws Exception {
        Path notADirectory = Files.writeString(tempDir.resolve("plain-file"), "x");

        Throwable error = failure(Database.open(vertx, notADirectory));

        assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storage data directory [" + notADirectory.toAbsolutePath() + "]");
    }

    @Test
    void invalidPoolSizeNamesTheProperty() {
        Throwable error = failure(Database.open(vertx, dataDir(), 0, clock));

        assertThat(error).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("property [maxConnections]").hasMessageContaining("was 0");
    }

    @Test
    void workAfterCloseFailsAsUnavailableAndCloseIsIdempotent() {
        Database db = open();
        close(db);

        Throwable error = failure(db.storageFor("journal").withConnection(c -> 1));

        assertThat(error).isInstanceOf(IntelException.class).hasMessageContaining("[journal]");
        assertThat(((IntelException) error).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(await(db.status()).status()).isEqualTo("error");
        await(db.close());
    }

    @Test
    void ownerMustBeAPluginIdLikeName() {
        Database db = open();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.storageFor("bad owner;"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage owner [bad owner;]");
    }

    @Test
    void redactHidesPasswordsAndHashes() {
        assertThat(Database.redact("Syntax error in SQL statement \"CREATE USER bob PASSWORD 'hunter2' x[*]\""))
                .doesNotContain("hunter2").contains("PASSWORD ***");
        assertThat(Database.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=hunter2;X=1")).doesNotContain("hunter2");
        assertThat(Database.redact("CREATE USER \"SA\" SALT 'abcd' HASH 'ef01' ADMIN")).doesNotContain("abcd")
                .doesNotContain("ef01");
        assertThat(Database.redact(null)).isEqualTo("unknown error");
    }
}
