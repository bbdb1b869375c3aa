package io.marketintel.runtime.store;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Migration;
import io.marketintel.api.Storage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 file database {@code market-intel} in the data directory.
 *
 * <p>{@link #open} creates the directory and the database on first start; later starts reopen it. The
 * directory is locked while the database is open: a second instance (another process, or another open in
 * this one) fails with a message naming the directory. Every JDBC call runs on a dedicated worker pool
 * sized like the connection pool, never on an event loop. Commits are written to the file before the
 * future completes ({@code WRITE_DELAY=0}), and {@link #close()} shuts the database down cleanly
 * ({@code DB_CLOSE_ON_EXIT=FALSE}: the runtime, not a JVM hook, decides when).
 *
 * <p>Schema changes are versioned per owner ({@link #migrate}); plugins receive a {@link Storage} bound to
 * their id from {@link #storageFor(String)}.
 */
public final class Database {

    /** Name of the database; the file is {@code <data dir>/market-intel.mv.db}. */
    public static final String NAME = "market-intel";
    /** Connection pool size (and worker threads) of {@link #open(Vertx, Path)}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 4;
    /** Largest accepted pool size. */
    public static final int MAX_CONNECTIONS_LIMIT = 64;

    /** The embedded database's user; access to the file is access to the data, so no password. */
    static final String USER = "sa";

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)\\b(password\\s*=?\\s*)('(?:[^']|'')*'?|[^\\s;'\",)]+)");
    private static final Pattern HASH = Pattern.compile("(?i)\\b((?:salt|hash)\\s+)'[^']*'?");
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final Path dataDir;
    private final Path file;
    private final int maxConnections;
    private final JdbcConnectionPool pool;
    private final WorkerExecutor worker;
    private final DirectoryLock lock;
    private final Migrator migrator;
    /** Work holds the read lock; close takes the write lock so that it waits for work in flight. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** Migrations run one at a time, across owners, so that concurrent calls never double-apply. */
    private final ReentrantLock migrationLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Future<Void>> closing = new AtomicReference<>();

    private Database(Path dataDir, int maxConnections, JdbcConnectionPool pool, WorkerExecutor worker,
                     DirectoryLock lock, Clock clock) {
        this.dataDir = dataDir;
        this.file = dataDir.resolve(NAME + ".mv.db");
        this.maxConnections = maxConnections;
        this.pool = pool;
        this.worker = worker;
        this.lock = lock;
        this.migrator = new Migrator(clock);
    }

    /**
     * Opens (creating on first start) the database in {@code dataDir} with
     * {@value #DEFAULT_MAX_CONNECTIONS} connections and the system clock, and applies the
     * {@link PlatformSchema}.
     */
    public static Future<Database> open(Vertx vertx, Path dataDir) {
        return open(vertx, dataDir, DEFAULT_MAX_CONNECTIONS, Clock.systemUTC());
    }

    /**
     * Opens (creating on first start) the database in {@code dataDir} and applies the
     * {@link PlatformSchema}.
     *
     * @param vertx          the Vert.x instance whose worker pool runs the JDBC work
     * @param dataDir        the data directory, created when missing
     * @param maxConnections pool size and worker threads, 1 … {@value #MAX_CONNECTIONS_LIMIT}
     * @param clock          stamps {@code applied_at} of migrations
     * @return the open database; fails with an {@link IllegalStateException} naming the directory when it
     *         is in use by another instance or cannot be created or opened
     */
    public static Future<Database> open(Vertx vertx, Path dataDir, int maxConnections, Clock clock) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(clock, "clock");
        if (dataDir == null) {
            return Future.failedFuture(new IllegalArgumentException("property [data.dir] is missing"));
        }
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS_LIMIT) {
            return Future.failedFuture(new IllegalArgumentException("property [maxConnections] must be"
                    + " within [1, " + MAX_CONNECTIONS_LIMIT + "], was " + maxConnections));
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("market-intel-store " + dir, maxConnections);
        return worker.executeBlocking(() -> openBlocking(dir, maxConnections, worker, clock), false)
                .compose(db -> db.migrate(PlatformSchema.OWNER, PlatformSchema.migrations())
                                .transform(ar -> ar.succeeded() ? Future.succeededFuture(db)
                                        : db.close().transform(x -> Future.<Database>failedFuture(ar.cause()))),
                        error -> worker.close().transform(x -> Future.failedFuture(error)));
    }

    private static Database openBlocking(Path dir, int maxConnections, WorkerExecutor worker, Clock clock) {
        if (dir.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("storage data directory [" + dir + "] must not contain ';'");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("storage data directory [" + dir + "] cannot be created: " + e, e);
        }
        DirectoryLock lock;
        try {
            lock = DirectoryLock.acquire(dir);
        } catch (IOException e) {
            throw new IllegalStateException("storage data directory [" + dir + "] cannot be locked: " + e, e);
        }
        JdbcConnectionPool pool = null;
        try {
            pool = JdbcConnectionPool.create(jdbcUrl(dir), USER, "");
            pool.setMaxConnections(maxConnections);
            try (Connection c = pool.getConnection()) {
                LOG.log(System.Logger.Level.INFO, "opened database {0} ({1})", dir.resolve(NAME + ".mv.db"),
                        c.getMetaData().getDatabaseProductVersion());
            }
            return new Database(dir, maxConnections, pool, worker, lock, clock);
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.dispose();
            }
            closeQuietly(lock, e);
            if (e instanceof SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw inUse(dir, null);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("database [" + dir.resolve(NAME + ".mv.db") + "] cannot be opened: "
                    + redact(e.getMessage()), e);
        }
    }

    /** The JDBC URL of the database in {@code dir}. */
    static String jdbcUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(NAME) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The failure of opening a data directory that another instance holds. */
    static IllegalStateException inUse(Path dir, String pid) {
        return new IllegalStateException("storage data directory [" + dir + "] is already in use by another"
                + " running Market Intel instance" + (pid == null ? "" : " (pid " + pid + ")")
                + "; stop it or set data.dir (MI_DATA_DIR) to another directory");
    }

    /** The data directory (absolute). */
    public Path dataDir() {
        return dataDir;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Pool size and worker threads. */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The {@link Storage} of {@code owner} (a plugin id, or {@value PlatformSchema#OWNER}): migrations are
     * versioned under that owner and failures name it.
     *
     * @throws IllegalArgumentException when {@code owner} is not 1–64 letters, digits, {@code _ . -}
     */
    public Storage storageFor(String owner) {
        checkOwner(owner);
        return new OwnerStorage(this, owner);
    }

    /**
     * Applies the migrations of {@code owner} that are not applied yet, in version order, each in its own
     * transaction together with its history row. Already applied versions are skipped after their
     * checksum is verified. Concurrent calls are serialised, so nothing is applied twice.
     *
     * <p>Fails with an {@link IllegalArgumentException} for a malformed list (duplicate or decreasing
     * versions), and with an {@link IntelException} naming owner and version when an applied migration was
     * changed, when a new version is lower than an applied one, or when a migration fails. A failed
     * migration is not recorded and the later ones are not applied; what it had changed is undone (see
     * {@link io.marketintel.runtime.store the package notes} for how, given that H2 commits DDL at once).
     */
    public Future<Void> migrate(String owner, List<Migration> migrations) {
        List<Migration> list;
        try {
            checkOwner(owner);
            Migrator.validate(owner, migrations);
            list = List.copyOf(migrations);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return this.<Void>execute(owner, c -> {
            migrationLock.lock();
            try {
                migrator.migrate(c, owner, list);
                return null;
            } finally {
                migrationLock.unlock();
            }
        });
    }

    /**
     * The database's part of {@code /api/health}. Never fails: a database that does not answer is
     * reported with status {@code error}.
     */
    public Future<StorageStatus> status() {
        String path = file.toString();
        if (closed.get()) {
            return Future.succeededFuture(StorageStatus.error(path, "database is closed"));
        }
        return execute(PlatformSchema.OWNER, migrator::appliedVersions)
                .map(versions -> StorageStatus.ok(path, versions))
                .otherwise(error -> StorageStatus.error(path, String.valueOf(error.getMessage())));
    }

    /**
     * Shuts the database down: new work fails at once, work in flight may finish (up to 30 s), then the
     * database is closed, the directory unlocked and the worker pool released. Idempotent.
     */
    public Future<Void> close() {
        Promise<Void> promise = Promise.promise();
        if (!closing.compareAndSet(null, promise.future())) {
            return closing.get();
        }
        closed.set(true);
        worker.<Void>executeBlocking(() -> {
            shutdownBlocking();
            return null;
        }, false).transform(ar -> worker.close().transform(x -> ar.succeeded() ? Future.<Void>succeededFuture()
                : Future.<Void>failedFuture(ar.cause()))).onComplete(promise);
        return promise.future();
    }

    private void shutdownBlocking() throws SQLException, IOException, InterruptedException {
        boolean quiet = gate.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        if (!quiet) {
            LOG.log(System.Logger.Level.WARNING, "closing database {0} with work still in flight", file);
        }
        try {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } finally {
                pool.dispose();
            }
            LOG.log(System.Logger.Level.INFO, "closed database {0}", file);
        } finally {
            try {
                lock.close();
            } finally {
                if (quiet) {
                    gate.writeLock().unlock();
                }
            }
        }
    }

    /**
     * Runs {@code work} with a pooled connection on the worker pool. An {@link SQLException} becomes an
     * {@link IntelException} naming {@code owner}; other exceptions pass unchanged.
     */
    <T> Future<T> execute(String owner, Storage.SqlWork<T> work) {
        if (closed.get()) {
            return Future.failedFuture(closedError(owner));
        }
        return worker.executeBlocking(() -> {
            gate.readLock().lock();
            try {
                if (closed.get()) {
                    throw closedError(owner);
                }
                try (Connection c = pool.getConnection()) {
                    return work.apply(c);
                } catch (SQLException e) {
                    throw new IntelException(ErrorCode.INTERNAL_ERROR, "storage of [" + owner + "] failed: "
                            + redact(e.getMessage()), sqlDetails(owner, e), e);
                }
            } finally {
                gate.readLock().unlock();
            }
        }, false);
    }

    private static Map<String, Object> sqlDetails(String owner, SQLException e) {
        return e.getSQLState() == null ? Map.of("owner", owner) : Map.of("owner", owner, "sql_state", e.getSQLState());
    }

    private static IntelException closedError(String owner) {
        return new IntelException(ErrorCode.SERVICE_UNAVAILABLE, "storage of [" + owner + "] is closed",
                Map.of("owner", owner));
    }

    private static void checkOwner(String owner) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("storage owner [" + owner + "] must be 1-64 letters, digits, '_', '.'"
                    + " or '-', starting with a letter or digit");
        }
    }

    /**
     * {@code message} without passwords or password hashes ({@code PASSWORD 'x'}, {@code password=x},
     * {@code SALT '…' HASH '…'}), for messages that leave the storage layer.
     */
    static String redact(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = PASSWORD.matcher(message).replaceAll("$1***");
        return HASH.matcher(m).replaceAll("$1***");
    }

    private static void closeQuietly(AutoCloseable closeable, Exception failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "Database[" + file + "]";
    }
}
