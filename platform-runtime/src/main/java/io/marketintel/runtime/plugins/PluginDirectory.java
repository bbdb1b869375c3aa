package io.marketintel.runtime.plugins;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Executor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The folder of third-party plugin jars ({@code plugins.dir}, {@code MI_PLUGINS_DIR}, default {@code ./plugins-ext}).
 *
 * <p>Each {@code *.jar} in it (a modular jar, or a plain jar that becomes an automatic module) is copied to a
 * staging folder first, so that the original can be replaced or deleted at any time, and loaded from the copy into a
 * module layer of its own: a child of the platform's layer, resolved with
 * {@link Configuration#resolveAndBind(ModuleFinder, ModuleFinder, java.util.Collection)} and defined with
 * {@link ModuleLayer#defineModulesWithOneLoader(Configuration, ClassLoader)} (one class loader per jar). Its
 * plugins are the {@link Analyzer} and {@link Executor} providers of that layer itself (providers of parent layers
 * are the built-in plugins, not the jar's).
 *
 * <p>While the platform runs, the folder is looked at every {@code interval} on a worker thread. A file counts once
 * it is complete: unchanged (size and modification time) since the previous look, or last modified more than a
 * second ago; copying a jar elsewhere in the same file system and moving it in is the safest way. A file is
 * identified by its content hash: a touched but unchanged file is not reloaded. A jar that cannot be loaded (not a
 * zip, no plugin provider, a required module missing) becomes a REJECTED entry with the reason.
 */
public final class PluginDirectory {

    private static final System.Logger LOG = System.getLogger(PluginDirectory.class.getName());
    /** A changed file last modified longer ago than this is taken as complete. */
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Set<String> SERVICES = Set.of(Analyzer.class.getName(), Executor.class.getName());

    private final Path dir;
    private final Path staging;
    private final ModuleLayer parent;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    /** What was loaded last, by file name. Touched by one look at a time. */
    private final Map<String, Known> known = new HashMap<>();
    /** Changed files seen once, waiting to be seen unchanged. */
    private final Map<String, Seen> settling = new HashMap<>();
    private volatile boolean missingReported;
    private Vertx vertx;
    private long timer = -1;
    private boolean looking;

    /**
     * @param dir     the plugin folder (need not exist)
     * @param staging where loaded copies are kept (emptied now; the platform's own folder)
     * @param parent  the layer plugin layers are children of (the one holding {@code io.marketintel.api})
     * @param clock   the wall clock, to judge file modification times
     */
    public PluginDirectory(Path dir, Path staging, ModuleLayer parent, Clock clock) {
        this.dir = dir;
        this.staging = staging;
        this.parent = parent;
        this.clock = clock;
    }

    /** The layer plugin layers should hang from: the one of the plugin API, or the boot layer. */
    public static ModuleLayer apiLayer() {
        ModuleLayer layer = Analyzer.class.getModule().getLayer();
        return layer != null ? layer : ModuleLayer.boot();
    }

    /**
     * Where this process stages plugin jars: {@code <data dir>/plugins-staging/<pid>}. Folders of processes that are
     * gone are deleted now.
     */
    public static Path stagingFor(Path dataDir) {
        Path root = dataDir.resolve("plugins-staging");
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path f : folders) {
                String name = f.getFileName().toString();
                boolean alive = name.matches("\\d{1,19}") && ProcessHandle.of(Long.parseLong(name)).isPresent();
                if (!alive || Long.parseLong(name) == self) {
                    deleteTree(f);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing staged yet
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not clean [" + root + "]: " + e.getMessage());
        }
        return root.resolve(Long.toString(self));
    }

    /** The plugin folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Loads every jar in the folder now (boot; blocking). Clears the staging folder first: nothing of a previous
     * run is in use.
     *
     * @return file name → its plugins
     */
    public Map<String, List<PluginHandle>> loadAll() {
        deleteTree(staging);
        return look(true);
    }

    /**
     * What changed since the previous look (blocking: call it off the event loop).
     *
     * @return file name → its plugins now (an empty list: the file is gone)
     */
    public Map<String, List<PluginHandle>> poll() {
        return look(false);
    }

    /**
     * Looks at the folder every {@code interval} and hands each change to {@code apply}; the next look waits until
     * the change is applied.
     */
    public void start(Vertx vertx, Duration interval, Function<Map<String, List<PluginHandle>>, Future<Void>> apply) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(interval.toMillis(), id -> check(apply));
    }

    /** Stops looking. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void check(Function<Map<String, List<PluginHandle>>, Future<Void>> apply) {
        if (looking) {
            return;
        }
        looking = true;
        vertx.executeBlocking(this::poll)
                .compose(changes -> changes.isEmpty() ? Future.<Void>succeededFuture() : apply.apply(changes))
                .onComplete(ar -> {
                    looking = false;
                    if (ar.failed()) {
                        LOG.log(System.Logger.Level.WARNING, "plugin folder [" + dir + "] could not be applied: "
                                + PluginDiscovery.rootMessage(ar.cause()));
                    }
                });
    }

    /** The staged copy of a jar is no longer used by any plugin: delete it. */
    public void release(Path staged) {
        if (staged != null && staged.startsWith(staging)) {
            deleteTree(staged.getParent());
        }
    }

    private synchronized Map<String, List<PluginHandle>> look(boolean boot) {
        Map<String, Path> present = list();
        Map<String, List<PluginHandle>> changes = new LinkedHashMap<>();
        for (String name : List.copyOf(known.keySet())) {
            if (!present.containsKey(name)) {
                known.remove(name);
                settling.remove(name);
                LOG.log(System.Logger.Level.INFO, "plugin jar [" + name + "] was removed from [" + dir + "]");
                changes.put(name, List.of());
            }
        }
        settling.keySet().retainAll(present.keySet());
        for (Map.Entry<String, Path> file : present.entrySet()) {
            String name = file.getKey();
            Seen seen = seen(file.getValue());
            if (seen == null) {
                continue;
            }
            Known before = known.get(name);
            if (before != null && before.seen.equals(seen)) {
                continue;
            }
            boolean settled = boot || seen.equals(settling.get(name))
                    || clock.millis() - seen.modified >= SETTLE.toMillis();
            if (!settled) {
                settling.put(name, seen);
                continue;
            }
            settling.remove(name);
            Staged copy = stage(file.getValue(), name);
            if (copy == null) {
                continue;
            }
            if (!seen.equals(seen(file.getValue()))) {
                release(copy.path); // changed while being copied: look again next time
                settling.put(name, seen);
                continue;
            }
            if (before != null && before.sha256.equals(copy.sha256)) {
                known.put(name, new Known(seen, copy.sha256));
                release(copy.path); // touched, same content
                continue;
            }
            known.put(name, new Known(seen, copy.sha256));
            LOG.log(System.Logger.Level.INFO, "plugin jar [" + name + "] " + (before == null ? "found" : "changed")
                    + " in [" + dir + "] (sha256 " + copy.sha256.substring(0, 12) + "…); loading it");
            List<PluginHandle> plugins = load(name, copy);
            if (plugins.stream().allMatch(h -> h.plugin() == null)) {
                release(copy.path); // nothing of it runs or waits to run
            }
            changes.put(name, plugins);
        }
        return changes;
    }

    private Map<String, Path> list() {
        Map<String, Path> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(f)) {
                    out.put(name, f);
                }
            }
            missingReported = false;
        } catch (NoSuchFileException e) {
            if (!missingReported) {
                missingReported = true;
                LOG.log(System.Logger.Level.INFO, "plugin folder [" + dir.toAbsolutePath() + "] does not exist; create it "
                        + "and drop plugin jars into it to add plugins while the platform runs");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "plugin folder [" + dir + "] cannot be read: " + e.getMessage());
        }
        return out;
    }

    private static Seen seen(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Seen(a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null; // gone meanwhile
        }
    }

    /** Copies {@code file} into a staging folder of its own (keeping its name, which may name its automatic module). */
    private Staged stage(Path file, String name) {
        Path folder = staging.resolve(String.format("%06d", sequence.incrementAndGet()));
        Path copy = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return new Staged(copy, sha256(copy));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "plugin jar [" + name + "] could not be staged (will retry): " + e);
            deleteTree(folder);
            return null;
        }
    }

    /** The plugins of one staged jar, valid or rejected with the reason. */
    private List<PluginHandle> load(String name, Staged copy) {
        PluginSource source = PluginSource.jar(name, copy.sha256);
        ModuleFinder finder = ModuleFinder.of(copy.path);
        ModuleReference ref;
        try {
            Set<ModuleReference> found = finder.findAll();
            if (found.isEmpty()) {
                return rejected(name, null, source, "the file holds no module");
            }
            ref = found.iterator().next();
        } catch (FindException e) {
            return rejected(name, null, source, "not a readable plugin jar: " + clean(PluginDiscovery.rootMessage(e), copy));
        }
        ModuleDescriptor descriptor = ref.descriptor();
        String module = descriptor.name();
        if (descriptor.provides().stream().noneMatch(p -> SERVICES.contains(p.service()))) {
            return rejected(name, module, source, "provides no plugin: module [" + module + "] declares no "
                    + "'provides io.marketintel.api.Analyzer with …' (or Executor) in its module-info.java, and a plain jar "
                    + "needs META-INF/services/io.marketintel.api.Analyzer");
        }
        ModuleLayer layer;
        try {
            Configuration cf = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of(module));
            layer = parent.defineModulesWithOneLoader(cf, Analyzer.class.getClassLoader());
        } catch (FindException e) {
            return rejected(name, module, source, "missing dependency: " + clean(e.getMessage(), copy)
                    + " (a plugin jar may require only modules the platform has, such as io.marketintel.api)");
        } catch (ResolutionException | LayerInstantiationException | SecurityException e) {
            return rejected(name, module, source, "module [" + module + "] cannot be loaded: " + clean(e.getMessage(), copy));
        }
        List<PluginHandle> plugins = PluginDiscovery.fromLayer(layer, source, copy.path);
        if (plugins.isEmpty()) {
            return rejected(name, module, source, "provides no plugin: no provider of io.marketintel.api.Analyzer or "
                    + "Executor could be found in module [" + module + "]");
        }
        return plugins;
    }

    private static List<PluginHandle> rejected(String name, String module, PluginSource source, String reason) {
        LOG.log(System.Logger.Level.WARNING, "plugin jar [" + name + "] rejected: " + reason);
        return List.of(PluginHandle.rejected(name, null, module == null ? "unknown" : module, reason, source));
    }

    private static String clean(String message, Staged copy) {
        return message == null ? "" : message.replace(copy.path.toString(), copy.path.getFileName().toString());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "could not delete [" + f + "]: " + e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete [" + root + "]: " + e.getMessage());
        }
    }

    private record Seen(long size, long modified) {
    }

    private record Known(Seen seen, String sha256) {
    }

    private record Staged(Path path, String sha256) {
    }
}
