package io.marketintel.runtime.config;

import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the config loader knows of an installed plugin's section.
 *
 * @param keys  declared keys
 * @param check cross-key rules ({@link io.marketintel.api.Plugin#checkConfig(Params)}); throws
 *              {@link IllegalArgumentException} naming the keys
 */
public record PluginSchema(List<ParamSpec> keys, Consumer<Params> check) {

    public PluginSchema {
        keys = List.copyOf(keys);
        check = check == null ? p -> { } : check;
    }

    /** Keys without cross-key rules. */
    public static PluginSchema of(List<ParamSpec> keys) {
        return new PluginSchema(keys, null);
    }
}
