package io.marketintel.api;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The embedded H2 database. All work runs on worker threads, never on an event loop. Each plugin
 * owns its migrations (versioned per plugin id) and should prefix its tables with its id.
 */
public interface Storage {

    /**
     * Applies the migrations of this plugin that have not been applied yet, in version order, each in
     * its own transaction. Re-applying is a no-op; a migration whose SQL changed after it was applied is
     * refused (checksum mismatch).
     */
    Future<Void> migrate(List<Migration> migrations);

    /** Runs {@code work} with a connection in auto-commit mode. */
    <T> Future<T> withConnection(SqlWork<T> work);

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. The
     * future completes only after the commit, so an acknowledged write survives a crash.
     */
    <T> Future<T> inTransaction(SqlWork<T> work);

    /** JDBC work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
