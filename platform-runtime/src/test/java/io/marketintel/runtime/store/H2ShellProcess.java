package io.marketintel.runtime.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM holding the database open: H2's own {@code org.h2.tools.Shell}, fed statements on stdin.
 * Stands for "another running process" in lock and crash tests.
 */
final class H2ShellProcess implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder transcript = new StringBuilder();

    private H2ShellProcess(Process process) {
        this.process = process;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        }, "h2-shell-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a shell connected to {@code jdbcUrl} and waits until it has the database open. */
    static H2ShellProcess start(String jdbcUrl) throws IOException {
        String h2Jar;
        try {
            h2Jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", h2Jar, "org.h2.tools.Shell", "-url", jdbcUrl, "-user", Database.USER, "-password", "")
                .redirectErrorStream(true)
                .start();
        H2ShellProcess shell = new H2ShellProcess(p);
        shell.execute("SELECT 42 AS SHELL_READY;", "(1 row");
        return shell;
    }

    /** Sends {@code sql} and waits for an output line containing {@code expected}. */
    void execute(String sql, String expected) throws IOException {
        stdin.write(sql + "\n");
        stdin.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    transcript.append(line).append('\n');
                    if (line.contains(expected)) {
                        return;
                    }
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("H2 shell did not answer [" + expected + "] to [" + sql + "]:\n" + transcript);
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no clean close. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        kill();
    }
}
