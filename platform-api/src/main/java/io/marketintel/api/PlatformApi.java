package io.marketintel.api;

/**
 * Version of this API. A plugin states the version it was built against in
 * {@link PluginDescriptor#apiVersion()}; the runtime accepts it when the major versions are equal and
 * the plugin's minor version is not newer than the platform's.
 */
public final class PlatformApi {

    /** The API version of this build, {@code major.minor}. */
    public static final String VERSION = "1.0";

    private PlatformApi() {
    }

    /**
     * Whether a plugin built against {@code pluginApiVersion} can run on this platform.
     *
     * @param pluginApiVersion a {@code major.minor} version string
     * @return {@code true} when compatible
     * @throws IllegalArgumentException when the string is not {@code major.minor}
     */
    public static boolean isCompatible(String pluginApiVersion) {
        int[] plugin = parse(pluginApiVersion);
        int[] platform = parse(VERSION);
        return plugin[0] == platform[0] && plugin[1] <= platform[1];
    }

    static int[] parse(String version) {
        if (version == null || !version.matches("\\d{1,4}\\.\\d{1,4}")) {
            throw new IllegalArgumentException("API version [" + version + "] is not of the form major.minor");
        }
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
