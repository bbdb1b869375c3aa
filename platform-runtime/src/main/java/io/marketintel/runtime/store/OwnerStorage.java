package io.marketintel.runtime.store;

import io.marketintel.api.Migration;
import io.marketintel.api.Storage;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The {@link Storage} of one owner: its migrations, its error messages. */
final class OwnerStorage implements Storage {

    private final Database database;
    private final String owner;

    OwnerStorage(Database database, String owner) {
        this.database = database;
        this.owner = owner;
    }

    @Override
    public Future<Void> migrate(List<Migration> migrations) {
        return database.migrate(owner, migrations);
    }

    @Override
    public <T> Future<T> withConnection(SqlWork<T> work) {
        if (work == null) {
            return Future.failedFuture(new IllegalArgumentException("work of [" + owner + "] is missing"));
        }
        return database.execute(owner, c -> {
            c.setAutoCommit(true);
            return work.apply(c);
        });
    }

    @Override
    public <T> Future<T> inTransaction(SqlWork<T> work) {
        if (work == null) {
            return Future.failedFuture(new IllegalArgumentException("work of [" + owner + "] is missing"));
        }
        return database.execute(owner, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "Storage[" + owner + "]";
    }
}
