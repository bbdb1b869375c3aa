package io.marketintel.runtime.http.console;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.runtime.bus.BusAddresses;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.plugins.PluginHandle;
import io.marketintel.runtime.plugins.PluginManager;
import io.marketintel.runtime.plugins.PluginState;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live plugin events for browsers as server-sent events: {@code GET /api/events[?plugin=<id>[,<id>…]]}.
 *
 * <p>Each plugin publishes its events on {@code intel.events.<plugin-id>} (envelope
 * {@code {"type","plugin","time","data"}}); every message published there while the stream is open is sent
 * as one SSE {@code message} whose data is the envelope's JSON. The stream starts with a {@code hello} event
 * listing the addresses it follows, a {@code plugins} event ({@code {"id","change","version"}}) whenever a plugin is
 * installed, replaced or removed while it is open (a stream of every plugin then follows the new one too), sends a
 * comment every {@value #HEARTBEAT_MS} ms so idle connections stay
 * open, and a {@code gap} event with the count when events had to be dropped for a client that reads too
 * slowly (nothing is buffered without bound).
 *
 * <p><b>Security — why server-sent events and not a SockJS event-bus bridge.</b> This bridge is one-way by
 * construction: the only addresses it ever subscribes to are {@link BusAddresses#events(String)} of plugins
 * the platform knows ({@code intel.events.*}; the browser picks plugin ids, never addresses), and nothing the
 * browser sends reaches the event bus — an SSE request has no inbound channel at all. A browser therefore can
 * never call an operation over it, mutating or not, nor read operation replies or other addresses; operations
 * stay behind REST, where mutating ones need the API token. A SockJS bridge would need inbound permissions
 * denied and outbound ones filtered to get the same guarantee, plus a client library; here the browser's
 * built-in {@code EventSource} does it all, reconnecting by itself.
 *
 * <p>At most {@value #MAX_STREAMS} streams are open at once (503 beyond). When the server shuts down, open
 * streams are ended so a graceful stop does not wait for them.
 */
public final class EventStream {

    /** Most streams open at once. */
    public static final int MAX_STREAMS = 64;
    /** Interval of the keep-alive comment. */
    public static final long HEARTBEAT_MS = 15_000;
    /** Reconnection delay the browser is told to use. */
    static final long RETRY_MS = 2_000;

    private final Vertx vertx;
    private final PluginManager plugins;
    private final AtomicInteger open = new AtomicInteger();

    EventStream(Vertx vertx, PluginManager plugins) {
        this.vertx = vertx;
        this.plugins = plugins;
    }

    void mount(Router router) {
        router.get("/api/events").handler(this::stream);
    }

    int open() {
        return open.get();
    }

    private void stream(RoutingContext ctx) {
        Set<String> asked = askedPluginIds(ctx);
        boolean all = asked.isEmpty();
        Set<String> ids = all ? servingPluginIds() : asked;
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            throw new IntelException(ErrorCode.SERVICE_UNAVAILABLE, "too many event streams open (at most "
                    + MAX_STREAMS + "); close a console tab and retry", Map.of("max_streams", MAX_STREAMS));
        }
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                // Compressed, events would wait in the compressor's buffer instead of reaching the browser.
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
                .putHeader("X-Accel-Buffering", "no");
        Subscriber subscriber = new Subscriber(response);
        List<String> addresses = new ArrayList<>();
        Map<String, MessageConsumer<Object>> consumers = new HashMap<>();
        for (String id : ids) {
            String address = BusAddresses.events(id);
            addresses.add(address);
            consumers.put(id, vertx.eventBus().consumer(address, message -> subscriber.event(message.body())));
        }
        // Plugins installed or removed while the stream is open (drop-in jars): told to the browser as a "plugins"
        // event; a stream following every plugin also follows the new one's events.
        MessageConsumer<JsonObject> changes = vertx.eventBus().consumer(BusAddresses.PLUGINS_CHANGED, message -> {
            JsonObject change = message.body();
            String id = change.getString("id");
            if (all && "installed".equals(change.getString("change")) && !consumers.containsKey(id)) {
                consumers.put(id, vertx.eventBus().consumer(BusAddresses.events(id),
                        m -> subscriber.event(m.body())));
            }
            subscriber.write("event: plugins\ndata: " + change.encode() + "\n\n");
        });
        long heartbeat = vertx.setPeriodic(HEARTBEAT_MS, t -> subscriber.write(": keep-alive\n\n"));
        boolean[] closed = {false};
        Runnable cleanup = () -> {
            if (!closed[0]) {
                closed[0] = true;
                vertx.cancelTimer(heartbeat);
                changes.unregister();
                consumers.values().forEach(MessageConsumer::unregister);
                open.decrementAndGet();
            }
        };
        response.closeHandler(v -> cleanup.run());
        response.endHandler(v -> cleanup.run());
        // A graceful stop waits for requests in flight; this one never finishes by itself.
        ctx.request().connection().shutdownHandler(v -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        });
        subscriber.write("retry: " + RETRY_MS + "\nevent: hello\ndata: "
                + Json.encode(Map.of("plugins", List.copyOf(ids), "addresses", addresses)) + "\n\n");
    }

    /** The plugins asked for ({@code plugin=a,b} or repeated); empty when none are named (then: all of them). */
    private Set<String> askedPluginIds(RoutingContext ctx) {
        for (String name : ctx.queryParams().names()) {
            if (!name.equals("plugin")) {
                throw IntelException.invalidParameter(name, "parameter [" + name + "] is not known; known: plugin");
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String value : ctx.queryParam("plugin")) {
            for (String id : value.split(",")) {
                String trimmed = id.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (plugins.byId(trimmed).isEmpty()) {
                    throw IntelException.invalidParameter("plugin", "parameter [plugin]: no plugin with id ["
                            + trimmed + "]; known: " + String.join(", ", plugins.all().stream().map(PluginHandle::id).toList()));
                }
                ids.add(trimmed);
            }
        }
        return ids;
    }

    /** Every installed plugin that is not rejected. */
    private Set<String> servingPluginIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (PluginHandle h : plugins.all()) {
            if (h.state() != PluginState.REJECTED) {
                ids.add(h.id());
            }
        }
        return ids;
    }

    /** One browser's stream: writes events, drops (and later reports) what a slow reader cannot take. */
    private static final class Subscriber {
        private final HttpServerResponse response;
        private long sequence;
        private long dropped;

        Subscriber(HttpServerResponse response) {
            this.response = response;
        }

        void event(Object body) {
            if (response.ended() || response.closed()) {
                return;
            }
            if (response.writeQueueFull()) {
                dropped++;
                return;
            }
            StringBuilder out = new StringBuilder();
            if (dropped > 0) {
                out.append("event: gap\ndata: {\"dropped\":").append(dropped).append("}\n\n");
                dropped = 0;
            }
            // JSON has no raw line breaks, so one data line carries the whole envelope.
            String json = body instanceof JsonObject o ? o.encode()
                    : Json.encode(Map.of("type", "raw", "data", String.valueOf(body))).toString();
            out.append("id: ").append(++sequence).append("\ndata: ").append(json).append("\n\n");
            write(out.toString());
        }

        void write(String text) {
            if (!response.ended() && !response.closed()) {
                response.write(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
