package io.marketintel.runtime.bus;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.runtime.errors.Errors;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.marketintel.runtime.plugins.PluginHandle;
import io.marketintel.runtime.plugins.PluginState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Registers a consumer per operation. A disabled plugin's consumers stay registered and answer
 * PLUGIN_DISABLED, like its REST routes. Plugins come and go while the platform runs: {@link #mount(PluginHandle)}
 * brings a plugin's consumers in line with its operations (a new version may add or drop some) and
 * {@link #unmount(String)} withdraws them. Consumers look the plugin up by id on every message, so they never hold
 * on to a plugin version (whose module layer could then not be unloaded) and reach a new version at once.
 */
public final class BusMount {

    private final Vertx vertx;
    private final OperationInvoker invoker;
    private final Function<String, Optional<PluginHandle>> plugins;
    /** plugin id → operation name → consumer. */
    private final Map<String, Map<String, MessageConsumer<Object>>> consumers = new ConcurrentHashMap<>();

    /** Consumers bound to the handles they were mounted with (a fixed set of plugins). */
    public BusMount(Vertx vertx, OperationInvoker invoker) {
        this(vertx, invoker, null);
    }

    /**
     * @param plugins finds the plugin currently serving an id (the plugin manager's {@code byId})
     */
    public BusMount(Vertx vertx, OperationInvoker invoker, Function<String, Optional<PluginHandle>> plugins) {
        this.vertx = vertx;
        this.invoker = invoker;
        this.plugins = plugins;
    }

    /** Mounts every operation of {@code handles} (rejected plugins are skipped). */
    public Future<Void> mount(List<PluginHandle> handles) {
        List<Future<Void>> registered = new ArrayList<>();
        for (PluginHandle h : handles) {
            registered.add(mount(h));
        }
        return Future.all(registered).mapEmpty();
    }

    /**
     * Makes the consumers of plugin {@code h.id()} match the operations of {@code h}: new operations get one,
     * operations it no longer has lose theirs. A rejected plugin gets none.
     */
    public synchronized Future<Void> mount(PluginHandle h) {
        if (h.state() == PluginState.REJECTED) {
            return Future.succeededFuture();
        }
        Map<String, MessageConsumer<Object>> mine = consumers.computeIfAbsent(h.id(), id -> new ConcurrentHashMap<>());
        List<Future<Void>> changes = new ArrayList<>();
        for (var it = mine.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!h.operations().containsKey(e.getKey())) {
                changes.add(e.getValue().unregister());
                it.remove();
            }
        }
        String id = h.id();
        PluginHandle fixed = plugins == null ? h : null;
        for (Operation op : h.operations().values()) {
            String name = op.name();
            if (mine.containsKey(name)) {
                continue;
            }
            MessageConsumer<Object> c = vertx.eventBus().consumer(BusAddresses.operation(id, name),
                    message -> handle(fixed, id, name, message));
            mine.put(name, c);
            changes.add(c.completion());
        }
        return Future.join(changes).mapEmpty();
    }

    /** Withdraws the consumers of plugin {@code id}. */
    public synchronized Future<Void> unmount(String id) {
        Map<String, MessageConsumer<Object>> mine = consumers.remove(id);
        if (mine == null) {
            return Future.succeededFuture();
        }
        List<Future<Void>> all = new ArrayList<>();
        mine.values().forEach(c -> all.add(c.unregister()));
        return Future.join(all).mapEmpty();
    }

    /** Removes every consumer. */
    public synchronized Future<Void> unmount() {
        List<Future<Void>> all = new ArrayList<>();
        consumers.values().forEach(mine -> mine.values().forEach(c -> all.add(c.unregister())));
        consumers.clear();
        return Future.join(all).mapEmpty();
    }

    private void handle(PluginHandle fixed, String id, String name, Message<Object> message) {
        Future<OperationInvoker.Reply> result;
        try {
            PluginHandle h = fixed != null ? fixed : plugins.apply(id)
                    .filter(p -> p.state() != PluginState.REJECTED)
                    .orElseThrow(() -> new IntelException(ErrorCode.NOT_FOUND, "no plugin with id [" + id + "]",
                            Map.of("plugin", id)));
            Operation op = h.operations().get(name);
            if (op == null) {
                throw new IntelException(ErrorCode.NOT_FOUND, "plugin [" + id + "] has no operation [" + name + "]",
                        Map.of("plugin", id));
            }
            Request request = parse(message.body());
            result = invoker.invoke(h, op, request.pathValue, request.params);
        } catch (IntelException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(reply -> message.reply(new JsonObject(reply.body())))
                .onFailure(failure -> {
                    IntelException e = Errors.toIntel(failure, "operation [" + id + "." + name + "]");
                    message.fail(e.code().httpStatus(), Errors.encode(e).toString());
                });
    }

    private static Request parse(Object body) {
        if (body == null) {
            return new Request(null, Map.of());
        }
        JsonNode tree;
        try {
            tree = body instanceof JsonObject json ? Json.mapper().readTree(json.encode())
                    : Json.mapper().readTree(body.toString());
        } catch (IOException e) {
            throw new IntelException(ErrorCode.MALFORMED_REQUEST, "the message body must be a JSON object "
                    + "{\"symbol\":…, \"params\":{…}}");
        }
        if (tree == null || !tree.isObject()) {
            throw new IntelException(ErrorCode.MALFORMED_REQUEST, "the message body must be a JSON object "
                    + "{\"symbol\":…, \"params\":{…}}");
        }
        JsonNode value = tree.hasNonNull("symbol") ? tree.get("symbol") : tree.get("id");
        JsonNode params = tree.get("params");
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw new IntelException(ErrorCode.MALFORMED_REQUEST, "field [params] of the message must be a JSON object");
            }
            params.fields().forEachRemaining(e -> raw.put(e.getKey(), e.getValue()));
        }
        for (var it = tree.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("symbol") && !field.equals("id") && !field.equals("params")) {
                throw new IntelException(ErrorCode.MALFORMED_REQUEST, "unknown field [" + field
                        + "] in the message; expected symbol, id and params", Map.of("field", field));
            }
        }
        return new Request(value == null || value.isNull() ? null : value.asText(), raw);
    }

    private record Request(String pathValue, Map<String, JsonNode> params) {
    }
}
