package io.marketintel.api;

import io.vertx.core.Future;

/**
 * The code behind an operation. It runs on the plugin's Vert.x context and must not block: do I/O
 * through the context's ports and heavy computation with {@code vertx.executeBlocking}.
 */
@FunctionalInterface
public interface OperationHandler {

    /**
     * @param request validated input
     * @return the result, a record (or list of records) serialised to snake_case JSON; fail the future
     *         with an {@link IntelException} for errors the caller should see
     */
    Future<?> handle(OperationRequest request);
}
