package io.marketintel.runtime.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.runtime.Platform;
import io.marketintel.runtime.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The real platform started in this JVM (simulated market, free port) with a plugin folder of its own, and an HTTP
 * client for it.
 */
final class InProcessPlatform implements AutoCloseable {

    final Path home;
    final Path pluginsDir;
    final Platform platform;

    private InProcessPlatform(Path home, Path pluginsDir, Platform platform) {
        this.home = home;
        this.pluginsDir = pluginsDir;
        this.platform = platform;
    }

    /** Starts with {@code yaml} as config file and {@code env} added to the defaults. */
    static InProcessPlatform start(Path home, String yaml, Map<String, String> env) throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins-ext"));
        Path config = Files.writeString(home.resolve("market-intel.yaml"), yaml);
        Map<String, String> all = new HashMap<>(Map.of("MI_CONFIG", config.toString(), "MI_HTTP_PORT", "0",
                "MI_DATA_DIR", home.resolve("data").toString(), "MI_PLUGINS_DIR", plugins.toString(),
                "MI_CONFIG_WATCH_INTERVAL_MS", "200"));
        all.putAll(env);
        return new InProcessPlatform(home, plugins, Platform.start(all, new PrintStream(new ByteArrayOutputStream())));
    }

    /** An answer: status and parsed body. */
    record Answer(int status, JsonNode body) {
        JsonNode data() {
            return body.get("data");
        }

        String error() {
            return body.has("error") ? body.get("error").get("message").asText() : null;
        }
    }

    Answer get(String path) throws IOException {
        return request("GET", path);
    }

    Answer request(String method, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + platform.port() + path).toURL()
                .openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Answer(status, Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** The entry of plugin {@code id} in {@code GET /api/plugins} that matches {@code which}, or null. */
    JsonNode plugin(String id, Predicate<JsonNode> which) throws IOException {
        for (JsonNode p : get("/api/plugins").data()) {
            if (p.get("id").asText().equals(id) && which.test(p)) {
                return p;
            }
        }
        return null;
    }

    /** Polls {@code path} until {@code until} holds (at most {@code timeout}); the last answer. */
    Answer await(String path, Predicate<Answer> until, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " did not reach the expected answer within " + timeout + "; last: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    @Override
    public void close() throws Exception {
        platform.close(Duration.ofSeconds(30));
    }
}
