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
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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
 * the operation deadline on the plugin's own context, and serialises the result to {@code {"data": …}} there.
 * Every failure comes out as an {@link IntelException}.
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
     * Invokes {@code op} of {@code handle}. When {@code handle} was replaced by another version meanwhile, the
     * operation of the same name of the new version runs; when it was removed, the answer is NOT_FOUND.
     *
     * @param rawPath the symbol or id from the path or message, or null
     * @param raw     raw parameter values by name
     * @return the reply: JSON {@code {"data": …}} and its HTTP status (200, or 202 for an {@link Accepted} result)
     */
    public Future<Reply> invoke(PluginHandle handle, Operation op, String rawPath, Map<String, JsonNode> raw) {
        PluginHandle h = handle;
        Operation o = op;
        while (!h.enter()) {
            PluginHandle next = h.successor();
            Operation same = next == null ? null : next.operations().get(o.name());
            if (same == null || same.method() != o.method() || same.pathParam() != o.pathParam()) {
                return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "operation [" + h.id() + "." + o.name()
                        + "] is no longer installed" + (next == null ? ": the plugin was removed"
                        : ": version " + next.descriptor().version() + " does not offer it"),
                        Map.of("plugin", h.id())));
            }
            h = next;
            o = same;
        }
        PluginHandle entered = h;
        Operation operation = o;
        String what = "operation [" + entered.id() + "." + operation.name() + "]";
        Future<Reply> result;
        try {
            checkState(entered);
            String pathValue = pathValue(operation, rawPath);
            Params params = ParamBinder.bindAll(operation.params(), raw, ParamBinder.Label.parameter());
            result = checkSymbols(operation, pathValue, params)
                    .compose(v -> run(entered, operation, new OperationRequest(pathValue, params), what));
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result
                .recover(failure -> Future.failedFuture(Errors.toIntel(failure, what)))
                .andThen(ar -> {
                    entered.exit();
                    if (entered.state() != PluginState.REJECTED) {
                        boolean ok = ar.succeeded() || ((IntelException) ar.cause()).code().httpStatus() < 500;
                        entered.record(ok, ar.succeeded() ? null : ar.cause().getMessage(), clock.millis());
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

    /**
     * Runs the handler on the plugin's own context (or, for a plugin without one, right here), measuring how long it
     * holds that thread, and serialises the result there too: a plugin that throws, blocks, never answers or returns
     * something unserialisable costs its own thread, never the caller's. The deadline is kept on the caller's side,
     * so it fires even while the plugin's thread is blocked.
     */
    private Future<Reply> run(PluginHandle handle, Operation op, OperationRequest request, String what) {
        PluginContextImpl context = handle.context();
        if (context == null || context.vertxContext() == null) {
            return call(handle, op, request, what).map(value -> reply(value, what));
        }
        Context target = context.vertxContext();
        Vertx vertx = target.owner();
        Context caller = Vertx.currentContext();
        Promise<Reply> promise = Promise.promise();
        long timer = vertx.setTimer(timeout.toMillis(), id -> promise.tryFail(timedOut(what)));
        target.runOnContext(v -> call(handle, op, request, what).onComplete(ar -> {
            // Serialise on the plugin's thread: a huge or broken result costs the plugin, not the caller.
            Runnable serialise = () -> {
                Reply reply = null;
                Throwable failure = ar.failed() ? ar.cause() : null;
                if (failure == null) {
                    try {
                        reply = reply(ar.result(), what);
                    } catch (RuntimeException | StackOverflowError e) {
                        failure = e;
                    }
                }
                Reply r = reply;
                Throwable f = failure;
                Runnable complete = () -> {
                    if (f == null) {
                        promise.tryComplete(r);
                    } else {
                        promise.tryFail(f);
                    }
                };
                if (caller == null) {
                    complete.run();
                } else {
                    caller.runOnContext(x -> complete.run());
                }
            };
            if (Vertx.currentContext() == target) {
                serialise.run();
            } else {
                target.runOnContext(x -> serialise.run());
            }
        }));
        return promise.future().andThen(ar -> vertx.cancelTimer(timer));
    }

    /** Calls the handler here and now, measuring how long it holds the thread. */
    private Future<?> call(PluginHandle handle, Operation op, OperationRequest request, String what) {
        long started = System.nanoTime();
        handle.busy(op.name(), started);
        Future<?> future;
        try {
            future = op.handler().handle(request);
        } catch (Throwable e) {
            future = Future.failedFuture(e);
        } finally {
            handle.idle(op.name(), System.nanoTime() - started, clock.millis());
        }
        if (future == null) {
            return Future.failedFuture(new IllegalStateException(what + " returned no future"));
        }
        if (handle.context() == null || handle.context().vertxContext() == null) {
            return future.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .recover(failure -> failure instanceof java.util.concurrent.TimeoutException
                            ? Future.failedFuture(timedOut(what)) : Future.failedFuture(failure));
        }
        return future;
    }

    private IntelException timedOut(String what) {
        return new IntelException(ErrorCode.TIMEOUT, what + " did not answer within " + timeout.toSeconds() + " s",
                Map.of("timeout_ms", timeout.toMillis()));
    }

    private static Reply reply(Object value, String what) {
        if (value == null) {
            throw new IllegalStateException(what + " returned a null result");
        }
        return value instanceof Accepted<?> accepted ? new Reply(202, envelope(accepted.body()))
                : new Reply(200, envelope(value));
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
