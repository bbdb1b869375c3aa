package io.marketintel.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Method;
import io.marketintel.api.Operation;
import io.marketintel.api.PathParam;
import io.marketintel.runtime.errors.Errors;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.marketintel.runtime.plugins.PluginHandle;
import io.marketintel.runtime.plugins.PluginManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The REST API. Every plugin operation is served by one generic dispatcher, so plugins enabled,
 * disabled or added later need no re-mounting. Every failure on every route goes through
 * {@link #failure(RoutingContext)}.
 */
public final class HttpApi {

    /** Where the console's static files live inside the web-console module. */
    public static final String CONSOLE_ROOT = "META-INF/resources/console";
    private static final String INTELLIGENCE = "/api/intelligence/";
    private static final String JSON = "application/json";

    private final Vertx vertx;
    private final PluginManager plugins;
    private final OperationInvoker invoker;
    private final ApiToken token;
    private final long maxBodyBytes;
    private final Supplier<Future<HealthReport>> health;
    private final List<Consumer<Router>> extraRoutes = new ArrayList<>();

    /**
     * @param vertx        Vert.x
     * @param plugins      plugin manager
     * @param invoker      operation invoker shared with the bus
     * @param token        API token for mutating requests
     * @param maxBodyBytes largest request body
     * @param health       health report source
     */
    public HttpApi(Vertx vertx, PluginManager plugins, OperationInvoker invoker, ApiToken token, long maxBodyBytes,
                   Supplier<Future<HealthReport>> health) {
        this.vertx = vertx;
        this.plugins = plugins;
        this.invoker = invoker;
        this.token = token;
        this.maxBodyBytes = maxBodyBytes;
        this.health = health;
    }

    /**
     * Adds routes that {@link #router()} mounts after the API's own and before the console's static files
     * (the console's market routes and event stream); their failures go through the one error handler.
     */
    public HttpApi with(Consumer<Router> routes) {
        extraRoutes.add(routes);
        return this;
    }

    /** Builds the router. */
    public Router router() {
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.get("/api/health").handler(this::health);
        router.get("/api/plugins").handler(ctx -> ok(ctx, plugins.all().stream().map(PluginView::of).toList()));
        router.get("/api/plugins/:id").handler(ctx -> ok(ctx, PluginView.of(plugin(ctx.pathParam("id")))));
        router.post("/api/plugins/:id/enable").handler(ctx -> toggle(ctx, true));
        router.post("/api/plugins/:id/disable").handler(ctx -> toggle(ctx, false));
        router.route("/api/intelligence/*").handler(this::dispatch);
        extraRoutes.forEach(routes -> routes.accept(router));
        if (consolePresent()) {
            router.get("/*").handler(StaticHandler.create(CONSOLE_ROOT).setCachingEnabled(false)
                    .setDirectoryListing(false).setIndexPage("index.html"));
        }
        router.route().failureHandler(this::failure);
        for (int status : new int[] {400, 404, 405, 413, 500}) {
            router.errorHandler(status, this::failure);
        }
        return router;
    }

    private static boolean consolePresent() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return (loader != null ? loader : HttpApi.class.getClassLoader()).getResource(CONSOLE_ROOT + "/index.html") != null;
    }

    private void health(RoutingContext ctx) {
        health.get().onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            HealthReport report = ar.result();
            send(ctx, "DOWN".equals(report.status()) ? 503 : 200, OperationInvoker.envelope(report));
        });
    }

    private PluginHandle plugin(String id) {
        return plugins.byId(id).orElseThrow(() -> new IntelException(ErrorCode.NOT_FOUND,
                "no plugin with id [" + id + "]", Map.of("plugin", id)));
    }

    private void toggle(RoutingContext ctx, boolean enable) {
        token.check(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        plugin(ctx.pathParam("id"));
        plugins.setEnabled(ctx.pathParam("id"), enable)
                .onSuccess(h -> ok(ctx, PluginView.of(h)))
                .onFailure(ctx::fail);
    }

    private void dispatch(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(Math.min(path.length(), INTELLIGENCE.length())).split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        if (segments.isEmpty() || segments.size() > 3) {
            throw notFound(ctx, "routes look like /api/intelligence/<plugin>/<operation>[/{symbol}]");
        }
        PluginHandle handle = plugins.byRoutePrefix(segments.get(0))
                .orElseThrow(() -> notFound(ctx, "no plugin serves the prefix [" + segments.get(0) + "]"));
        // "/<prefix>/<path>[/{value}]", or for operations mounted at the prefix itself "/<prefix>[/{value}]".
        List<Operation> candidates = matching(handle, segments.size() > 1 ? segments.get(1) : "", segments.size() == 3);
        String value = segments.size() == 3 ? segments.get(2) : null;
        boolean namedPath = segments.size() > 1
                && handle.operations().values().stream().anyMatch(op -> op.path().equals(segments.get(1)));
        if (candidates.isEmpty() && segments.size() <= 2 && !namedPath) {
            candidates = matching(handle, "", segments.size() == 2);
            value = segments.size() == 2 ? segments.get(1) : null;
        }
        if (candidates.isEmpty()) {
            throw notFound(ctx, "plugin [" + handle.id() + "] has no such route; it serves " + routesOf(handle));
        }
        String pathValue = value;
        Operation op = candidates.stream().filter(o -> o.method().name().equals(ctx.request().method().name()))
                .findFirst().orElse(null);
        if (op == null) {
            Set<String> allowed = new LinkedHashSet<>();
            candidates.forEach(o -> allowed.add(o.method().name()));
            ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
            throw new IntelException(ErrorCode.METHOD_NOT_ALLOWED, "method " + ctx.request().method().name()
                    + " is not allowed on " + path + "; use " + String.join(" or ", allowed),
                    Map.of("allowed", List.copyOf(allowed)));
        }
        if (op.mutating()) {
            token.check(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        }
        Map<String, JsonNode> raw = rawParams(ctx, op);
        invoker.invoke(handle, op, pathValue, raw)
                .onSuccess(reply -> send(ctx, reply.status(), reply.body()))
                .onFailure(ctx::fail);
    }

    private static List<Operation> matching(PluginHandle handle, String path, boolean withValue) {
        return handle.operations().values().stream()
                .filter(op -> op.path().equals(path))
                .filter(op -> (op.pathParam() != PathParam.NONE) == withValue)
                .toList();
    }

    private static String routesOf(PluginHandle h) {
        List<String> routes = new ArrayList<>();
        for (Operation op : h.operations().values()) {
            routes.add(op.method() + " " + PluginView.OperationView.path(h.descriptor().routePrefix(), op));
        }
        return String.join(", ", routes);
    }

    private static IntelException notFound(RoutingContext ctx, String why) {
        return new IntelException(ErrorCode.NOT_FOUND, "no route " + ctx.request().method().name() + " "
                + ctx.normalizedPath() + ": " + why, Map.of("path", ctx.normalizedPath()));
    }

    private static Map<String, JsonNode> rawParams(RoutingContext ctx, Operation op) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        for (String name : ctx.queryParams().names()) {
            List<String> values = ctx.queryParams().getAll(name);
            if (values.size() == 1) {
                raw.put(name, TextNode.valueOf(values.get(0)));
            } else {
                ArrayNode array = Json.mapper().createArrayNode();
                values.forEach(array::add);
                raw.put(name, array);
            }
        }
        boolean bodyMethod = op.method() == Method.POST || op.method() == Method.PUT;
        Buffer body = ctx.body().buffer();
        if (bodyMethod && body != null && body.length() > 0 && !isBlank(body)) {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
                throw new IntelException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "the request body must be JSON (Content-Type: application/json), was " + (type == null
                                ? "no Content-Type" : type), Map.of("content_type", type == null ? "" : type));
            }
            JsonNode tree;
            try {
                tree = Json.mapper().readTree(body.getBytes());
            } catch (IOException e) {
                throw new IntelException(ErrorCode.MALFORMED_REQUEST, "the request body is not valid JSON: "
                        + firstLine(e.getMessage()));
            }
            if (tree == null || !tree.isObject()) {
                throw new IntelException(ErrorCode.MALFORMED_REQUEST, "the request body must be a JSON object");
            }
            tree.fields().forEachRemaining(e -> raw.put(e.getKey(), e.getValue()));
        }
        return raw;
    }

    private static boolean isBlank(Buffer body) {
        for (int i = 0; i < body.length(); i++) {
            if (!Character.isWhitespace(body.getByte(i))) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void ok(RoutingContext ctx, Object value) {
        send(ctx, 200, OperationInvoker.envelope(value));
    }

    private static void send(RoutingContext ctx, int status, Buffer body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
    }

    /** The one error handler: every failure on every route becomes the error JSON. */
    private void failure(RoutingContext ctx) {
        IntelException e = ctx.failure() != null
                ? Errors.toIntel(ctx.failure(), "request [" + ctx.request().method() + " " + ctx.normalizedPath() + "]")
                : byStatus(ctx);
        if (e.code() == ErrorCode.METHOD_NOT_ALLOWED && ctx.response().headers().get(HttpHeaders.ALLOW) == null
                && ctx.failure() == null) {
            ctx.response().putHeader(HttpHeaders.ALLOW, allowedFor(ctx));
        }
        send(ctx, e.code().httpStatus(), Errors.encode(e));
    }

    private IntelException byStatus(RoutingContext ctx) {
        String route = ctx.request().method().name() + " " + ctx.normalizedPath();
        return switch (ctx.statusCode()) {
            case 400 -> new IntelException(ErrorCode.MALFORMED_REQUEST, "the request is malformed");
            case 404 -> new IntelException(ErrorCode.NOT_FOUND, "no route " + route, Map.of("path", ctx.normalizedPath()));
            case 405 -> new IntelException(ErrorCode.METHOD_NOT_ALLOWED, "method " + ctx.request().method().name()
                    + " is not allowed on " + ctx.normalizedPath(), Map.of("path", ctx.normalizedPath()));
            case 413 -> new IntelException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds " + maxBodyBytes
                    + " bytes (http.max_body_bytes)", Map.of("max_body_bytes", maxBodyBytes));
            default -> Errors.toIntel(new IllegalStateException("HTTP " + ctx.statusCode() + " without a cause"),
                    "request [" + route + "]");
        };
    }

    private static String allowedFor(RoutingContext ctx) {
        String p = ctx.normalizedPath();
        if (p.matches("/api/plugins/[^/]+/(enable|disable)")) {
            return HttpMethod.POST.name();
        }
        return HttpMethod.GET.name();
    }
}
