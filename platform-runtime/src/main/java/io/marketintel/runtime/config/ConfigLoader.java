package io.marketintel.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.runtime.params.BindingException;
import io.marketintel.runtime.params.ParamBinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads, overrides and validates the configuration. Unknown keys, wrong types, out-of-range values and
 * malformed YAML are {@link ConfigException}s naming the key; nothing is half-applied.
 */
public final class ConfigLoader {

    /** Where the configuration is read from when {@code MI_CONFIG} is not set. */
    public static final Path DEFAULT_FILE = Path.of("config", "market-intel.yaml");
    /** The variable naming the config file. */
    public static final String CONFIG_ENV = "MI_CONFIG";
    /** Variables read by the launcher script, not by the runtime. */
    private static final Set<String> LAUNCHER_ENV = Set.of(CONFIG_ENV, "MI_JAVA_OPTS", "MI_SKIP_BUILD");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, PluginSchema> pluginSchemas;
    private final Map<String, String> env;

    /**
     * @param pluginSchemas config keys and cross-key rules of each installed plugin, by plugin id
     * @param env           environment variables (only {@code MI_*} ones matter)
     */
    public ConfigLoader(Map<String, PluginSchema> pluginSchemas, Map<String, String> env) {
        this.pluginSchemas = Map.copyOf(pluginSchemas);
        this.env = Map.copyOf(env);
    }

    /** The config file: {@code MI_CONFIG} or {@link #DEFAULT_FILE}. */
    public static Path configFile(Map<String, String> env) {
        String configured = env.get(CONFIG_ENV);
        return configured == null || configured.isBlank() ? DEFAULT_FILE : Path.of(configured);
    }

