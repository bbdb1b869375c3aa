package io.marketintel.plugin.meta.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@code complete-analysis} ({@code plugins.complete-analysis.*}), read on every call.
 *
 * @param deadlines how long each section may take (its bus request's deadline)
 * @param cacheTtl  how long a complete analysis is served from the cache; zero: never cached
 */
record CompleteSettings(Map<Section, Duration> deadlines, Duration cacheTtl) {

    static final String CACHE_TTL_SECONDS = "cache_ttl_seconds";
    static final long DEFAULT_DEADLINE_MS = 5_000;
    static final long MIN_DEADLINE_MS = 50;
    static final long MAX_DEADLINE_MS = 120_000;

    /** The configuration keys as the descriptor declares them. */
    static final List<ParamSpec> SPECS = specs();

    CompleteSettings {
        deadlines = Map.copyOf(deadlines);
        for (Section s : Section.values()) {
            if (!deadlines.containsKey(s)) {
                throw new IllegalArgumentException("property [deadlines] lacks section [" + s.key() + "]");
            }
        }
    }

    private static List<ParamSpec> specs() {
        List<ParamSpec> specs = new ArrayList<>();
        for (Section s : Section.values()) {
            specs.add(ParamSpec.integer(s.deadlineKey(), DEFAULT_DEADLINE_MS).range(MIN_DEADLINE_MS, MAX_DEADLINE_MS)
                    .describe("ms the " + s.pluginId() + " " + s.operation() + " call may take; later, the section"
                            + " is null with a TIMEOUT entry in errors"));
        }
        specs.add(ParamSpec.integer(CACHE_TTL_SECONDS, 5).range(0, 3600)
                .describe("seconds a complete analysis is served from the cache (0: never); each section is also"
                        + " cached by its own plugin"));
        return List.copyOf(specs);
    }

    /** The deadline of {@code s}. */
    Duration deadline(Section s) {
        return deadlines.get(s);
    }

    /** The defaults of {@link #SPECS} as the runtime would deliver them. */
    static Params defaultParams() {
        Map<String, Object> values = new LinkedHashMap<>();
        SPECS.forEach(spec -> values.put(spec.name(), spec.defaultValue()));
        return Params.of(values);
    }

    /**
     * Reads the configuration.
     *
     * @throws IntelException INTERNAL_ERROR naming the key when a value is unusable (the runtime checks ranges)
     */
    static CompleteSettings from(Params config) {
        Map<Section, Duration> deadlines = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            long ms = config.longValue(s.deadlineKey());
            if (ms < MIN_DEADLINE_MS || ms > MAX_DEADLINE_MS) {
                throw new IntelException(ErrorCode.INTERNAL_ERROR, "configuration key [plugins."
                        + CompleteAnalysisPlugin.ID + "." + s.deadlineKey() + "] must be within [" + MIN_DEADLINE_MS
                        + ", " + MAX_DEADLINE_MS + "], was " + ms, Map.of("plugin", CompleteAnalysisPlugin.ID,
                        "keys", List.of(s.deadlineKey())));
            }
            deadlines.put(s, Duration.ofMillis(ms));
        }
        return new CompleteSettings(deadlines, Duration.ofSeconds(config.longValue(CACHE_TTL_SECONDS)));
    }

    /** The settings a result depends on, for cache keys. */
    String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (Section s : Section.values()) {
            b.append(deadlines.get(s).toMillis()).append(',');
        }
        return b.toString();
    }
}
