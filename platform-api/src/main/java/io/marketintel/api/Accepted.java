package io.marketintel.api;

import java.util.Objects;

/**
 * A result that says "started, not finished": an operation whose handler answers {@code Accepted} is
 * answered with HTTP 202 and {@code {"data": body}} (on the bus, the same body). Use it for jobs the caller
 * follows afterwards (an order execution with an id to poll or to watch on {@code intel.events.<plugin>}).
 *
 * @param body what the caller needs to follow the job (its id, where to look)
 * @param <T>  type of the body
 */
public record Accepted<T>(T body) {

    public Accepted {
        Objects.requireNonNull(body, "body");
    }
}
