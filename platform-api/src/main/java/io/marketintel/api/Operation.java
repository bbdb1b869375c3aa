package io.marketintel.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named operation of a plugin, served on REST, the event bus and the console.
 *
 * <p>REST route: {@code <method> /api/intelligence/<route-prefix>/<path>[/{symbol|id}]}; bus address:
 * {@code intel.<plugin-id>.<name>}. Build with {@link #get(String)}, {@link #post(String)} or
 * {@link #delete(String)}:
 * <pre>{@code
 * Operation.get("levels").pathParam(PathParam.SYMBOL)
 *         .param(ParamSpec.integer("num_levels", 5).range(1, 50))
 *         .describe("nearest support and resistance")
 *         .handler(this::levels)
 * }</pre>
 *
 * @param name        unique within the plugin, kebab case; the bus address suffix
 * @param method      HTTP method
 * @param path        REST path segment, kebab case (defaults to the name); the empty string mounts the
 *                    operation at the prefix itself: {@code /api/intelligence/<prefix>[/{symbol|id}]}
 * @param pathParam   what the optional trailing path segment carries
 * @param params      declared parameters (query string for GET/DELETE, JSON body or query for POST/PUT)
 * @param mutating    whether the operation changes the world; mutating operations require the API token
 * @param description one line for the console and {@code GET /api/plugins}
 * @param handler     the code
 */
public record Operation(
        String name,
        Method method,
        String path,
        PathParam pathParam,
        List<ParamSpec> params,
        boolean mutating,
        String description,
        OperationHandler handler) {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Names that cannot be parameters because the path or the bus envelope uses them. */
    public static final Set<String> RESERVED_PARAMS = Set.of("symbol", "id", "params");

    public Operation {
        Objects.requireNonNull(name, "property [name] is missing for an operation");
        if (!KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("operation name [" + name + "] must be kebab case");
        }
        Objects.requireNonNull(method, () -> "property [method] is missing for operation [" + name + "]");
        path = path == null ? name : path;
        if (!path.isEmpty() && !KEBAB.matcher(path).matches()) {
            throw new IllegalArgumentException("path [" + path + "] of operation [" + name + "] must be kebab case");
        }
        pathParam = pathParam == null ? PathParam.NONE : pathParam;
        params = params == null ? List.of() : List.copyOf(params);
        description = description == null ? "" : description;
        Objects.requireNonNull(handler, () -> "property [handler] is missing for operation [" + name + "]");
        Set<String> seen = new HashSet<>();
        for (ParamSpec p : params) {
            if (RESERVED_PARAMS.contains(p.name()) && pathParam != PathParam.NONE) {
                throw new IllegalArgumentException("parameter [" + p.name() + "] of operation [" + name
                        + "] clashes with its path parameter");
            }
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("parameter [" + p.name() + "] of operation [" + name
                        + "] is declared twice");
            }
        }
    }

    /** A GET operation (read-only). */
    public static Builder get(String name) {
        return new Builder(name, Method.GET);
    }

    /** A POST operation. */
    public static Builder post(String name) {
        return new Builder(name, Method.POST);
    }

    /** A DELETE operation (mutating). */
    public static Builder delete(String name) {
        return new Builder(name, Method.DELETE).mutating();
    }

    /** Step-wise construction of an {@link Operation}. */
    public static final class Builder {
        private final String name;
        private final Method method;
        private String path;
        private PathParam pathParam = PathParam.NONE;
        private final List<ParamSpec> params = new ArrayList<>();
        private boolean mutating;
        private String description = "";

        private Builder(String name, Method method) {
            this.name = name;
            this.method = method;
        }

        /** The REST path segment when it differs from the name. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The trailing path segment ({@code {symbol}} or {@code {id}}). */
        public Builder pathParam(PathParam pathParam) {
            this.pathParam = pathParam;
            return this;
        }

        /** Shorthand for {@code pathParam(PathParam.SYMBOL)}. */
        public Builder withSymbol() {
            return pathParam(PathParam.SYMBOL);
        }

        /** Declares a parameter. */
        public Builder param(ParamSpec spec) {
            params.add(spec);
            return this;
        }

        /** Marks the operation as changing the world (token required). */
        public Builder mutating() {
            this.mutating = true;
            return this;
        }

        /** One-line description. */
        public Builder describe(String text) {
            this.description = text;
            return this;
        }

        /** Completes the operation. */
        public Operation handler(OperationHandler handler) {
            return new Operation(name, method, path, pathParam, params, mutating, description, handler);
        }
    }
}
