package io.marketintel.testkit.fakes;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Params;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.Storage;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.OrderJournal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link PluginContext} for unit tests: a {@link FakeMarketData}, the plugin's configuration defaults (with
 * {@link #configure} overrides), a {@link ManualClock}, a result cache like the runtime's, and a record of what the
 * plugin published and whom it called.
 *
 * <p>The cache ({@link #cached}) keeps a future for its TTL on the fake clock, so concurrent identical requests share
 * one load and moving the clock past the TTL loads again; a failed load is dropped at once, as the runtime does.
 * {@link #cacheLoads()} lists the keys loaded.
 *
 * <p>Calls to other plugins ({@link #call}) are recorded in {@link #calls()} and answered by
 * {@link #answerCalls(Calls)}; by default they fail with {@code NOT_FOUND} "nobody serves operation [id.op]", as the
 * runtime answers when that plugin is not installed.
 *
 * <p>What a test does not give fails when used: {@link #vertx()} ({@link #withVertx}), {@link #exchange()}
 * ({@link #withExchange}), {@link #journal()} ({@link #withJournal}) and {@link #storage()}
 * ({@link #withStorage}). {@link #liveTrading()} is false unless switched on. A plugin's own specifics are a few
 * chained calls:
 * <pre>{@code
 * FakePluginContext ctx = new FakePluginContext(plugin.descriptor(), MySettings.defaultParams(), market)
 *         .clockAt(T0)
 *         .withExchange(exchange);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public class FakePluginContext implements PluginContext {

    /**
     * One event the plugin published.
     *
     * @param type the event type
     * @param data the event
     */
    public record Event(String type, Object data) {
    }

    /**
     * One call the plugin made to another plugin's operation.
     *
     * @param pluginId  the plugin called
     * @param operation its operation
     * @param pathValue the path value (the symbol), or null
     * @param params    the parameters
     * @param timeout   the deadline given
     */
    public record Call(String pluginId, String operation, String pathValue, Map<String, ?> params, Duration timeout) {
    }

    /** Answers the plugin's calls to other plugins. */
    @FunctionalInterface
    public interface Calls {
        /**
         * The answer to one call.
         *
         * @param call the call
         * @return the reply JSON, as the other plugin's operation would give it, or a failure
         */
        Future<JsonObject> answer(Call call);
    }

    private record Entry(Future<?> future, long expiresAt) {
    }

    private final PluginDescriptor descriptor;
    private final Params defaults;
    private final FakeMarketData market;
    private final ManualClock clock = new ManualClock(0);
    private final List<Event> published = Collections.synchronizedList(new ArrayList<>());
    private final List<String> cacheLoads = Collections.synchronizedList(new ArrayList<>());
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Entry> cache = new HashMap<>();
    private volatile Params config;
    private volatile Calls answers = call -> Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND,
            "nobody serves operation [" + call.pluginId() + "." + call.operation() + "]"));
    private volatile Vertx vertx;
    private volatile Exchange exchange;
    private volatile OrderJournal journal;
    private volatile Storage storage;
    private volatile boolean live;

    /**
     * A context with the clock at epoch 0 (see {@link #clockAt}), nothing but the market and the configuration.
     *
     * @param descriptor the plugin's descriptor
     * @param defaults   the plugin's configuration defaults, the configuration until {@link #configure}
     * @param market     the market the plugin reads
     */
    public FakePluginContext(PluginDescriptor descriptor, Params defaults, FakeMarketData market) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.config = defaults;
        this.market = Objects.requireNonNull(market, "market");
    }

    // ---------------------------------------------------------------- set-up

    /**
     * Puts the clock at a time.
     *
     * @param epochMillis the time, in epoch milliseconds
     * @return this
     */
    public FakePluginContext clockAt(long epochMillis) {
        clock.set(epochMillis);
        return this;
    }

    /**
     * Gives the plugin Vert.x (for timers, say).
     *
     * @param vertx the instance {@link #vertx()} answers
     * @return this
     */
    public FakePluginContext withVertx(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        return this;
    }

    /**
     * Gives the plugin an exchange (executors).
     *
     * @param exchange the exchange {@link #exchange()} answers
     * @return this
     */
    public FakePluginContext withExchange(Exchange exchange) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        return this;
    }

    /**
     * Gives the plugin an order journal (executors).
     *
     * @param journal the journal {@link #journal()} answers
     * @return this
     */
    public FakePluginContext withJournal(OrderJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        return this;
    }

    /**
     * Gives the plugin storage.
     *
     * @param storage the storage {@link #storage()} answers
     * @return this
     */
    public FakePluginContext withStorage(Storage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
        return this;
    }

    /**
     * Switches live trading on or off ({@link #liveTrading()}).
     *
     * @param on whether live trading is allowed
     * @return this
     */
    public FakePluginContext liveTrading(boolean on) {
        this.live = on;
        return this;
    }

    /**
     * Answers the plugin's calls to other plugins from now on.
     *
     * @param answers the answering function
     * @return this
     */
    public FakePluginContext answerCalls(Calls answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
        return this;
    }

    /**
     * Replaces configuration keys; the others keep their defaults, as after a configuration reload. Keys are not
     * validated here: the plugin's settings are what a test checks.
     *
     * @param overrides the keys to change and their values
     * @return this
     */
    public FakePluginContext configure(Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(defaults.asMap());
        values.putAll(overrides);
        config = Params.of(values);
        return this;
    }

    // ---------------------------------------------------------------- what the test reads

    /**
     * The market given at construction.
     *
     * @return the fake market
     */
    public FakeMarketData market() {
        return market;
    }

    /**
     * Events published so far, in order (the live list).
     *
     * @return the published events
     */
    public List<Event> published() {
        return published;
    }

    /**
     * Keys {@link #cached} loaded (rather than answered from the cache), in order (the live list).
     *
     * @return the loaded keys
     */
    public List<String> cacheLoads() {
        return cacheLoads;
    }

    /**
     * Calls to other plugins so far, in order (the live list).
     *
     * @return the calls
     */
    public List<Call> calls() {
        return calls;
    }

    // ---------------------------------------------------------------- PluginContext

    /** The instance given with {@link #withVertx}; otherwise fails. */
    @Override
    public Vertx vertx() {
        Vertx v = vertx;
        if (v == null) {
            throw new UnsupportedOperationException("no Vert.x in this test (FakePluginContext.withVertx gives one)");
        }
        return v;
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public FakeMarketData marketData() {
        return market;
    }

    /** The exchange given with {@link #withExchange}; otherwise fails, as for an analyzer. */
    @Override
    public Exchange exchange() {
        Exchange e = exchange;
        if (e == null) {
            throw new IllegalStateException("plugin [" + descriptor.id() + "] has no exchange in this test"
                    + " (FakePluginContext.withExchange gives one)");
        }
        return e;
    }

    /** The journal given with {@link #withJournal}; otherwise fails as the platform does for an analyzer. */
    @Override
    public OrderJournal journal() {
        OrderJournal j = journal;
        return j != null ? j : PluginContext.super.journal();
    }

    @Override
    public boolean liveTrading() {
        return live;
    }

    /** The clock, moved by hand. */
    @Override
    public ManualClock clock() {
        return clock;
    }

    @Override
    public Params config() {
        return config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> Future<T> cached(String key, Duration ttl, Supplier<Future<T>> loader) {
        Entry e = cache.get(key);
        if (e != null && clock.millis() < e.expiresAt()) {
            return (Future<T>) e.future();
        }
        cacheLoads.add(key);
        Future<T> f = loader.get();
        Entry entry = new Entry(f, clock.millis() + ttl.toMillis());
        cache.put(key, entry);
        f.onFailure(x -> {
            synchronized (this) {
                cache.remove(key, entry);
            }
        });
        return f;
    }

    @Override
    public Future<JsonObject> call(String pluginId, String operation, String pathValue, Map<String, ?> params,
                                   Duration timeout) {
        Call c = new Call(pluginId, operation, pathValue, params, timeout);
        calls.add(c);
        return answers.answer(c);
    }

    /** The storage given with {@link #withStorage}; otherwise fails. */
    @Override
    public Storage storage() {
        Storage s = storage;
        if (s == null) {
            throw new UnsupportedOperationException("no storage in this test (FakePluginContext.withStorage gives one)");
        }
        return s;
    }

    @Override
    public void publish(String type, Object event) {
        published.add(new Event(type, event));
    }

    /** A logger named after the plugin: {@code io.marketintel.test.<plugin id>}. */
    @Override
    public System.Logger logger() {
        return System.getLogger("io.marketintel.test." + descriptor.id());
    }
}
