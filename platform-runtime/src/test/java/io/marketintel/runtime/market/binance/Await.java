package io.marketintel.runtime.market.binance;

import io.marketintel.api.IntelException;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking helpers for the JUnit thread (never an event loop). */
final class Await {

    private Await() {
    }

    static <T> T value(Future<T> future) {
        return value(future, 20);
    }

    /** Waits at most {@code seconds}: a bound against hangs only (shared CI machines can be slow), not a speed test. */
    static <T> T value(Future<T> future, int seconds) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected a value, got " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("no answer within " + seconds + " s", e);
        }
    }

    static IntelException failure(Future<?> future) {
        try {
            Object value = future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof IntelException ie)) {
                throw new AssertionError("expected an IntelException, got " + e.getCause(), e.getCause());
            }
            return ie;
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("no answer within 20 s", e);
        }
    }
}
