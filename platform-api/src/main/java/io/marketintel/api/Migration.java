package io.marketintel.api;

import java.util.Objects;

/**
 * One versioned schema change.
 *
 * @param version     positive, strictly increasing within an owner
 * @param description what it does
 * @param sql         one or more statements separated by {@code ;} at line ends
 */
public record Migration(int version, String description, String sql) {

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be positive, was " + version);
        }
        Objects.requireNonNull(description, "property [description] is missing for migration " + version);
        Objects.requireNonNull(sql, "property [sql] is missing for migration " + version);
    }
}
