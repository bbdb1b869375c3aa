package io.marketintel.runtime.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The database's part of {@code /api/health}.
 *
 * @param status   {@code ok} when the database answers, {@code error} otherwise
 * @param file     the database file ({@code <data dir>/market-intel.mv.db})
 * @param versions applied migration versions per owner (owners sorted, versions ascending),
 *                 e.g. {@code {"journal":[1,2], "platform":[1]}}
 * @param error    why the status is {@code error}, or null
 */
public record StorageStatus(String status, String file, Map<String, List<Integer>> versions, String error) {

    /** Value of {@link #status()} when the database answers. */
    public static final String OK = "ok";
    /** Value of {@link #status()} when it does not. */
    public static final String ERROR = "error";

    public StorageStatus {
        Objects.requireNonNull(status, "property [status] is missing for storage status");
        Objects.requireNonNull(file, "property [file] is missing for storage status");
        Map<String, List<Integer>> sorted = new TreeMap<>();
        if (versions != null) {
            versions.forEach((owner, applied) -> sorted.put(owner, List.copyOf(applied)));
        }
        versions = Collections.unmodifiableMap(sorted);
    }

    static StorageStatus ok(String file, Map<String, List<Integer>> versions) {
        return new StorageStatus(OK, file, versions, null);
    }

    static StorageStatus error(String file, String error) {
        return new StorageStatus(ERROR, file, Map.of(), error);
    }
}
