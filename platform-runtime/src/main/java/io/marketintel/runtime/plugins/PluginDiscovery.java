package io.marketintel.runtime.plugins;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Executor;
import io.marketintel.api.Method;
import io.marketintel.api.Operation;
import io.marketintel.api.PathParam;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds plugins with {@link ServiceLoader} and checks each before it may run: readable descriptor,
 * compatible API version, kind matching the implemented interface, unique id and route prefix, unique
 * operations. A plugin that fails a check is kept as {@link PluginState#REJECTED} with the reason, and
 * the others carry on.
 */
public final class PluginDiscovery {

    private static final System.Logger LOG = System.getLogger(PluginDiscovery.class.getName());
    /** Plugin ids that would collide with platform keys under {@code plugins.}. */
    private static final Set<String> RESERVED_IDS = Set.of("dir");

    private PluginDiscovery() {
    }

    /** Plugins provided by the modules of {@code layer} (the boot layer on the module path). */
    public static List<PluginHandle> discover(ModuleLayer layer) {
        List<Candidate> candidates = new ArrayList<>();
        load(ServiceLoader.load(layer, Analyzer.class), candidates);
        load(ServiceLoader.load(layer, Executor.class), candidates);
        return validate(candidates);
    }

    /** Plugins given as instances (tests, embedding). */
    public static List<PluginHandle> of(List<? extends Plugin> plugins) {
        List<Candidate> candidates = new ArrayList<>();
        for (Plugin p : plugins) {
            candidates.add(new Candidate(p, moduleOf(p.getClass()), p.getClass().getName(), null));
        }
        return validate(candidates);
    }

    private static <P extends Plugin> void load(ServiceLoader<P> loader, List<Candidate> out) {
        for (ServiceLoader.Provider<P> provider : iterate(loader, out)) {
            String type = provider.type().getName();
            try {
                P plugin = provider.get();
                out.add(new Candidate(plugin, moduleOf(provider.type()), type, null));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                out.add(new Candidate(null, moduleOf(provider.type()), type,
                        "provider [" + type + "] could not be instantiated: " + rootMessage(e)));
            }
        }
    }

    private static <P extends Plugin> List<ServiceLoader.Provider<P>> iterate(ServiceLoader<P> loader,
                                                                             List<Candidate> out) {
        List<ServiceLoader.Provider<P>> providers = new ArrayList<>();
        var it = loader.stream().iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next());
            } catch (ServiceConfigurationError e) {
                out.add(new Candidate(null, "unknown", "unknown", "a provider could not be loaded: " + rootMessage(e)));
            }
        }
        return providers;
    }

    private static List<PluginHandle> validate(List<Candidate> candidates) {
        List<PluginHandle> handles = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> prefixes = new HashMap<>();
        for (Candidate c : candidates) {
            PluginHandle handle = check(c, ids, prefixes);
            if (handle.state() == PluginState.REJECTED) {
                LOG.log(System.Logger.Level.WARNING, "plugin [" + handle.id() + "] from module [" + handle.module()
                        + "] rejected: " + handle.reason());
            }
            handles.add(handle);
        }
        return handles;
    }

    private static PluginHandle check(Candidate c, Map<String, String> ids, Map<String, String> prefixes) {
        if (c.failure != null) {
            return PluginHandle.rejected(c.type, null, c.module, c.failure);
        }
        PluginDescriptor d;
        List<Operation> operations;
        try {
            d = c.plugin.descriptor();
            if (d == null) {
                return PluginHandle.rejected(c.type, null, c.module, "descriptor() returned null");
            }
            operations = c.plugin.operations();
        } catch (RuntimeException | LinkageError e) {
            return PluginHandle.rejected(c.type, null, c.module, "descriptor or operations could not be read: "
                    + rootMessage(e));
        }
        String problem = problem(c.plugin, d, operations, ids, prefixes);
        if (problem != null) {
            return PluginHandle.rejected(d.id(), d, c.module, problem);
        }
        ids.put(d.id(), c.module);
        prefixes.put(d.routePrefix(), d.id());
        return new PluginHandle(c.plugin, d, c.module, operations);
    }

    private static String problem(Plugin plugin, PluginDescriptor d, List<Operation> operations,
                                  Map<String, String> ids, Map<String, String> prefixes) {
        try {
            if (!PlatformApi.isCompatible(d.apiVersion())) {
                return "built for platform API " + d.apiVersion() + ", this platform offers " + PlatformApi.VERSION
                        + " (same major version and a minor version not newer are required)";
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        PluginKind actual = plugin instanceof Executor ? PluginKind.EXECUTOR : PluginKind.ANALYZER;
        if (d.kind() != actual) {
            return "descriptor says kind " + d.kind() + " but the plugin implements " + actual;
        }
        if (RESERVED_IDS.contains(d.id())) {
            return "plugin id [" + d.id() + "] is reserved";
        }
        if (ids.containsKey(d.id())) {
            return "duplicate plugin id [" + d.id() + "], already provided by module [" + ids.get(d.id()) + "]";
        }
        if (prefixes.containsKey(d.routePrefix())) {
            return "route prefix [" + d.routePrefix() + "] is already used by plugin [" + prefixes.get(d.routePrefix()) + "]";
        }
        if (operations == null || operations.isEmpty()) {
            return "declares no operations";
        }
        Set<String> names = new HashSet<>();
        Set<String> routes = new HashSet<>();
        for (Operation op : operations) {
            if (!names.add(op.name())) {
                return "operation [" + op.name() + "] is declared twice";
            }
            String route = op.method() + " " + op.path() + (op.pathParam() == PathParam.NONE ? "" : "/{}");
            if (!routes.add(route)) {
                return "two operations share the route " + route;
            }
            if (op.method() == Method.GET && op.mutating()) {
                return "operation [" + op.name() + "] is mutating but uses GET";
            }
        }
        return null;
    }

    private static String moduleOf(Class<?> type) {
        Module m = type.getModule();
        return m.isNamed() ? m.getName() : "unnamed";
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    private record Candidate(Plugin plugin, String module, String type, String failure) {
    }
}
