package io.marketintel.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a plugin is.
 *
 * @param id          stable identifier, lower-case kebab ({@code funding}, {@code volume-profile}); names the
 *                    config section {@code plugins.<id>} and the bus addresses {@code intel.<id>.<operation>}
 * @param routePrefix REST prefix under {@code /api/intelligence/}, same alphabet as the id
 * @param name        human name shown in the console
 * @param version     the plugin's own version ({@code 1.2.0})
 * @param apiVersion  the {@link PlatformApi#VERSION} the plugin was built against
 * @param kind        analyzer or executor; must match the interface the plugin implements
 * @param description one or two sentences for the console and {@code GET /api/plugins}
 * @param config      the plugin's configuration keys (under {@code plugins.<id>}) with types, defaults and
 *                    ranges; {@code enabled} is reserved and handled by the runtime
 */
public record PluginDescriptor(
        String id,
        String routePrefix,
        String name,
        String version,
        String apiVersion,
        PluginKind kind,
        String description,
        List<ParamSpec> config) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([.-][A-Za-z0-9.]+)?");
    /** Keys that the runtime owns in every plugin section. */
    public static final Set<String> RESERVED_CONFIG_KEYS = Set.of("enabled");

    public PluginDescriptor {
        require(id, "id", id);
        if (!ID.matcher(id).matches() || id.length() > 40) {
            throw new IllegalArgumentException("property [id] of plugin [" + id
                    + "] must be lower-case kebab case of at most 40 characters");
        }
        require(routePrefix, "routePrefix", id);
        if (!ID.matcher(routePrefix).matches()) {
            throw new IllegalArgumentException("property [routePrefix] of plugin [" + id
                    + "] must be lower-case kebab case, was [" + routePrefix + "]");
        }
        require(name, "name", id);
        require(version, "version", id);
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("property [version] of plugin [" + id
                    + "] must look like 1.2.3, was [" + version + "]");
        }
        require(apiVersion, "apiVersion", id);
        try {
            PlatformApi.parse(apiVersion);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("property [apiVersion] of plugin [" + id + "]: " + e.getMessage(), e);
        }
        Objects.requireNonNull(kind, () -> "property [kind] is missing for plugin [" + id + "]");
        description = description == null ? "" : description;
        config = config == null ? List.of() : List.copyOf(config);
        Set<String> seen = new HashSet<>();
        for (ParamSpec spec : config) {
            if (RESERVED_CONFIG_KEYS.contains(spec.name())) {
                throw new IllegalArgumentException("config key [" + spec.name() + "] of plugin [" + id
                        + "] is reserved by the runtime");
            }
            if (!seen.add(spec.name())) {
                throw new IllegalArgumentException("config key [" + spec.name() + "] of plugin [" + id
                        + "] is declared twice");
            }
        }
    }

    private static void require(String value, String property, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("property [" + property + "] is missing for plugin [" + id + "]");
        }
    }
}
