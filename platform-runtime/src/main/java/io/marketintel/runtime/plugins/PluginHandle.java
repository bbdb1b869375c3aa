package io.marketintel.runtime.plugins;

import io.marketintel.api.Executor;
import io.marketintel.api.Operation;
import io.marketintel.api.Params;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One discovered plugin and what the runtime knows of it. State changes happen on the runtime's control
 * context; reads (routing, health) happen anywhere, hence the volatile fields.
 */
public final class PluginHandle {

    /** Consecutive failures after which a plugin reports itself unhealthy. */
    static final int UNHEALTHY_AFTER = 5;

    private final String id;
    private final Plugin plugin;
    private final PluginDescriptor descriptor;
    private final String module;
    private final Map<String, Operation> operations;

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

    PluginHandle(Plugin plugin, PluginDescriptor descriptor, String module, List<Operation> operations) {
        this(descriptor.id(), plugin, descriptor, module, operations);
    }

    private PluginHandle(String id, Plugin plugin, PluginDescriptor descriptor, String module,
                         List<Operation> operations) {
        this.id = id;
        this.plugin = plugin;
        this.descriptor = descriptor;
        this.module = module;
        Map<String, Operation> byName = new LinkedHashMap<>();
        operations.forEach(op -> byName.put(op.name(), op));
        this.operations = java.util.Collections.unmodifiableMap(byName);
        this.state = PluginState.DISABLED;
    }

    /** A plugin refused at discovery. */
    static PluginHandle rejected(String id, PluginDescriptor descriptor, String module, String reason) {
        PluginHandle h = new PluginHandle(id, null, descriptor, module, List.of());
        h.state = PluginState.REJECTED;
        h.reason = reason;
        return h;
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
        String status = switch (state) {
            case ENABLED -> consecutiveFailures.get() >= UNHEALTHY_AFTER ? "UNHEALTHY" : "HEALTHY";
            case DISABLED -> "DISABLED";
            case FAILED, REJECTED -> "DOWN";
        };
        return new Health(status, calls.sum(), failures.sum(), consecutiveFailures.get(), lastError,
                lastErrorTime == 0 ? null : lastErrorTime);
    }

    /**
     * Health of a plugin.
     *
     * @param status              HEALTHY, UNHEALTHY (≥ 5 consecutive failures), DISABLED or DOWN
     * @param calls               invocations since start
     * @param failures            failed invocations (any error, including the caller's)
     * @param consecutiveFailures failures in a row
     * @param lastError           last error message, or null
     * @param lastErrorTime       when it happened, ms, or null
     */
    public record Health(String status, long calls, long failures, int consecutiveFailures, String lastError,
                         Long lastErrorTime) {
    }
}
