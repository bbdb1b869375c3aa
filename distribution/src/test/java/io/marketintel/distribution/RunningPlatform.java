package io.marketintel.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assembled distribution started as a real process, exactly as bin/market-intel starts it:
 * {@code java -p lib --add-modules ALL-MODULE-PATH -m io.marketintel.runtime/...Main}.
 */
public final class RunningPlatform implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://([0-9.]+):(\\d+)");

    final Process process;
    final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<Thread> pumps = new ArrayList<>();
    private volatile String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningPlatform(Process process) {
        this.process = process;
        pump(process.inputReader(StandardCharsets.UTF_8), stdout, true);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), stderr, false);
    }

    public static Path lib() {
        return Path.of(System.getProperty("marketintel.lib", "target/market-intel/lib"));
    }

    public static Path root() {
        return Path.of(System.getProperty("marketintel.root", ".."));
    }

    /**
     * Starts the distribution with the shipped config on {@code MI_MARKET=binance} against a fake Binance on
     * {@code port} (with the fake's API key and secret), data under {@code dir}, plus {@code extraEnv}; waits until
     * it answers.
     */
    public static RunningPlatform startOnFakeBinance(Path dir, int port, String apiKey, String apiSecret,
                                                     Map<String, String> extraEnv) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of(
                "MI_CONFIG", root().resolve("config/market-intel.yaml").toString(),
                "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", dir.resolve("data").toString(),
                "MI_MARKET", "binance",
                "MI_BINANCE_BASE_URL", "http://127.0.0.1:" + port,
                "MI_BINANCE_API_KEY", apiKey,
                "MI_BINANCE_API_SECRET", apiSecret));
        env.putAll(extraEnv);
        return start(env).awaitReady(Duration.ofSeconds(90));
    }

    /** Starts the distribution with {@code env} added to this environment (MI_* of the caller removed). */
    public static RunningPlatform start(Map<String, String> env) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java,
                "-Djava.util.logging.config.file=" + root().resolve("config/logging.properties"),
                "-p", lib().toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "io.marketintel.runtime/io.marketintel.runtime.Main");
        pb.environment().keySet().removeIf(k -> k.startsWith("MI_"));
        pb.environment().putAll(env);
        return new RunningPlatform(pb.start());
    }

    private void pump(BufferedReader reader, List<String> sink, boolean watchReady) {
        Thread t = new Thread(() -> {
            try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (watchReady && m.find()) {
                        base = "http://" + m.group(1) + ":" + m.group(2);
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "platform-output");
        t.setDaemon(true);
        t.start();
        pumps.add(t);
    }

    /** Waits until the platform announces its address. */
    public RunningPlatform awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("platform did not start within " + timeout + "\nstdout: " + stdout + "\nstderr: " + stderr);
        }
        return this;
    }

    /** The base URL, {@code http://127.0.0.1:<port>}, once ready. */
    public String base() {
        return base;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return postJson(path, json, null);
    }

    /** A JSON POST with the API token (null: none). */
    public HttpResponse<String> postJson(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends SIGTERM and waits for the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the output pipes.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("platform did not stop within " + timeout + " after SIGTERM");
        }
        awaitOutput();
        return process.exitValue();
    }

    /** Waits until everything the ended process printed has been read. */
    void awaitOutput() throws InterruptedException {
        for (Thread t : pumps) {
            t.join(5000);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
