/**
 * The embedded H2 database: one file database {@code market-intel} in the data directory, a small
 * connection pool, versioned migrations per owner and the {@link io.marketintel.api.Storage} each plugin
 * receives.
 *
 * <p>Start with {@link io.marketintel.runtime.store.Database#open}: it locks the data directory, opens
 * the database, applies the platform's own schema ({@link io.marketintel.runtime.store.PlatformSchema})
 * and hands out {@link io.marketintel.runtime.store.Database#storageFor(String) storage per owner}. All
 * JDBC runs on a dedicated worker pool, never on an event loop.
 *
 * <p>Migrations: H2 commits DDL statements implicitly, so a transaction alone cannot undo a half-applied
 * migration. The migrator therefore first runs each pending migration against a schema-only in-memory
 * copy of the database (which catches syntax errors, unknown tables and the like without touching the
 * file), and when the real run still fails (a data-dependent error), drops again the objects the
 * migration had created before the failure. See {@link io.marketintel.runtime.store.Database#migrate}.
 */
package io.marketintel.runtime.store;
