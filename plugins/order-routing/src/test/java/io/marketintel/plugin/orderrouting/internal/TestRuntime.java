package io.marketintel.plugin.orderrouting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Migration;
import io.marketintel.api.Operation;
import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.marketintel.runtime.plugins.PlatformServices;
import io.marketintel.runtime.plugins.PluginDiscovery;
import io.marketintel.runtime.plugins.PluginHandle;
import io.marketintel.runtime.plugins.PluginManager;
import io.marketintel.runtime.plugins.PluginState;
import io.marketintel.runtime.store.Database;
import io.marketintel.runtime.store.OrderJournalStore;
import io.marketintel.runtime.store.PlatformSchema;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The runtime's own machinery around one plugin instance, without HTTP: the {@link PluginManager} starts it with a real
 * plugin context, so {@code ctx.exchange()} is the runtime's journaling exchange over the given exchange, the order
 * journal and the plugin's tables live in a real H2 {@link Database}, and operations run through the runtime's
 * {@link OperationInvoker} (parameter validation, 202 for accepted jobs, error codes). Time is a {@link TestClock};
 * the plugin gets a {@link ManualScheduler}. Several plugin instances can be started one after the other on the same
 * database and exchange (a crash and a restart).
 */
final class TestRuntime implements PlatformServices, AutoCloseable {

    static {
        TestJson.ready();
    }

    /** An operation's answer: HTTP status and the JSON body ({@code {"data":…}} or {@code {"error":…}}). */
    record Reply(int status, JsonNode body) {

        JsonNode data() {
            return body.get("data");
        }

        String errorMessage() {
            return body.get("error").get("message").asText();
        }

        String errorCode() {
            return body.get("error").get("code").asText();
        }
    }

    /** One started plugin instance. */
    final class Instance {
        final OrderRoutingPlugin plugin;
        final ManualScheduler scheduler;
        final PluginManager manager;
        final PluginHandle handle;

        Instance(OrderRoutingPlugin plugin, ManualScheduler scheduler, PluginManager manager, PluginHandle handle) {
            this.plugin = plugin;
            this.scheduler = scheduler;
            this.manager = manager;
            this.handle = handle;
        }

        Reply call(String operation, String pathValue, Map<String, ?> params) {
            Operation op = handle.operations().get(operation);
            Map<String, JsonNode> raw = new LinkedHashMap<>();
            params.forEach((k, v) -> raw.put(k, Json.mapper().valueToTree(v)));
            Future<OperationInvoker.Reply> reply = new OperationInvoker(market, clock, Duration.ofSeconds(30))
                    .invoke(handle, op, pathValue, raw);
            try {
                OperationInvoker.Reply r = reply.await(30, TimeUnit.SECONDS);
                return new Reply(r.status(), Json.mapper().readTree(r.body().getBytes()));
            } catch (Exception e) {
                Throwable cause = reply.failed() ? reply.cause() : e;
                if (cause instanceof IntelException ie) {
                    return new Reply(ie.code().httpStatus(), Json.mapper().valueToTree(Map.of("error", Map.of(
                            "code", ie.code().name(), "message", ie.getMessage(), "details", ie.details()))));
                }
                throw new AssertionError("operation " + operation + " failed: " + cause, cause);
            }
        }

        /** POST execute with these body fields. */
        Reply execute(Map<String, ?> body) {
            return call("execute", null, body);
        }

        Reply get(String id) {
            return call("execution", id, Map.of());
        }

        Reply cancel(String id) {
            return call("cancel-execution", id, Map.of());
        }

        /** Waits until no step of any running execution is queued or in flight. */
        void settle() {
            for (int round = 0; round < 1000; round++) {
                ExecutionEngine engine = plugin.engine();
                if (engine == null) {
                    return;
                }
                List<Future<Void>> steps = new ArrayList<>();
                boolean quiet = true;
                for (String id : engine.runningIds()) {
                    Future<Void> f = engine.settled(id);
                    quiet &= f.isComplete();
                    steps.add(f);
                }
                await(Future.join(steps));
                if (quiet) {
                    return;
                }
            }
            throw new AssertionError("executions never settled");
        }

        /** Moves the clock forward by {@code d}, running every scheduled step that falls due, in order. */
        void advance(Duration d) {
            long target = clock.millis() + d.toMillis();
            settle();
            while (scheduler.runNext(target)) {
                settle();
            }
            clock.set(Math.max(clock.millis(), target));
            settle();
        }

        /** Moves the clock to {@code millis} (see {@link #advance}). */
        void advanceTo(long millis) {
            advance(Duration.ofMillis(Math.max(0, millis - clock.millis())));
        }
    }

    final Vertx vertx;
    final TestClock clock;
    final Database database;
    final OrderJournalStore orderJournal;
    volatile MarketData market;
    volatile Exchange exchange;
    volatile boolean live;
    private volatile HeldWrites held;
    final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final MessageConsumer<JsonObject> consumer;

