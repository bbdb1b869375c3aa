package io.marketintel.api;

import java.util.Objects;

/**
 * One validated invocation of an operation.
 *
 * @param pathValue the symbol or id from the path (REST) or the {@code symbol}/{@code id} field (bus), or null
 *                  when the operation takes none; symbols are upper case and known to exchange info
 * @param params    validated parameter values
 */
public record OperationRequest(String pathValue, Params params) {

    public OperationRequest {
        Objects.requireNonNull(params, "params");
    }

    /** The symbol of an operation declared with {@link PathParam#SYMBOL}. */
    public String symbol() {
        if (pathValue == null) {
            throw new IllegalStateException("this operation was not declared with a symbol path parameter");
        }
        return pathValue;
    }

    /** The id of an operation declared with {@link PathParam#ID}. */
    public String id() {
        return symbol();
    }
}
