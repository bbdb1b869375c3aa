package io.marketintel.runtime.store;

import io.marketintel.api.Migration;
import java.util.List;

/**
 * The runtime's own schema, migrated under owner {@value #OWNER} when the database opens.
 *
 * <p>The runtime keeps no tables of its own yet: plugin state lives in configuration and results in the
 * plugins' own tables (each plugin migrates its schema through its {@link io.marketintel.api.Storage}).
 * The migration history table {@code platform_schema_history} is created by the migrator itself. When
 * the runtime needs a table, add it here as the next version; never edit an applied version (its
 * checksum is verified on every start).
 */
public final class PlatformSchema {

    /** Owner of the runtime's own migrations. */
    public static final String OWNER = "platform";

    private PlatformSchema() {
    }

    /** The runtime's migrations, in version order. */
    public static List<Migration> migrations() {
        return List.of();
    }
}
