package io.marketintel.runtime.http;

import io.marketintel.api.Method;
import io.marketintel.api.Operation;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.ParamType;
import io.marketintel.api.PathParam;
import io.marketintel.api.PluginKind;
import io.marketintel.runtime.bus.BusAddresses;
import io.marketintel.runtime.plugins.PluginHandle;
import io.marketintel.runtime.plugins.PluginSource;
import io.marketintel.runtime.plugins.PluginState;
import java.util.List;
import java.util.Map;

/**
 * A plugin as {@code GET /api/plugins} shows it: identity, state, health, its operations with REST path,
 * bus address and parameters, and its configuration keys with current values.
 *
 * @param id          plugin id
 * @param name        human name
 * @param version     plugin version
 * @param apiVersion  API version it was built for
 * @param kind        ANALYZER or EXECUTOR
 * @param module      JPMS module
 * @param source      where it came from: built in (module path) or a drop-in jar (file name, content hash)
 * @param description description
 * @param state       ENABLED, DISABLED, FAILED or REJECTED
 * @param enabled     whether it serves now
 * @param enabledBy   who decided the current enabled/disabled wish: {@code config} or {@code api}
 * @param reason      why it is disabled, failed or rejected
 * @param health      invocation health
 * @param operations  operations
 * @param config      configuration keys
 * @param configValues current configuration values
 */
public record PluginView(
        String id,
        String name,
        String version,
        String apiVersion,
        PluginKind kind,
        String module,
        PluginSource source,
        String description,
        PluginState state,
        boolean enabled,
        String enabledBy,
        String reason,
        PluginHandle.Health health,
        List<OperationView> operations,
        List<ParamView> config,
        Map<String, Object> configValues) {

    /** The view of {@code h}. */
    public static PluginView of(PluginHandle h) {
        var d = h.descriptor();
        String prefix = d == null ? null : d.routePrefix();
        return new PluginView(
                h.id(),
                d == null ? h.id() : d.name(),
                d == null ? null : d.version(),
                d == null ? null : d.apiVersion(),
                h.kind(),
                h.module(),
                h.source(),
                d == null ? "" : d.description(),
                h.state(),
                h.state() == PluginState.ENABLED,
                h.wantedBy(),
                h.reason(),
                h.health(),
                h.operations().values().stream().map(op -> OperationView.of(h.id(), prefix, op)).toList(),
                d == null ? List.of() : d.config().stream().map(ParamView::of).toList(),
                h.config().asMap());
    }

    /**
     * An operation.
     *
     * @param name        operation name
     * @param method      HTTP method
     * @param path        REST path template
     * @param busAddress  event-bus address
     * @param pathParam   what the trailing path segment carries
     * @param mutating    whether the API token is required
     * @param description description
     * @param parameters  declared parameters
     */
    public record OperationView(String name, Method method, String path, String busAddress, PathParam pathParam,
                                boolean mutating, String description, List<ParamView> parameters) {
        static OperationView of(String pluginId, String prefix, Operation op) {
            return new OperationView(op.name(), op.method(), path(prefix, op), BusAddresses.operation(pluginId, op.name()),
                    op.pathParam(), op.mutating(), op.description(), op.params().stream().map(ParamView::of).toList());
        }

        /** The REST path template of {@code op}: {@code /api/intelligence/<prefix>[/<path>][/{symbol|id}]}. */
        static String path(String prefix, Operation op) {
            return "/api/intelligence/" + prefix + (op.path().isEmpty() ? "" : "/" + op.path()) + switch (op.pathParam()) {
                case NONE -> "";
                case SYMBOL -> "/{symbol}";
                case ID -> "/{id}";
            };
        }
    }

    /**
     * A declared parameter or config key.
     *
     * @param name         name
     * @param type         type
     * @param required     required
     * @param defaultValue default, or null
     * @param min          lower bound, or null
     * @param max          upper bound, or null
     * @param allowed      allowed values of an enum
     * @param description  description
     */
    public record ParamView(String name, ParamType type, boolean required, Object defaultValue, Double min, Double max,
                            List<String> allowed, String description) {
        static ParamView of(ParamSpec p) {
            return new ParamView(p.name(), p.type(), p.required(), p.defaultValue(), p.min(), p.max(), p.allowed(),
                    p.description());
        }
    }
}
