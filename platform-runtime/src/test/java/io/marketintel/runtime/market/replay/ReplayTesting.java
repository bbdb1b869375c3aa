package io.marketintel.runtime.market.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.IntelException;
import io.vertx.core.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/** Helpers of the replay tests: blocking waits (JUnit thread, never an event loop) and the shared data. */
final class ReplayTesting {

    private ReplayTesting() {
    }

    static <T> T ok(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected a value, got " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static IntelException failure(Future<?> future) {
        try {
            Object value = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(IntelException.class);
            return (IntelException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A folder of the shared Binance data ({@code ../shared/data/binance/<sub>}), or a skip saying it is missing.
     */
    static Path shared(String sub) {
        String dir = System.getProperty("marketintel.shared.data");
        Path p = dir == null ? null : Path.of(dir, sub);
        Assumptions.assumeTrue(p != null && Files.isDirectory(p), "shared Binance data missing (expected "
                + "../shared/data/binance/" + sub + ", system property marketintel.shared.data = " + dir
                + "): skipping the real-data replay check");
        return p;
    }
}
