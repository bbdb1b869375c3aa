package io.marketintel.runtime.market.replay;

import io.marketintel.api.market.Interval;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One recognised file of the replay folder.
 *
 * @param path     absolute path
 * @param name     path relative to the replay folder, as shown in status and messages
 * @param kind     what it holds
 * @param layout   how it is written
 * @param symbol   symbol it belongs to, or null for folder-wide files (exchange info, brackets)
 * @param interval kline interval, or null for other kinds
 * @param zipped   whether the CSV is inside a {@code .zip} (data.binance.vision downloads)
 * @param nameTime time carried by the name (depth {@code <epochMillis>}), or {@link Long#MIN_VALUE}
 */
record ReplayFile(Path path, String name, FileKind kind, Layout layout, String symbol, Interval interval,
                  boolean zipped, long nameTime) {

    ReplayFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(layout, "layout");
    }
}
