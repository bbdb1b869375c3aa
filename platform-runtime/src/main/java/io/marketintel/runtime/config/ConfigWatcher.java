package io.marketintel.runtime.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Re-reads the config file every {@code interval} and hands a changed, valid configuration to
 * {@code onChange}. An invalid change is handed to {@code onRejected} and the configuration in force
 * stays. File reading and parsing run on a worker thread. Comparing content hashes (not only the
 * modification time) makes it immune to coarse file-system timestamps and editors that rewrite files.
 */
public final class ConfigWatcher {

    private static final System.Logger LOG = System.getLogger(ConfigWatcher.class.getName());

    private final Vertx vertx;
    private final Path file;
    private final Duration interval;
    private final Supplier<ConfigLoader> loader;
    private final Consumer<PlatformConfig> onChange;
    private final Consumer<ConfigException> onRejected;
    private volatile byte[] lastHash;
    private long timer = -1;
    private boolean checking;

    /**
     * @param vertx      Vert.x
     * @param file       file to watch
     * @param interval   polling interval
     * @param loader     builds a loader for the plugins installed at the time of the check
     * @param onChange   receives each valid new configuration
     * @param onRejected receives the error of each invalid change (once per distinct content)
     */
    public ConfigWatcher(Vertx vertx, Path file, Duration interval, Supplier<ConfigLoader> loader,
                         Consumer<PlatformConfig> onChange, Consumer<ConfigException> onRejected) {
        this.vertx = vertx;
        this.file = file;
        this.interval = interval;
        this.loader = loader;
        this.onChange = onChange;
        this.onRejected = onRejected;
    }

    /** Starts watching; the content present now counts as already applied. */
    public Future<Void> start() {
        return vertx.executeBlocking(() -> hash(read())).map(h -> {
            lastHash = h;
            timer = vertx.setPeriodic(interval.toMillis(), id -> check());
            return null;
        });
    }

    /** Stops watching. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** Checks the file once now (also used by tests). */
    public Future<Void> check() {
        if (checking) {
            return Future.succeededFuture();
        }
        checking = true;
        return vertx.<Outcome>executeBlocking(() -> {
            byte[] content = read();
            byte[] h = hash(content);
            if (Arrays.equals(h, lastHash)) {
                return null;
            }
            if (content == null) {
                return new Outcome(h, null, new ConfigException(null, "config file [" + file + "] was removed"));
            }
            try {
                return new Outcome(h, loader.get().parse(file, new String(content, java.nio.charset.StandardCharsets.UTF_8)),
                        null);
            } catch (ConfigException e) {
                return new Outcome(h, null, e);
            }
        }).map(outcome -> {
            if (outcome != null) {
                lastHash = outcome.hash;
                if (outcome.config != null) {
                    LOG.log(System.Logger.Level.INFO, "config file [" + file + "] changed; applying it");
                    onChange.accept(outcome.config);
                } else {
                    LOG.log(System.Logger.Level.ERROR, "config file [" + file + "] changed but was rejected, the "
                            + "previous configuration stays in force: " + outcome.error.getMessage());
                    onRejected.accept(outcome.error);
                }
            }
            return (Void) null;
        }).onComplete(ar -> checking = false)
                .recover(e -> {
                    LOG.log(System.Logger.Level.WARNING, "config file [" + file + "] could not be checked: " + e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /** The file's bytes, or null when it does not exist. */
    private byte[] read() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static byte[] hash(byte[] content) {
        try {
            return content == null ? new byte[0] : MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(byte[] hash, PlatformConfig config, ConfigException error) {
    }
}
