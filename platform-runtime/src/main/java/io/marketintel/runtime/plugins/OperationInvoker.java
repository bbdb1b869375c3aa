package io.marketintel.runtime.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.marketintel.api.Accepted;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.ParamType;
import io.marketintel.api.PathParam;
import io.marketintel.api.Params;
import io.marketintel.api.market.ExchangeInfo;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.market.SymbolInfo;
import io.marketintel.runtime.errors.Errors;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.params.ParamBinder;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one operation for REST and the bus alike: checks the plugin is enabled, validates the path value
 * and the parameters against their declarations (symbols against exchange info), calls the handler under
 * the operation deadline, and serialises the result to {@code {"data": …}}. Every failure comes out as an
 * {@link IntelException}.
 */
public final class OperationInvoker {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final MarketData marketData;
    private final Clock clock;
    private final Duration timeout;
    private volatile KnownSymbols known = new KnownSymbols(null, Set.of());

    /**
     * @param marketData source of exchange info for symbol checks
     * @param clock      clock for health timestamps
     * @param timeout    deadline of one operation
     */
    public OperationInvoker(MarketData marketData, Clock clock, Duration timeout) {
        this.marketData = marketData;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Invokes {@code op} of {@code handle}.
     *
     * @param rawPath the symbol or id from the path or message, or null
     * @param raw     raw parameter values by name
     * @return the reply: JSON {@code {"data": …}} and its HTTP status (200, or 202 for an {@link Accepted} result)
     */
    public Future<Reply> invoke(PluginHandle handle, Operation op, String rawPath, Map<String, JsonNode> raw) {
        String what = "operation [" + handle.id() + "." + op.name() + "]";
        Future<Reply> result;
        try {
            checkState(handle);
            String pathValue = pathValue(op, rawPath);
            Params params = ParamBinder.bindAll(op.params(), raw, ParamBinder.Label.parameter());
            result = checkSymbols(op, pathValue, params)
                    .compose(v -> run(handle, op, new OperationRequest(pathValue, params), what));
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result
                .recover(failure -> Future.failedFuture(Errors.toIntel(failure, what)))
                .andThen(ar -> {
                    if (handle.state() != PluginState.REJECTED) {
                        boolean ok = ar.succeeded() || ((IntelException) ar.cause()).code().httpStatus() < 500;
                        handle.record(ok, ar.succeeded() ? null : ar.cause().getMessage(), clock.millis());
                    }
                });
    }

    private static void checkState(PluginHandle handle) {
        switch (handle.state()) {
            case ENABLED -> {
            }
            case DISABLED -> throw new IntelException(ErrorCode.PLUGIN_DISABLED, "plugin [" + handle.id() + "] is disabled",
                    Map.of("plugin", handle.id()));
            case FAILED -> throw new IntelException(ErrorCode.PLUGIN_DISABLED, "plugin [" + handle.id()
                    + "] failed to start: " + handle.reason(), Map.of("plugin", handle.id()));
            case REJECTED -> throw new IntelException(ErrorCode.NOT_FOUND, "plugin [" + handle.id() + "] was rejected: "
                    + handle.reason(), Map.of("plugin", handle.id()));
        }
    }

    private static String pathValue(Operation op, String raw) {
        return switch (op.pathParam()) {
            case NONE -> null;
            case SYMBOL -> {
                if (raw == null || raw.isBlank()) {
                    throw IntelException.invalidParameter("symbol", "parameter [symbol] is required");
                }
                yield (String) ParamBinder.bind(ParamSpec.symbol("symbol"), TextNode.valueOf(raw),
                        ParamBinder.Label.parameter(), false);
            }
            case ID -> {
                if (raw == null || !ID.matcher(raw).matches()) {
                    throw IntelException.invalidParameter("id", "parameter [id] must match [A-Za-z0-9._:-]{1,64}, was \""
                            + (raw == null ? "" : raw) + "\"");
                }
                yield raw;
            }
        };
    }

    private Future<Void> checkSymbols(Operation op, String pathValue, Params params) {
        List<String> symbols = new ArrayList<>();
        if (op.pathParam() == PathParam.SYMBOL) {
            symbols.add(pathValue);
        }
        for (ParamSpec spec : op.params()) {
            if (!params.has(spec.name())) {
                continue;
            }
            if (spec.type() == ParamType.SYMBOL) {
                symbols.add(params.string(spec.name()));
            } else if (spec.type() == ParamType.SYMBOL_LIST) {
                symbols.addAll(params.list(spec.name()));
            }
        }
        if (symbols.isEmpty()) {
            return Future.succeededFuture();
        }
        return marketData.exchangeInfo().map(info -> {
            Set<String> listed = known(info);
            for (String s : symbols) {
                if (!listed.contains(s)) {
                    throw IntelException.unknownSymbol(s);
                }
            }
            return null;
        });
    }

    private Set<String> known(ExchangeInfo info) {
        KnownSymbols k = known;
        if (k.info != info) {
            Set<String> names = new HashSet<>();
            for (SymbolInfo s : info.symbols()) {
                names.add(s.symbol());
            }
            k = new KnownSymbols(info, names);
            known = k;
        }
        return k.names;
    }

    private Future<Reply> run(PluginHandle handle, Operation op, OperationRequest request, String what) {
        Future<?> future;
        try {
            future = op.handler().handle(request);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        if (future == null) {
            return Future.failedFuture(new IllegalStateException(what + " returned no future"));
        }
        return future.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(failure -> failure instanceof java.util.concurrent.TimeoutException
                        ? Future.failedFuture(new IntelException(ErrorCode.TIMEOUT, what + " did not answer within "
                        + timeout.toSeconds() + " s", Map.of("timeout_ms", timeout.toMillis())))
                        : Future.failedFuture(failure))
                .map(value -> {
                    if (value == null) {
                        throw new IllegalStateException(what + " returned a null result");
                    }
                    return value instanceof Accepted<?> accepted ? new Reply(202, envelope(accepted.body()))
                            : new Reply(200, envelope(value));
                });
    }

    /** {@code {"data": value}} as bytes. */
    public static Buffer envelope(Object value) {
        return Json.encode(Map.of("data", value));
    }

    /**
     * An operation's answer.
     *
     * @param status HTTP status: 200, or 202 when the operation started a job
     * @param body   {@code {"data": …}}
     */
    public record Reply(int status, Buffer body) {
    }

    private record KnownSymbols(ExchangeInfo info, Set<String> names) {
    }
}
