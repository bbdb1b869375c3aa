package io.marketintel.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.runtime.plugins.InProcessPlatform.Answer;
import io.marketintel.runtime.plugins.TestJars.Spec;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drop-in plugin jars in a running platform: each jar in a module layer of its own, added, replaced and removed
 * while the platform serves, without a restart; the old layer unloaded; incompatible and broken jars refused with
 * the reason while the rest keeps working.
 */
class DropInPluginsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Built once: compiling takes a moment. */
    private static final Map<String, Path> JARS = new ConcurrentHashMap<>();
    private static Path work;

    @BeforeAll
    static void work(@TempDir Path dir) {
        work = dir;
    }

    @AfterAll
    static void forget() {
        JARS.clear();
    }

    /** The jar of {@code spec}, built on first use. */
    static Path jar(String name, Spec spec) throws IOException {
        Path built = JARS.get(name);
        if (built == null) {
            built = TestJars.plugin(work, spec, work.resolve("built").resolve(name));
            JARS.put(name, built);
        }
        return built;
    }

    /** Copies a built jar into the plugin folder the way an operator should: complete, in one move. */
    static void drop(InProcessPlatform p, Path jar, String as) throws IOException {
        Path tmp = p.pluginsDir.resolve("." + as + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, p.pluginsDir.resolve(as), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Spec alpha(String version) {
        return Spec.of("alpha", version).ops("""
                Operation.get("slow").describe("answers after a while, without blocking")
                        .handler(r -> {
                            Promise<Hello> p = Promise.promise();
                            ctx.vertx().setTimer(1500, t -> p.complete(new Hello("%s", "slow", 0)));
                            return p.future();
                        }),
                """.formatted(version));
    }

    @Test
    void aJarDroppedInWhileRunningIsLoadedIntoItsOwnLayerAndAnswersOnRestAndBus(@TempDir Path home) throws Exception {
        try (InProcessPlatform p = InProcessPlatform.start(home, "plugins:\n  alpha:\n    greeting: 42\n", Map.of())) {
            assertThat(p.get("/api/intelligence/alpha/hello").status()).isEqualTo(404);
            drop(p, jar("alpha-1.jar", alpha("1.0.0")), "alpha.jar");

            Answer hello = p.await("/api/intelligence/alpha/hello", a -> a.status() == 200, WAIT);
            assertThat(hello.data().get("plugin_version").asText()).isEqualTo("1.0.0");
            assertThat(hello.data().get("greeting").asLong()).as("pending config section applied").isEqualTo(42);

            JsonNode view = p.plugin("alpha", v -> true);
            assertThat(view.get("state").asText()).isEqualTo("ENABLED");
            assertThat(view.get("module").asText()).isEqualTo("test.alpha");
            assertThat(view.get("source").get("kind").asText()).isEqualTo("jar");
            assertThat(view.get("source").get("file").asText()).isEqualTo("alpha.jar");
            assertThat(view.get("source").get("sha256").asText()).hasSize(64);

            PluginHandle h = p.platform.plugins().byId("alpha").orElseThrow();
            Module module = h.plugin().getClass().getModule();
            assertThat(module.getLayer()).as("a layer of its own").isNotSameAs(ModuleLayer.boot());
            assertThat(module.getLayer().parents()).containsExactly(ModuleLayer.boot());
            assertThat(module.getClassLoader()).isNotSameAs(PluginManager.class.getClassLoader());

            JsonObject reply = p.platform.vertx().eventBus().<JsonObject>request("intel.alpha.hello", new JsonObject())
                    .await(10, TimeUnit.SECONDS).body();
            assertThat(reply.getJsonObject("data").getString("plugin_version")).isEqualTo("1.0.0");
        }
    }

    /** A weak reference to the class loader of the plugin serving {@code id} (kept out of the caller's frame). */
    static WeakReference<ClassLoader> loaderOf(InProcessPlatform p, String id) {
        return new WeakReference<>(p.platform.plugins().byId(id).orElseThrow().plugin().getClass().getClassLoader());
    }

    /** Collects garbage until {@code ref} is cleared; fails after an outer bound. */
    static void assertCollected(WeakReference<?> ref, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(ref.get()).as(what + " was collected").isNull();
    }

    @Test
    void aNewVersionReplacesTheOldWithoutDroppingRequestsAndTheOldLayerIsUnloaded(@TempDir Path home) throws Exception {
        try (InProcessPlatform p = InProcessPlatform.start(home, "", Map.of())) {
            drop(p, jar("alpha-1.jar", alpha("1.0.0")), "alpha.jar");
            drop(p, jar("beta-1.jar", Spec.of("beta", "1.0.0")), "beta.jar");
            p.await("/api/intelligence/alpha/hello", a -> a.status() == 200, WAIT);
            p.await("/api/intelligence/beta/hello", a -> a.status() == 200, WAIT);
            WeakReference<ClassLoader> v1 = loaderOf(p, "alpha");

            ExecutorService pool = Executors.newFixedThreadPool(3);
            AtomicBoolean done = new AtomicBoolean();
            try {
                // A request inside version 1 when version 2 arrives: it finishes on version 1.
                Future<Answer> slow = pool.submit(() -> p.get("/api/intelligence/alpha/slow"));
                Thread.sleep(300);
                List<Answer> others = java.util.Collections.synchronizedList(new ArrayList<>());
                List<String> alphaVersions = java.util.Collections.synchronizedList(new ArrayList<>());
                Future<?> hammer = pool.submit(() -> {
                    while (!done.get()) {
                        others.add(p.get("/api/intelligence/beta/hello"));
                        Answer a = p.get("/api/intelligence/alpha/hello");
                        alphaVersions.add(a.status() == 200 ? a.data().get("plugin_version").asText() : "HTTP " + a.status());
                    }
                    return null;
                });
                drop(p, jar("alpha-2.jar", alpha("2.0.0")), "alpha.jar");
                p.await("/api/intelligence/alpha/hello", a -> a.status() == 200
                        && a.data().get("plugin_version").asText().equals("2.0.0"), WAIT);
                Answer inFlight = slow.get(20, TimeUnit.SECONDS);
                Thread.sleep(200);
                done.set(true);
                hammer.get(20, TimeUnit.SECONDS);

                assertThat(inFlight.status()).as("the in-flight request to version 1").isEqualTo(200);
                assertThat(inFlight.data().get("plugin_version").asText()).isEqualTo("1.0.0");
                assertThat(others).isNotEmpty().allSatisfy(a -> assertThat(a.status()).as(a.body().toString()).isEqualTo(200));
                assertThat(alphaVersions).isNotEmpty().allMatch(v -> v.equals("1.0.0") || v.equals("2.0.0"));
                int firstNew = alphaVersions.indexOf("2.0.0");
                assertThat(alphaVersions.subList(Math.max(firstNew, 0), alphaVersions.size())).as("never back to 1.0.0")
                        .doesNotContain("1.0.0");
            } finally {
                done.set(true);
                pool.shutdownNow();
            }
            List<JsonNode> alphas = new ArrayList<>();
            p.get("/api/plugins").data().forEach(v -> {
                if (v.get("id").asText().equals("alpha")) {
                    alphas.add(v);
                }
            });
            assertThat(alphas).hasSize(1);
            assertThat(alphas.get(0).get("version").asText()).isEqualTo("2.0.0");
            assertCollected(v1, "the class loader of version 1");
        }
    }

    @Test
    void removingTheJarWithdrawsRoutesAndBusConsumersAndUnloadsItsLayer(@TempDir Path home) throws Exception {
        try (InProcessPlatform p = InProcessPlatform.start(home, "", Map.of())) {
            drop(p, jar("alpha-1.jar", alpha("1.0.0")), "alpha.jar");
            drop(p, jar("beta-1.jar", Spec.of("beta", "1.0.0")), "beta.jar");
            p.await("/api/intelligence/alpha/hello", a -> a.status() == 200, WAIT);
            p.await("/api/intelligence/beta/hello", a -> a.status() == 200, WAIT);
            WeakReference<ClassLoader> loader = loaderOf(p, "alpha");
            Path staging = home.resolve("data").resolve("plugins-staging");
            assertThat(stagedJars(staging)).contains("alpha.jar", "beta.jar");

            Files.delete(p.pluginsDir.resolve("alpha.jar"));
            Answer gone = p.await("/api/intelligence/alpha/hello", a -> a.status() == 404, WAIT);
            assertThat(gone.error()).contains("alpha");
            assertThat(p.plugin("alpha", v -> true)).as("no longer listed").isNull();
            Throwable bus = p.platform.vertx().eventBus().request("intel.alpha.hello", new JsonObject())
                    .transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())).await(10, TimeUnit.SECONDS);
            assertThat(bus).isInstanceOf(ReplyException.class);
            assertThat(p.get("/api/intelligence/beta/hello").status()).as("the other plugin").isEqualTo(200);

            assertCollected(loader, "the class loader of the removed plugin");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stagedJars(staging).contains("alpha.jar") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(stagedJars(staging)).as("staged copy deleted").containsExactly("beta.jar");
        }
    }

    /** The REJECTED entry for {@code id} in GET /api/plugins, once there. */
    private static JsonNode awaitRejected(InProcessPlatform p, String id) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode v = p.plugin(id, e -> e.get("state").asText().equals("REJECTED"));
            if (v != null) {
                return v;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no REJECTED entry for [" + id + "] in " + p.get("/api/plugins").body());
    }

    @Test
    void incompatibleDuplicateUnresolvableAndBrokenJarsAreRejectedWithTheReasonWhileTheRestWorks(@TempDir Path home)
            throws Exception {
        Path stub = TestJars.compile(work, Map.of("module-info.java", "module test.missing { }"), List.of(), true);
        Path missing = TestJars.plugin(work, Spec.of("needy", "1.0.0").requires("requires test.missing;"),
                work.resolve("built").resolve("needy.jar"), List.of(stub));
        Path noProvider = TestJars.jar(TestJars.compile(work, Map.of("module-info.java",
                "module test.empty { requires io.marketintel.api; }", "test/empty/Nothing.java",
                "package test.empty; public final class Nothing { }"), List.of(), true), Map.of(),
                work.resolve("built").resolve("empty.jar"));
        try (InProcessPlatform p = InProcessPlatform.start(home, "", Map.of())) {
            drop(p, jar("alpha-1.jar", alpha("1.0.0")), "alpha.jar");
            p.await("/api/intelligence/alpha/hello", a -> a.status() == 200, WAIT);

            drop(p, jar("major.jar", Spec.of("major", "1.0.0").api("2.0")), "major.jar");
            drop(p, jar("minor.jar", Spec.of("minor", "1.0.0").api("1.9")), "minor.jar");
            drop(p, jar("alpha-dup.jar", alpha("3.0.0").module("test.alpha.copy")), "zz-alpha-copy.jar");
            drop(p, missing, "needy.jar");
            drop(p, noProvider, "empty.jar");
            drop(p, jar("throws.jar", Spec.of("throwing", "1.0.0").members(
                    "public TestAnalyzer() { throw new IllegalStateException(\"no licence key\"); }")), "throwing.jar");
            Files.writeString(p.pluginsDir.resolve("broken.jar"), "this is not a zip");
            Path auto = TestJars.plugin(work, Spec.of("auto", "1.0.0").module(null),
                    work.resolve("built").resolve("auto-plugin-1.0.0.jar"));
            drop(p, auto, "auto-plugin-1.0.0.jar");

            assertThat(awaitRejected(p, "major").get("reason").asText())
                    .isEqualTo("built for platform API 2.0, this platform offers 1.0 (same major version and a minor "
                            + "version not newer are required)");
            assertThat(awaitRejected(p, "minor").get("reason").asText()).startsWith("built for platform API 1.9, this platform offers 1.0");
            JsonNode dup = awaitRejected(p, "alpha");
            assertThat(dup.get("reason").asText()).isEqualTo("duplicate plugin id [alpha], already provided by module "
                    + "[test.alpha] of jar [alpha.jar] (sha256 " + p.plugin("alpha", v -> v.get("state").asText()
                    .equals("ENABLED")).get("source").get("sha256").asText().substring(0, 12) + "…)");
            assertThat(dup.get("source").get("file").asText()).isEqualTo("zz-alpha-copy.jar");
            assertThat(awaitRejected(p, "needy.jar").get("reason").asText())
                    .startsWith("missing dependency: Module test.missing not found, required by test.needy");
            assertThat(awaitRejected(p, "empty.jar").get("reason").asText())
                    .startsWith("provides no plugin: module [test.empty] declares no 'provides io.marketintel.api.Analyzer");
            assertThat(awaitRejected(p, "test.plugin.throwing.v1_0_0.TestAnalyzer").get("reason").asText())
                    .isEqualTo("provider [test.plugin.throwing.v1_0_0.TestAnalyzer] could not be instantiated: "
                            + "IllegalStateException: no licence key");
            assertThat(awaitRejected(p, "broken.jar").get("reason").asText()).startsWith("not a readable plugin jar: ");

            Answer autoHello = p.await("/api/intelligence/auto/hello", a -> a.status() == 200, WAIT);
            assertThat(autoHello.data().get("plugin_version").asText()).as("a plain jar, as an automatic module").isEqualTo("1.0.0");
            assertThat(p.plugin("auto", v -> true).get("module").asText()).isEqualTo("auto.plugin");
            assertThat(p.get("/api/intelligence/alpha/hello").data().get("plugin_version").asText())
                    .as("the first alpha keeps serving").isEqualTo("1.0.0");
            Answer health = p.get("/api/health");
            assertThat(health.data().get("status").asText()).isEqualTo("UP");
            assertThat(health.data().get("plugins").get("rejected").asInt()).isEqualTo(7);

            // The holder of the id goes: the copy that was refused for it gets in.
            Files.delete(p.pluginsDir.resolve("alpha.jar"));
            p.await("/api/intelligence/alpha/hello", a -> a.status() == 200
                    && a.data().get("plugin_version").asText().equals("3.0.0"), WAIT);
        }
    }

    @Test
    void aRefusedNewVersionLeavesTheOldOneServing(@TempDir Path home) throws Exception {
        try (InProcessPlatform p = InProcessPlatform.start(home, "", Map.of())) {
            drop(p, jar("alpha-1.jar", alpha("1.0.0")), "alpha.jar");
            p.await("/api/intelligence/alpha/hello", a -> a.status() == 200, WAIT);

            drop(p, jar("alpha-2-major.jar", alpha("2.0.0").api("2.0")), "alpha.jar");
            JsonNode refused = awaitRejected(p, "alpha");
            assertThat(refused.get("reason").asText()).isEqualTo("built for platform API 2.0, this platform offers 1.0 "
                    + "(same major version and a minor version not newer are required); version 1.0.0 keeps serving");
            assertThat(p.get("/api/intelligence/alpha/hello").data().get("plugin_version").asText()).isEqualTo("1.0.0");

            Files.writeString(p.pluginsDir.resolve("alpha.jar"), "garbage");
            awaitRejected(p, "alpha.jar");
            assertThat(p.get("/api/intelligence/alpha/hello").data().get("plugin_version").asText()).isEqualTo("1.0.0");

            drop(p, jar("alpha-2.jar", alpha("2.0.0")), "alpha.jar");
            p.await("/api/intelligence/alpha/hello", a -> a.status() == 200
                    && a.data().get("plugin_version").asText().equals("2.0.0"), WAIT);
            assertThat(p.plugin("alpha.jar", v -> true)).as("the broken entry is gone with the fixed jar").isNull();
        }
    }

    @Test
    void aDropInPluginTakesItsSectionOfTheConfigFileAndAnInvalidOneKeepsItFromStartingUntilFixed(@TempDir Path home)
            throws Exception {
        try (InProcessPlatform p = InProcessPlatform.start(home, "plugins:\n  alpha:\n    greeting: 500\n", Map.of())) {
            drop(p, jar("alpha-1.jar", alpha("1.0.0")), "alpha.jar");
            Answer failed = p.await("/api/intelligence/alpha/hello", a -> a.status() == 503, WAIT);
            assertThat(failed.error()).contains("plugins.alpha.greeting", "must be within [0, 100]");
            assertThat(p.plugin("alpha", v -> true).get("state").asText()).isEqualTo("FAILED");

            Files.writeString(home.resolve("market-intel.yaml"), "plugins:\n  alpha:\n    greeting: 55\n");
            Answer ok = p.await("/api/intelligence/alpha/hello", a -> a.status() == 200, WAIT);
            assertThat(ok.data().get("greeting").asLong()).isEqualTo(55);

            Files.writeString(home.resolve("market-intel.yaml"), "plugins:\n  alpha:\n    greeting: 55\n    enabled: false\n");
            p.await("/api/intelligence/alpha/hello", a -> a.status() == 503, WAIT);
            // A new version inherits the switch.
            drop(p, jar("alpha-2.jar", alpha("2.0.0")), "alpha.jar");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!p.plugin("alpha", v -> true).get("version").asText().equals("2.0.0") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            JsonNode v2 = p.plugin("alpha", v -> true);
            assertThat(v2.get("version").asText()).isEqualTo("2.0.0");
            assertThat(v2.get("state").asText()).isEqualTo("DISABLED");
        }
    }

    static Spec faulty() {
        return Spec.of("faulty", "1.0.0").members("""
                    public static final class Cycle {
                        public Cycle getSelf() {
                            return this;
                        }
                    }

                    static void sleep(long ms) {
                        try {
                            Thread.sleep(ms);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                """).ops("""
                Operation.get("boom").handler(r -> {
                    throw new IllegalStateException("boom");
                }),
                Operation.get("hang").handler(r -> Promise.<Hello>promise().future()),
                Operation.get("block").handler(r -> {
                    sleep(1500);
                    return Future.succeededFuture(new Hello("1.0.0", "late", 0));
                }),
                Operation.get("nothing").handler(r -> Future.succeededFuture(null)),
                Operation.get("cycle").handler(r -> Future.succeededFuture(new Cycle())),
                Operation.get("stuck").handler(r -> {
                    sleep(5000);
                    return Future.succeededFuture(new Hello("1.0.0", "very late", 0));
                }),
                Operation.get("timer-block").handler(r -> {
                    ctx.vertx().setTimer(10, t -> sleep(1500));
                    return Future.succeededFuture(new Hello("1.0.0", "quick", 0));
                }),
                """);
    }

    @Test
    void aPluginThatThrowsHangsBlocksOrAnswersGarbageCannotTakeTheOthersDown(@TempDir Path home) throws Exception {
        try (InProcessPlatform p = InProcessPlatform.start(home, "", Map.of("MI_HTTP_OPERATION_TIMEOUT_SECONDS", "2"))) {
            drop(p, jar("alpha-1.jar", alpha("1.0.0")), "alpha.jar");
            drop(p, jar("beta-1.jar", Spec.of("beta", "1.0.0")), "beta.jar");
            drop(p, jar("faulty.jar", faulty()), "faulty.jar");
            for (String id : List.of("alpha", "beta", "faulty")) {
                p.await("/api/intelligence/" + id + "/hello", a -> a.status() == 200, WAIT);
            }
            ExecutorService pool = Executors.newFixedThreadPool(10);
            AtomicBoolean done = new AtomicBoolean();
            try {
                List<Answer> healthy = java.util.Collections.synchronizedList(new ArrayList<>());
                List<Future<?>> hammers = new ArrayList<>();
                for (String id : List.of("alpha", "beta")) {
                    hammers.add(pool.submit(() -> {
                        while (!done.get()) {
                            healthy.add(p.get("/api/intelligence/" + id + "/hello"));
                        }
                        return null;
                    }));
                }
                // The plugin's calls queue on its own thread: the quick faults first, then the blocking ones.
                Map<String, Answer> answers = new java.util.LinkedHashMap<>();
                for (String op : List.of("boom", "nothing", "cycle", "hang")) {
                    answers.put(op, p.get("/api/intelligence/faulty/" + op));
                }
                List<Future<Answer>> blocks = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    blocks.add(pool.submit(() -> p.get("/api/intelligence/faulty/block")));
                }
                List<Integer> blockStatuses = new ArrayList<>();
                for (Future<Answer> b : blocks) {
                    blockStatuses.add(b.get(30, TimeUnit.SECONDS).status());
                }
                done.set(true);
                for (Future<?> h : hammers) {
                    h.get(30, TimeUnit.SECONDS);
                }

                assertThat(healthy).as("the healthy plugins answered all along").hasSizeGreaterThan(4)
                        .allSatisfy(a -> assertThat(a.status()).as(a.body().toString()).isEqualTo(200));
                assertThat(answers.get("hang").status()).isEqualTo(504);
                assertThat(answers.get("hang").error()).isEqualTo("operation [faulty.hang] did not answer within 2 s");
                for (String op : List.of("boom", "nothing", "cycle")) {
                    assertThat(answers.get(op).status()).as(op).isEqualTo(500);
                    assertThat(answers.get(op).error()).as(op).startsWith("internal error in operation [faulty.")
                            .doesNotContain("Exception");
                }
                // 1.5 s each, one after the other on the plugin's thread: the later ones miss the 2 s deadline.
                assertThat(blockStatuses).contains(200).allMatch(st -> st == 200 || st == 504);
            } finally {
                done.set(true);
                pool.shutdownNow();
            }
            // Its thread is free again once a quick call gets through (the late blocks ran on after their 504s).
            p.await("/api/intelligence/faulty/hello", a -> a.status() == 200, WAIT);
            JsonNode health = p.plugin("faulty", v -> true).get("health");
            assertThat(health.get("blocked_calls").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(health.get("last_blocked").get("operation").asText()).isEqualTo("block");
            assertThat(health.get("last_blocked").get("held_ms").asLong()).isGreaterThanOrEqualTo(1400);
            assertThat(health.get("max_held_ms").asLong()).isGreaterThanOrEqualTo(1400);
            assertThat(p.plugin("alpha", v -> true).get("health").get("blocked_calls").asLong()).isZero();

            for (int i = 0; i < 5; i++) {
                assertThat(p.get("/api/intelligence/faulty/boom").status()).isEqualTo(500);
            }
            assertThat(p.plugin("faulty", v -> true).get("health").get("status").asText()).isEqualTo("UNHEALTHY");
            assertThat(p.get("/api/health").data().get("status").asText()).isEqualTo("DEGRADED");
            assertThat(p.get("/api/intelligence/faulty/hello").status()).as("still serves what works").isEqualTo(200);

            // Blocking in a timer, outside any handler: the probe notices.
            assertThat(p.get("/api/intelligence/faulty/timer-block").status()).isEqualTo(200);
            p.await("/api/plugins/faulty", a -> a.data().get("health").get("last_blocked").get("operation").asText()
                    .equals("(callback or timer)"), WAIT);

            // Held right now: health says so while it lasts, and the others still answer.
            Future<Answer> stuck = Executors.newSingleThreadExecutor().submit(() -> p.get("/api/intelligence/faulty/stuck"));
            Answer now = p.await("/api/health", a -> a.data().get("plugins").get("blocked_threads").findValues("plugin")
                    .stream().anyMatch(n -> n.asText().equals("faulty")) && a.data().get("plugins").get("blocked_threads")
                    .get(0).hasNonNull("blocked_now_ms"), WAIT);
            assertThat(now.data().get("plugins").get("blocked_threads").get(0).get("blocked_now_ms").asLong())
                    .isGreaterThan(1000);
            assertThat(p.get("/api/intelligence/alpha/hello").status()).isEqualTo(200);
            assertThat(p.get("/api/intelligence/beta/hello").status()).isEqualTo(200);
            assertThat(stuck.get(30, TimeUnit.SECONDS).status()).isEqualTo(504);
        }
    }

    private static List<String> stagedJars(Path staging) throws IOException {
        try (var files = Files.walk(staging)) {
            return files.filter(f -> f.toString().endsWith(".jar")).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
