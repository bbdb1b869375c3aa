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
import java.nio.file.Path;
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
 * the others carry on. Drop-in jars are found by {@link PluginDirectory}, which hands each jar's layer to
 * {@link #fromLayer(ModuleLayer, PluginSource, Path)}.
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
        load(ServiceLoader.load(layer, Analyzer.class), null, candidates);
        load(ServiceLoader.load(layer, Executor.class), null, candidates);
        return validate(candidates, PluginSource.MODULE_PATH, null);
    }

    /** Plugins given as instances (tests, embedding). */
    public static List<PluginHandle> of(List<? extends Plugin> plugins) {
        List<Candidate> candidates = new ArrayList<>();
        for (Plugin p : plugins) {
            candidates.add(new Candidate(p, moduleOf(p.getClass()), p.getClass().getName(), null));
        }
        return validate(candidates, PluginSource.EMBEDDED, null);
    }

    /**
     * The plugins provided by the modules of {@code layer} itself (not of its parents), each checked on its own:
     * readable descriptor, compatible API, kind, operations. Conflicts with other plugins (id, route prefix) are
     * for the {@link PluginManager} to decide when it admits them.
     *
     * @param layer  a plugin jar's layer
     * @param source the jar
     * @param staged the staged copy the layer was defined from
     */
    static List<PluginHandle> fromLayer(ModuleLayer layer, PluginSource source, Path staged) {
        List<Candidate> candidates = new ArrayList<>();
        load(ServiceLoader.load(layer, Analyzer.class), layer, candidates);
        load(ServiceLoader.load(layer, Executor.class), layer, candidates);
        List<PluginHandle> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(check(c, source, staged));
        }
        return out;
    }

    /**
     * Why {@code d} may not join plugins whose ids and route prefixes are already taken, or null when it may.
     *
     * @param ids      plugin id → the plugin holding it
     * @param prefixes route prefix → the plugin holding it
     */
    static String conflict(PluginDescriptor d, Map<String, PluginHandle> ids, Map<String, PluginHandle> prefixes) {
        PluginHandle holder = ids.get(d.id());
        if (holder != null) {
            return "duplicate plugin id [" + d.id() + "], already provided by " + describe(holder);
        }
        holder = prefixes.get(d.routePrefix());
        if (holder != null) {
            return "route prefix [" + d.routePrefix() + "] is already used by plugin [" + holder.id() + "] ("
                    + describe(holder) + ")";
        }
        return null;
    }

    private static String describe(PluginHandle h) {
        String module = "module [" + h.module() + "]";
        return switch (h.source().kind()) {
            case "module-path" -> module + " (built in)";
            case "jar" -> module + " of " + h.source();
            default -> module;
        };
    }

    private static <P extends Plugin> void load(ServiceLoader<P> loader, ModuleLayer only, List<Candidate> out) {
        for (ServiceLoader.Provider<P> provider : iterate(loader, out)) {
            if (only != null && provider.type().getModule().getLayer() != only) {
                continue; // a provider of a parent layer (a built-in plugin): not this jar's
            }
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

    private static List<PluginHandle> validate(List<Candidate> candidates, PluginSource source, Path staged) {
        List<PluginHandle> handles = new ArrayList<>();
        Map<String, PluginHandle> ids = new HashMap<>();
        Map<String, PluginHandle> prefixes = new HashMap<>();
        for (Candidate c : candidates) {
            PluginHandle handle = check(c, source, staged);
            if (handle.state() != PluginState.REJECTED) {
                String problem = conflict(handle.descriptor(), ids, prefixes);
                if (problem != null) {
                    handle = PluginHandle.rejected(handle.id(), handle.descriptor(), handle.module(), problem, source);
                    LOG.log(System.Logger.Level.WARNING, "plugin [" + handle.id() + "] from module [" + handle.module()
                            + "] rejected: " + handle.reason());
                } else {
                    ids.put(handle.id(), handle);
                    prefixes.put(handle.descriptor().routePrefix(), handle);
                }
            }
            handles.add(handle);
        }
        return handles;
    }

    /** The candidate's own checks (everything but conflicts with other plugins); logs a rejection. */
    private static PluginHandle check(Candidate c, PluginSource source, Path staged) {
        PluginHandle h = intrinsic(c, source, staged);
        if (h.state() == PluginState.REJECTED) {
            LOG.log(System.Logger.Level.WARNING, "plugin [" + h.id() + "] from module [" + h.module() + "]"
                    + (source.isJar() ? " of " + source : "") + " rejected: " + h.reason());
        }
        return h;
    }

    private static PluginHandle intrinsic(Candidate c, PluginSource source, Path staged) {
        if (c.failure != null) {
            return PluginHandle.rejected(c.type, null, c.module, c.failure, source);
        }
        PluginDescriptor d;
        List<Operation> operations;
        try {
            d = c.plugin.descriptor();
            if (d == null) {
                return PluginHandle.rejected(c.type, null, c.module, "descriptor() returned null", source);
            }
            operations = c.plugin.operations();
        } catch (RuntimeException | LinkageError e) {
            return PluginHandle.rejected(c.type, null, c.module, "descriptor or operations could not be read: "
                    + rootMessage(e), source);
        }
        String problem = problem(c.plugin, d, operations);
        if (problem != null) {
            return PluginHandle.rejected(d.id(), d, c.module, problem, source);
        }
        return new PluginHandle(c.plugin, d, c.module, operations, source, staged);
    }

    private static String problem(Plugin plugin, PluginDescriptor d, List<Operation> operations) {
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
        if (operations == null || operations.isEmpty()) {
            return "declares no operations";
        }
        Set<String> names = new HashSet<>();
        Set<String> routes = new HashSet<>();
        for (Operation op : operations) {
            if (op == null) {
                return "operations() contains null";
            }
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