    private TestRuntime(Vertx vertx, TestClock clock, Database database, MarketData market, Exchange exchange) {
        this.vertx = vertx;
        this.clock = clock;
        this.database = database;
        this.orderJournal = new OrderJournalStore(database.storageFor(PlatformSchema.OWNER));
        this.market = market;
        this.exchange = exchange;
        this.consumer = vertx.eventBus().consumer("intel.events." + OrderRoutingPlugin.ID, m -> {
            synchronized (events) {
                events.add(m.body());
                events.notifyAll();
            }
        });
        await(consumer.completion());
    }

    static TestRuntime open(Path dataDir, TestClock clock, MarketData market, Exchange exchange) {
        Vertx vertx = Vertx.vertx();
        Database db = await(Database.open(vertx, dataDir));
        return new TestRuntime(vertx, clock, db, market, exchange);
    }

    /** Starts a new plugin instance (with its own manual scheduler) under {@code yaml} configuration. */
    Instance start(String yaml) {
        ManualScheduler scheduler = new ManualScheduler(clock);
        OrderRoutingPlugin plugin = new OrderRoutingPlugin(ctx -> scheduler);
        PluginManager manager = new PluginManager(PluginDiscovery.of(List.of(plugin)), this);
        await(manager.apply(new ConfigLoader(manager.configSchemas(), Map.of()).parse(Path.of("test.yaml"), yaml)));
        PluginHandle handle = manager.byId(OrderRoutingPlugin.ID).orElseThrow();
        if (handle.state() != PluginState.ENABLED) {
            throw new AssertionError("plugin did not start: " + handle.state() + " " + handle.reason());
        }
        return new Instance(plugin, scheduler, manager, handle);
    }

    /** The runtime's journal entries of the plugin whose client id starts with {@code prefix}. */
    List<JournalEntry> journal(String prefix) {
        return await(orderJournal.byPrefix(OrderRoutingPlugin.ID, prefix));
    }

    /** Progress events published so far for one execution, in order. */
    List<JsonObject> progress(String executionId) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject e : events) {
            JsonObject data = e.getJsonObject("data");
            if ("progress".equals(e.getString("type")) && data != null
                    && executionId.equals(data.getString("execution_id"))) {
                out.add(data);
            }
        }
        return out;
    }

    /**
     * Waits (at most 10 s) until a progress event of {@code executionId} with {@code status} has arrived: bus delivery
     * is asynchronous. Answers the events of the execution up to then.
     */
    List<JsonObject> awaitProgress(String executionId, String status) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (events) {
            while (true) {
                List<JsonObject> mine = progress(executionId);
                if (mine.stream().anyMatch(e -> status.equals(e.getString("status")))) {
                    return mine;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no " + status + " progress event of " + executionId + "; got " + mine);
                }
                try {
                    events.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * Holds back the plugin's writes ({@link Storage#inTransaction}) from now on until {@link HeldWrites#release()}:
     * they neither run nor complete, as on a busy database. Reads pass.
     */
    HeldWrites holdWrites() {
        HeldWrites h = new HeldWrites();
        held = h;
        return h;
    }

    /** Writes held back by {@link #holdWrites()}. */
    final class HeldWrites {
        private final Promise<Void> requested = Promise.promise();
        private final Promise<Void> released = Promise.promise();

        /** Completes when the first write has been asked for (and is being held). */
        Future<Void> requested() {
            return requested.future();
        }

        /** Lets the held writes (and later ones) run. */
        void release() {
            held = null;
            released.tryComplete();
        }

        private <T> Future<T> hold(Supplier<Future<T>> write) {
            requested.tryComplete();
            return released.future().compose(v -> write.get());
        }
    }

    /** The plugin's storage, through {@link #holdWrites()}. */
    private final class HoldableStorage implements Storage {
        private final Storage delegate;

        HoldableStorage(Storage delegate) {
            this.delegate = delegate;
        }

        @Override
        public Future<Void> migrate(List<Migration> migrations) {
            return delegate.migrate(migrations);
        }

        @Override
        public <T> Future<T> withConnection(SqlWork<T> work) {
            return delegate.withConnection(work);
        }

        @Override
        public <T> Future<T> inTransaction(SqlWork<T> work) {
            HeldWrites h = held;
            return h == null ? delegate.inTransaction(work) : h.hold(() -> delegate.inTransaction(work));
        }
    }

    static <T> T await(Future<T> f) {
        try {
            return f.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future failed: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            await(consumer.unregister());
            await(database.close());
        } finally {
            await(vertx.close());
        }
    }

    // ---------------------------------------------------------------- PlatformServices

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public MarketData marketData() {
        return market;
    }

    @Override
    public Exchange exchange() {
        return exchange;
    }

    @Override
    public OrderJournalStore orderJournal() {
        return orderJournal;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public boolean liveTrading() {
        return live;
    }

    @Override
    public Storage storage(String pluginId) {
        return new HoldableStorage(database.storageFor(pluginId));
    }

    @Override
    public <T> Future<T> cached(String pluginId, String key, Duration ttl, Supplier<Future<T>> loader) {
        return loader.get();
    }
}
