package io.marketintel.runtime.plugins;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars for tests: sources compiled with javax.tools against the modules of this JVM (the API, Vert.x,
 * Jackson), then jarred. Plugins are described by {@link Spec}: a small analyzer with an operation {@code hello}
 * answering its version and configured greeting, plus whatever operations the test adds.
 */
final class TestJars {

    private TestJars() {
    }

    /**
     * A test plugin.
     *
     * @param module     module name ({@code null}: a plain jar, an automatic module)
     * @param id         plugin id (also the route prefix)
     * @param version    plugin version
     * @param apiVersion API version it claims
     * @param extraOps   more {@code Operation} expressions, each followed by a comma
     * @param members    more members of the plugin class
     * @param requires   more {@code requires} lines for module-info
     */
    record Spec(String module, String id, String version, String apiVersion, String extraOps, String members,
                String requires) {

        static Spec of(String id, String version) {
            return new Spec("test." + id.replace('-', '.'), id, version, "1.0", "", "", "");
        }

        Spec api(String api) {
            return new Spec(module, id, version, api, extraOps, members, requires);
        }

        Spec ops(String ops) {
            return new Spec(module, id, version, apiVersion, extraOps + ops, members, requires);
        }

        Spec members(String more) {
            return new Spec(module, id, version, apiVersion, extraOps, members + more, requires);
        }

        Spec requires(String more) {
            return new Spec(module, id, version, apiVersion, extraOps, members, requires + more);
        }

        Spec module(String name) {
            return new Spec(name, id, version, apiVersion, extraOps, members, requires);
        }

        String pkg() {
            return "test.plugin." + id.replace('-', '_') + ".v" + version.replace('.', '_');
        }
    }

    /** Compiles {@code spec} and jars it into {@code jar}. */
    static Path plugin(Path work, Spec spec, Path jar) throws IOException {
        return plugin(work, spec, jar, List.of());
    }

    /** Compiles {@code spec} (with more modules to compile against) and jars it into {@code jar}. */
    static Path plugin(Path work, Spec spec, Path jar, List<Path> moreModules) throws IOException {
        String pkg = spec.pkg();
        String source = """
                package %s;

                import io.marketintel.api.*;
                import io.vertx.core.Future;
                import io.vertx.core.Promise;
                import java.util.List;

                public final class TestAnalyzer implements Analyzer {
                    public record Hello(String pluginVersion, String greetingText, long greeting) {
                    }

                    private volatile PluginContext ctx;

                    @Override
                    public PluginDescriptor descriptor() {
                        return new PluginDescriptor("%s", "%s", "Test %s", "%s", "%s", PluginKind.ANALYZER, "a test plugin",
                                List.of(ParamSpec.integer("greeting", 7).range(0, 100).describe("a number")));
                    }

                    @Override
                    public List<Operation> operations() {
                        return List.of(%s
                                Operation.get("hello").describe("says hello")
                                        .handler(r -> Future.succeededFuture(new Hello("%s", "hi", ctx.config().longValue("greeting")))));
                    }

                    @Override
                    public Future<Void> start(PluginContext context) {
                        this.ctx = context;
                        return Future.succeededFuture();
                    }
                    %s
                }
                """.formatted(pkg, spec.id(), spec.id(), spec.id(), spec.version(), spec.apiVersion(), spec.extraOps(),
                spec.version(), spec.members());
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        sources.put(pkg.replace('.', '/') + "/TestAnalyzer.java", source);
        Map<String, String> resources = new java.util.LinkedHashMap<>();
        if (spec.module() != null) {
            sources.put("module-info.java", """
                    module %s {
                        requires io.marketintel.api;
                        %s
                        provides io.marketintel.api.Analyzer with %s.TestAnalyzer;
                        opens %s to com.fasterxml.jackson.databind;
                    }
                    """.formatted(spec.module(), spec.requires(), pkg, pkg));
        } else {
            resources.put("META-INF/services/io.marketintel.api.Analyzer", pkg + ".TestAnalyzer\n");
        }
        Path classes = compile(work, sources, moreModules, spec.module() != null);
        return jar(classes, resources, jar);
    }

    /** Compiles {@code sources} (path → text) into a fresh folder under {@code work}. */
    static Path compile(Path work, Map<String, String> sources, List<Path> moreModules, boolean modular)
            throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        Path out = Files.createTempDirectory(work, "classes");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        String path = System.getProperty("jdk.module.path", "");
        for (Path p : moreModules) {
            path = path + File.pathSeparator + p;
        }
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn", "-Xlint:none",
                "--release", "17"));
        args.addAll(modular ? List.of("--module-path", path) : List.of("-classpath", path));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed (" + rc + "): " + errors + "\nargs: " + args);
        }
        return out;
    }

    /** Jars the files of {@code classes} plus {@code resources} (path → text) into {@code jar}. */
    static Path jar(Path classes, Map<String, String> resources, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path folder = jar.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Not a *.jar name: the plugin folder ignores it until it is moved into place.
        Path tmp = Files.createTempFile(folder, ".building-", ".tmp");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                out.putNextEntry(new JarEntry(r.getKey()));
                out.write(r.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        // Appears complete in one step, as an operator's `mv` would.
        return Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
