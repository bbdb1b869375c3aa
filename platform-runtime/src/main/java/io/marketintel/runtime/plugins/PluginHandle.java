package io.marketintel.runtime.plugins;

import io.marketintel.api.Executor;
import io.marketintel.api.Operation;
import io.marketintel.api.Params;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One discovered plugin and what the runtime knows of it. State changes happen on the runtime's control
 * context; reads (routing, health) happen anywhere, hence the volatile fields.
 *
 * <p>A handle belongs to one loaded version of a plugin. When the plugin is removed or replaced by another
 * version, the handle is <em>retired</em>: no new invocation may enter it ({@link #enter()} fails, and for a
 * replacement {@link #successor()} names the handle to use instead), the invocations already inside finish, then
 * the plugin is stopped and its module layer released.
 */
public final class PluginHandle {

    /** Consecutive failures after which a plugin reports itself unhealthy. */
    static final int UNHEALTHY_AFTER = 5;
    /** How long a handler may hold its thread before it counts as blocking, unless the manager says otherwise. */
    static final Duration DEFAULT_BLOCKED_THRESHOLD = Duration.ofSeconds(1);

    private final String id;
    private final Plugin plugin;
    private final PluginDescriptor descriptor;
    private final String module;
    private final Map<String, Operation> operations;
    private final PluginSource source;
    /** The staged copy of the jar this plugin was loaded from, or null. */
    private final Path staged;
    /** Rejected only because another plugin holds its id or route prefix: admitted when that one goes. */
    private final boolean conflict;

    private volatile PluginState state;
    private volatile String reason;
    private volatile Params config = Params.empty();
    private volatile PluginContextImpl context;
    /** The file's last value of plugins.<id>.enabled; an API toggle holds until this value changes. */
    private volatile Boolean fileEnabled;
    private volatile boolean wanted;
    private volatile String wantedBy = "config";

    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile String lastError;
    private volatile long lastErrorTime;

    // Retirement: see enter()/exit().
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean retired;
    private volatile PluginHandle successor;

    // Thread holding: how long handlers keep the plugin's thread.
    private volatile long blockedThresholdNanos = DEFAULT_BLOCKED_THRESHOLD.toNanos();
    private volatile long busySince;
    private volatile String busyOperation;
    private final AtomicLong maxHeldNanos = new AtomicLong();
    private volatile long lastHeldNanos;
    private final LongAdder blockedCalls = new LongAdder();
    private volatile Blocked lastBlocked;
    /** When the latest blocked handler returned (nanoTime). */
    private volatile long lastBlockedEnd;
    /** When the pending responsiveness probe was posted to the plugin's context (nanoTime), 0 when none is. */
    private volatile long probeSentAt;

    PluginHandle(Plugin plugin, PluginDescriptor descriptor, String module, List<Operation> operations) {
        this(plugin, descriptor, module, operations, PluginSource.EMBEDDED, null);
    }

    PluginHandle(Plugin plugin, PluginDescriptor descriptor, String module, List<Operation> operations,
                 PluginSource source, Path staged) {
        this(descriptor.id(), plugin, descriptor, module, operations, source, staged, false);
    }

    private PluginHandle(String id, Plugin plugin, PluginDescriptor descriptor, String module,
                         List<Operation> operations, PluginSource source, Path staged, boolean conflict) {
        this.id = id;
        this.plugin = plugin;
        this.descriptor = descriptor;
        this.module = module;
        Map<String, Operation> byName = new LinkedHashMap<>();
        operations.forEach(op -> byName.put(op.name(), op));
        this.operations = java.util.Collections.unmodifiableMap(byName);
        this.source = source;
        this.staged = staged;
        this.conflict = conflict;
        this.state = PluginState.DISABLED;
    }

    /** A plugin refused at discovery. */
    static PluginHandle rejected(String id, PluginDescriptor descriptor, String module, String reason) {
        return rejected(id, descriptor, module, reason, PluginSource.EMBEDDED);
    }

    /** A plugin refused at discovery, from {@code source}; nothing of its code is kept. */
    static PluginHandle rejected(String id, PluginDescriptor descriptor, String module, String reason,
                                 PluginSource source) {
        PluginHandle h = new PluginHandle(id, null, descriptor, module, List.of(), source, null, false);
        h.state = PluginState.REJECTED;
        h.reason = reason;
        return h;
    }

    /**
     * This (valid) plugin refused because another one holds its id or route prefix. It keeps its instance, so
     * that it can be admitted when the other one is removed.
     */
    PluginHandle conflicting(String why) {
        PluginHandle h = new PluginHandle(id, plugin, descriptor, module, List.copyOf(operations.values()), source,
                staged, true);
        h.state = PluginState.REJECTED;
        h.reason = why;
        return h;
    }

    /** A fresh, admissible handle for the plugin of this conflicting one. */
    PluginHandle admitted() {
        return new PluginHandle(id, plugin, descriptor, module, List.copyOf(operations.values()), source, staged, false);
    }

    /** Where the plugin came from. */
    public PluginSource source() {
        return source;
    }

    /** The staged copy of the plugin's jar, or null. */
    Path staged() {
        return staged;
    }

    /** Whether it was rejected only for a conflict of id or route prefix with another plugin. */
    boolean conflict() {
        return conflict;
    }

    public Plugin plugin() {
        return plugin;
    }

    /** The descriptor; null for a plugin rejected before its descriptor could be read. */
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    /** Plugin id, or for a plugin rejected before its descriptor could be read, its provider class. */
    public String id() {
        return id;
    }

    /** The JPMS module the plugin lives in ({@code unnamed} on the class path). */
    public String module() {
        return module;
    }

    public PluginKind kind() {
        if (plugin != null) {
            return plugin instanceof Executor ? PluginKind.EXECUTOR : PluginKind.ANALYZER;
        }
        return descriptor == null ? null : descriptor.kind();
    }

    public Map<String, Operation> operations() {
        return operations;
    }

    public PluginState state() {
        return state;
    }

    /** Why the plugin is rejected, failed or disabled. */
    public String reason() {
        return reason;
    }

    public Params config() {
        return config;
    }

    PluginContextImpl context() {
        return context;
    }

    void context(PluginContextImpl context) {
        this.context = context;
    }

    void state(PluginState state, String reason) {
        this.state = state;
        this.reason = reason;
    }

    void config(Params config) {
        this.config = config;
    }

    Boolean fileEnabled() {
        return fileEnabled;
    }

    void fileEnabled(boolean enabled) {
        this.fileEnabled = enabled;
    }

    /** Whether the plugin should be enabled, and who said so ({@code config} or {@code api}). */
    public boolean wanted() {
        return wanted;
    }

    public String wantedBy() {
        return wantedBy;
    }

    void want(boolean enabled, String by) {
        this.wanted = enabled;
        this.wantedBy = by;
    }

    /** Takes over the enable/disable wishes of the version this one replaces. */
    void inherit(PluginHandle previous) {
        this.fileEnabled = previous.fileEnabled;
        this.wanted = previous.wanted;
        this.wantedBy = previous.wantedBy;
    }

    /**
     * Lets one invocation in; false once the handle is retired (the caller then tries {@link #successor()}).
     * Every successful enter is paired with one {@link #exit()}.
     */
    boolean enter() {
        inFlight.incrementAndGet();
        if (retired) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    /** One invocation left. */
    void exit() {
        inFlight.decrementAndGet();
    }

    /** Invocations inside the plugin now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Closes the handle to new invocations; {@code next} (or null when removed) serves them instead. */
    void retire(PluginHandle next) {
        this.successor = next;
        this.retired = true;
    }

    /** Whether the handle no longer takes invocations. */
    public boolean retired() {
        return retired;
    }

    /** The handle of the version that replaced this one, or null. */
    PluginHandle successor() {
        return successor;
    }

    void blockedThreshold(Duration threshold) {
        this.blockedThresholdNanos = threshold.toNanos();
    }

    /** How long a handler may hold the plugin's thread before it counts as blocking. */
    public Duration blockedThreshold() {
        return Duration.ofNanos(blockedThresholdNanos);
    }

    /** A handler of {@code operation} starts running on the plugin's thread. */
    void busy(String operation, long nanoTime) {
        busyOperation = operation;
        busySince = nanoTime;
    }

    /**
     * The handler returned after holding the thread {@code heldNanos}; beyond the threshold it counts as a
     * blocked call.
     */
    void idle(String operation, long heldNanos, long now) {
        busySince = 0;
        busyOperation = null;
        lastHeldNanos = heldNanos;
        maxHeldNanos.accumulateAndGet(heldNanos, Math::max);
        if (heldNanos > blockedThresholdNanos) {
            lastBlockedEnd = System.nanoTime();
            blockedCalls.increment();
            lastBlocked = new Blocked(operation, TimeUnit.NANOSECONDS.toMillis(heldNanos), now);
            System.getLogger(PluginHandle.class.getName()).log(System.Logger.Level.WARNING, "plugin [" + id
                    + "] held its thread for " + TimeUnit.NANOSECONDS.toMillis(heldNanos) + " ms in operation ["
                    + operation + "] (limit " + TimeUnit.NANOSECONDS.toMillis(blockedThresholdNanos)
                    + " ms): handlers must not block; move blocking work to vertx.executeBlocking");
        }
    }

    /** How long the latest handler held the plugin's thread, ms (the test kit reads it after each call). */
    public double lastHeldMillis() {
        return lastHeldNanos / 1e6;
    }

    /** The longest a handler has held the plugin's thread, ms. */
    public long maxHeldMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxHeldNanos.get());
    }

    /** A probe was posted to the plugin's context at {@code nanoTime}; false if the previous one is still pending. */
    boolean probeSent(long nanoTime) {
        if (probeSentAt != 0) {
            return false;
        }
        probeSentAt = nanoTime;
        return true;
    }

    /**
     * The probe ran {@code lagNanos} after it was posted. A late probe that no handler measurement explains (the
     * thread was held by a callback or a timer of the plugin) counts as a blocked call too.
     */
    void probeAnswered(long lagNanos, long now) {
        long sent = probeSentAt;
        probeSentAt = 0;
        if (lagNanos > blockedThresholdNanos && (lastBlocked == null || lastBlockedEnd - sent < 0)) {
            blockedCalls.increment();
            maxHeldNanos.accumulateAndGet(lagNanos, Math::max);
            lastBlocked = new Blocked("(callback or timer)", TimeUnit.NANOSECONDS.toMillis(lagNanos), now);
            System.getLogger(PluginHandle.class.getName()).log(System.Logger.Level.WARNING, "plugin [" + id
                    + "] did not let its thread go for " + TimeUnit.NANOSECONDS.toMillis(lagNanos)
                    + " ms outside an operation handler (one of its callbacks or timers blocked it)");
        }
    }

    /** How long the plugin's thread has been held beyond the threshold right now, ms, or null when it is not. */
    public Long blockedNowMillis() {
        long now = System.nanoTime();
        long held = 0;
        long since = busySince;
        if (since != 0) {
            held = now - since;
        }
        long probe = probeSentAt;
        if (probe != 0) {
            held = Math.max(held, now - probe);
        }
        return held > blockedThresholdNanos ? TimeUnit.NANOSECONDS.toMillis(held) : null;
    }

    /** The operation whose handler runs on the plugin's thread now, or null. */
    String busyOperation() {
        return busyOperation;
    }

    /** Records the outcome of one invocation. */
    void record(boolean ok, String error, long now) {
        calls.increment();
        if (ok) {
            consecutiveFailures.set(0);
        } else {
            failures.increment();
            consecutiveFailures.incrementAndGet();
            lastError = error;
            lastErrorTime = now;
        }
    }

    /** Health as shown by {@code GET /api/plugins}: state plus invocation statistics. */
    public Health health() {
        Long blockedNow = state == PluginState.ENABLED ? blockedNowMillis() : null;
        String status = switch (state) {
            case ENABLED -> consecutiveFailures.get() >= UNHEALTHY_AFTER || blockedNow != null ? "UNHEALTHY" : "HEALTHY";
            case DISABLED -> "DISABLED";
            case FAILED, REJECTED -> "DOWN";
        };
        return new Health(status, calls.sum(), failures.sum(), consecutiveFailures.get(), lastError,
                lastErrorTime == 0 ? null : lastErrorTime, inFlight.get(), maxHeldMillis(),
                TimeUnit.NANOSECONDS.toMillis(blockedThresholdNanos), blockedCalls.sum(), lastBlocked,
                blockedNow);
    }

    /**
     * Health of a plugin.
     *
     * @param status              HEALTHY, UNHEALTHY (≥ 5 consecutive failures, or its thread blocked right now),
     *                            DISABLED or DOWN
     * @param calls               invocations since start
     * @param failures            failed invocations (any error, including the caller's)
     * @param consecutiveFailures failures in a row
     * @param lastError           last error message, or null
     * @param lastErrorTime       when it happened, ms, or null
     * @param inFlight            invocations running now
     * @param maxHeldMs           the longest a handler (or callback) held the plugin's thread, ms
     * @param blockedThresholdMs  holding the thread longer than this counts as blocking it, ms
     * @param blockedCalls        how many times the plugin held its thread beyond the threshold
     * @param lastBlocked         the latest of those, or null
     * @param blockedNowMs        how long the plugin's thread has been held beyond the threshold right now, or null
     */
    public record Health(String status, long calls, long failures, int consecutiveFailures, String lastError,
                         Long lastErrorTime, int inFlight, long maxHeldMs, long blockedThresholdMs, long blockedCalls,
                         Blocked lastBlocked, Long blockedNowMs) {
    }

    /**
     * One time a plugin held its thread beyond the threshold.
     *
     * @param operation the operation whose handler did it, or {@code (callback or timer)} when the thread was held
     *                  outside a handler
     * @param heldMs    for how long, ms
     * @param at        when it was noticed, ms since the epoch
     */
    public record Blocked(String operation, long heldMs, long at) {
    }
}
