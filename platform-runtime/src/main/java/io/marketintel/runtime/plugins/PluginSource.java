package io.marketintel.runtime.plugins;

import java.util.Objects;

/**
 * Where a plugin came from, as {@code GET /api/plugins} shows it.
 *
 * @param kind   {@code module-path} (built in, boot layer), {@code jar} (a drop-in jar of the plugin folder, in
 *               its own module layer) or {@code embedded} (an instance handed to the runtime: tests, the test kit)
 * @param file   the jar's file name in the plugin folder, or null
 * @param sha256 the jar's content hash (hex), or null
 */
public record PluginSource(String kind, String file, String sha256) {

    /** Built-in plugins found on the module path. */
    public static final PluginSource MODULE_PATH = new PluginSource("module-path", null, null);
    /** Plugin instances handed to the runtime directly. */
    public static final PluginSource EMBEDDED = new PluginSource("embedded", null, null);

    public PluginSource {
        Objects.requireNonNull(kind, "kind");
    }

    /** A drop-in jar of the plugin folder. */
    public static PluginSource jar(String file, String sha256) {
        return new PluginSource("jar", Objects.requireNonNull(file, "file"), sha256);
    }

    /** Whether this is a drop-in jar. */
    public boolean isJar() {
        return "jar".equals(kind);
    }

    @Override
    public String toString() {
        return isJar() ? "jar [" + file + "]" + (sha256 == null ? "" : " (sha256 " + sha256.substring(0, 12) + "…)") : kind;
    }
}
