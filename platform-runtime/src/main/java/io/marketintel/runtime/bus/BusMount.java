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

/**
 * Registers a consumer per operation. A disabled plugin's consumers stay registered and answer
 * PLUGIN_DISABLED, like its REST routes.
 */
public final class BusMount {

    private final Vertx vertx;
    private final OperationInvoker invoker;
    private final List<MessageConsumer<Object>> consumers = new ArrayList<>();

    public BusMount(Vertx vertx, OperationInvoker invoker) {
        this.vertx = vertx;
        this.invoker = invoker;
    }

    /** Mounts every operation of {@code handles} (rejected plugins are skipped). */
    public Future<Void> mount(List<PluginHandle> handles) {
        List<Future<Void>> registered = new ArrayList<>();
        for (PluginHandle h : handles) {
            if (h.state() == PluginState.REJECTED) {
                continue;
            }
            for (Operation op : h.operations().values()) {
                MessageConsumer<Object> c = vertx.eventBus().consumer(BusAddresses.operation(h.id(), op.name()),
                        message -> handle(h, op, message));
                consumers.add(c);
                registered.add(c.completion());
            }
        }
        return Future.all(registered).mapEmpty();
    }

    /** Removes every consumer. */
    public Future<Void> unmount() {
        List<Future<Void>> all = new ArrayList<>();
        consumers.forEach(c -> all.add(c.unregister()));
        consumers.clear();
        return Future.join(all).mapEmpty();
    }

    private void handle(PluginHandle h, Operation op, Message<Object> message) {
        Future<OperationInvoker.Reply> result;
        try {
            Request request = parse(message.body());
            result = invoker.invoke(h, op, request.pathValue, request.params);
        } catch (IntelException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(reply -> message.reply(new JsonObject(reply.body())))
                .onFailure(failure -> {
                    IntelException e = Errors.toIntel(failure, "operation [" + h.id() + "." + op.name() + "]");
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