    /** Reads and validates {@code file} (blocking file I/O: call it off the event loop). */
    public PlatformConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(null, "config file [" + file + "] does not exist (set " + CONFIG_ENV
                    + " to the file to use)");
        } catch (IOException e) {
            throw new ConfigException(null, "config file [" + file + "] cannot be read: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Validates {@code yaml} as the content of {@code file}. */
    public PlatformConfig parse(Path file, String yaml) {
        ObjectNode root = readYaml(file, yaml);
        List<String> warnings = new ArrayList<>();
        applyEnvironment(root, warnings);

        Map<String, JsonNode> platformRaw = new LinkedHashMap<>();
        Map<String, JsonNode> pluginSections = new TreeMap<>();
        collect(file, root, "", platformRaw, pluginSections);

        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ParamSpec> key : ConfigSchema.KEYS.entrySet()) {
            String path = key.getKey();
            JsonNode raw = platformRaw.get(path);
            ParamSpec spec = key.getValue();
            values.put(path, raw == null || raw.isNull() ? spec.defaultValue() : bind(file, path, spec, raw));
        }

        Map<String, PluginSettings> plugins = new LinkedHashMap<>();
        for (Map.Entry<String, PluginSchema> schema : pluginSchemas.entrySet()) {
            plugins.put(schema.getKey(), pluginSettings(file, schema.getKey(), schema.getValue(),
                    pluginSections.get(schema.getKey())));
        }
        Map<String, JsonNode> pending = new LinkedHashMap<>();
        pluginSections.forEach((id, section) -> {
            if (!pluginSchemas.containsKey(id)) {
                pending.put(id, section);
                warnings.add("config section [plugins." + id + "] names no installed plugin; it applies when one with id ["
                        + id + "] is installed");
            }
        });
        return build(file, values, plugins, pending, warnings);
    }

    /**
     * Validates the raw section of a plugin that was not installed when the file was read (third-party
     * plugins that arrive later).
     */
    public static PluginSettings pluginSettings(Path file, String id, PluginSchema schema, JsonNode section) {
        List<ParamSpec> specs = schema.keys();
        String prefix = ConfigSchema.PLUGINS + "." + id + ".";
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        boolean enabled = true;
        if (section != null && !section.isNull()) {
            if (!section.isObject()) {
                throw new ConfigException(prefix.substring(0, prefix.length() - 1), "config key ["
                        + prefix.substring(0, prefix.length() - 1) + "] must be a section of keys, was " + section
                        + " (in " + file + ")");
            }
            for (var it = section.fields(); it.hasNext(); ) {
                var e = it.next();
                raw.put(e.getKey(), e.getValue());
            }
            JsonNode enabledNode = raw.remove(ConfigSchema.ENABLED);
            if (enabledNode != null && !enabledNode.isNull()) {
                enabled = (Boolean) bind(file, prefix + ConfigSchema.ENABLED,
                        ParamSpec.bool(ConfigSchema.ENABLED, true), enabledNode);
            }
        }
        Params values;
        try {
            values = ParamBinder.bindAll(specs, raw, ParamBinder.Label.configKey(prefix));
        } catch (BindingException e) {
            String key = prefix + e.name();
            String message = e.getMessage();
            if (e.unknownName()) {
                message = "unknown config key [" + key + "]" + suggestion(key, prefix, specs) + "; plugin [" + id
                        + "] accepts: " + (specs.isEmpty() ? "enabled" : "enabled, "
                        + String.join(", ", specs.stream().map(ParamSpec::name).toList()));
            }
            throw new ConfigException(key, message + " (in " + file + ")");
        }
        try {
            schema.check().accept(values);
        } catch (IllegalArgumentException e) {
            String path = ConfigSchema.PLUGINS + "." + id;
            throw new ConfigException(path, "config section [" + path + "]: " + e.getMessage()
                    + " (in " + file + ")");
        }
        return new PluginSettings(enabled, values, section == null || section.isNull() ? null : section);
    }

    private static String suggestion(String key, String prefix, List<ParamSpec> specs) {
        List<String> candidates = new ArrayList<>();
        candidates.add(prefix + ConfigSchema.ENABLED);
        specs.forEach(s -> candidates.add(prefix + s.name()));
        return closest(key, candidates);
    }

    private static ObjectNode readYaml(Path file, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException(null, "config file [" + file + "] is not valid YAML" + where + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(null, "config file [" + file + "] must hold a map of sections, not a single "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value");
        }
        return (ObjectNode) root;
    }

    private void applyEnvironment(ObjectNode root, List<String> warnings) {
        Map<String, String> known = new LinkedHashMap<>();
        ConfigSchema.KEYS.keySet().forEach(path -> known.put(ConfigSchema.envName(path), path));
        pluginSchemas.forEach((id, schema) -> {
            List<ParamSpec> specs = schema.keys();
            String prefix = ConfigSchema.PLUGINS + "." + id + ".";
            known.put(ConfigSchema.envName(prefix + ConfigSchema.ENABLED), prefix + ConfigSchema.ENABLED);
            specs.forEach(s -> known.put(ConfigSchema.envName(prefix + s.name()), prefix + s.name()));
        });
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String path = known.get(e.getKey());
            if (path != null) {
                setPath(root, path, TextNode.valueOf(e.getValue()));
            } else if (e.getKey().startsWith("MI_") && !LAUNCHER_ENV.contains(e.getKey())) {
                warnings.add("environment variable [" + e.getKey() + "] matches no config key"
                        + closest(e.getKey(), known.keySet()));
            }
        }
    }

    private static void setPath(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
    }

    private static void collect(Path file, JsonNode node, String prefix, Map<String, JsonNode> platform,
                                Map<String, JsonNode> pluginSections) {
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (ConfigSchema.KEYS.containsKey(path)) {
                platform.put(path, value);
            } else if (path.equals(ConfigSchema.PLUGINS)) {
                collectPlugins(file, value, platform, pluginSections);
            } else if (ConfigSchema.isSection(path)) {
                if (value.isObject()) {
                    collect(file, value, path + ".", platform, pluginSections);
                } else if (!value.isNull()) {
                    throw new ConfigException(path, "config key [" + path + "] must be a section of keys, was "
                            + value + " (in " + file + ")");
                }
            } else {
                throw new ConfigException(path, "unknown config key [" + path + "]"
                        + closest(path, ConfigSchema.KEYS.keySet()) + " (in " + file + ")");
            }
        }
    }

    private static void collectPlugins(Path file, JsonNode value, Map<String, JsonNode> platform,
                                       Map<String, JsonNode> pluginSections) {
        if (value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            throw new ConfigException(ConfigSchema.PLUGINS, "config key [plugins] must be a section of keys, was "
                    + value + " (in " + file + ")");
        }
        for (var it = value.fields(); it.hasNext(); ) {
            var field = it.next();
            String path = ConfigSchema.PLUGINS + "." + field.getKey();
            if (ConfigSchema.KEYS.containsKey(path)) {
                platform.put(path, field.getValue());
            } else {
                pluginSections.put(field.getKey(), field.getValue());
            }
        }
    }

    private static Object bind(Path file, String path, ParamSpec spec, JsonNode raw) {
        try {
            return ParamBinder.bind(spec, raw, n -> "config key [" + path + "]", ConfigSchema.SECRETS.contains(path));
        } catch (BindingException e) {
            throw new ConfigException(path, e.getMessage() + " (in " + file + " or " + ConfigSchema.envName(path) + ")");
        }
    }

    private static PlatformConfig build(Path file, Map<String, Object> v, Map<String, PluginSettings> plugins,
                                        Map<String, JsonNode> pending, List<String> warnings) {
        String replayStart = str(v, "replay.start");
        if (!replayStart.isEmpty()) {
            try {
                Instant.parse(replayStart);
            } catch (DateTimeParseException e) {
                throw new ConfigException("replay.start", "config key [replay.start] must be an ISO-8601 instant such as "
                        + "2023-01-01T00:00:00Z, was \"" + replayStart + "\" (in " + file + ")");
            }
        }
        String network = str(v, "binance.network");
        String baseUrl = str(v, "binance.base_url");
        if (baseUrl.isEmpty()) {
            baseUrl = network.equals("testnet") ? "https://demo-fapi.binance.com" : "https://fapi.binance.com";
        }
        if (!baseUrl.matches("https?://[^\\s/]+(:\\d+)?/?")) {
            throw new ConfigException("binance.base_url", "config key [binance.base_url] must be an http(s) URL "
                    + "without a path, such as https://fapi.binance.com, was \"" + baseUrl + "\" (in " + file + ")");
        }
        Map<String, Duration> ttls = secondsUnder(v, "cache.ttl_seconds.");
        Map<String, Duration> maxStale = secondsUnder(v, "cache.max_stale_seconds.");
        return new PlatformConfig(
                file,
                str(v, "market"),
                new PlatformConfig.Http(str(v, "http.host"), Math.toIntExact(num(v, "http.port")),
                        num(v, "http.max_body_bytes"), Duration.ofSeconds(num(v, "http.operation_timeout_seconds")),
                        Duration.ofSeconds(num(v, "http.shutdown_timeout_seconds"))),
                Path.of(str(v, "data.dir")),
                str(v, "api.token"),
                Duration.ofMillis(num(v, "config.watch_interval_ms")),
                new PlatformConfig.Sim(num(v, "sim.seed"), (Double) v.get("sim.starting_balance")),
                new PlatformConfig.Binance(network, stripSlash(baseUrl), str(v, "binance.api_key"),
                        str(v, "binance.api_secret"), num(v, "binance.recv_window_ms"),
                        Math.toIntExact(num(v, "binance.weight_safety_margin_pct")), num(v, "binance.request_timeout_ms"),
                        Math.toIntExact(num(v, "binance.max_retries")), num(v, "binance.max_queue_wait_ms")),
                new PlatformConfig.Replay(Path.of(str(v, "replay.dir")), replayStart, (Double) v.get("replay.speed")),
                (Boolean) v.get("trading.live"),
                ttls,
                maxStale,
                Path.of(str(v, "plugins.dir")),
                plugins,
                pending,
                warnings);
    }

    private static Map<String, Duration> secondsUnder(Map<String, Object> values, String prefix) {
        Map<String, Duration> out = new TreeMap<>();
        values.forEach((path, value) -> {
            if (path.startsWith(prefix)) {
                out.put(path.substring(prefix.length()), Duration.ofSeconds((Long) value));
            }
        });
        return out;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String str(Map<String, Object> v, String key) {
        return ((String) v.get(key)).trim();
    }

    private static long num(Map<String, Object> v, String key) {
        return (Long) v.get(key);
    }

    /** {@code "; did you mean [x]?"} for the closest known key within a small edit distance, or empty. */
    static String closest(String key, java.util.Collection<String> known) {
        return known.stream()
                .map(k -> Map.entry(k, distance(key, k)))
                .filter(e -> e.getValue() <= Math.max(2, key.length() / 4))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(e -> "; did you mean [" + e.getKey() + "]?")
                .orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
