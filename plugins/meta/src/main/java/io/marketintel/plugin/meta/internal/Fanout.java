package io.marketintel.plugin.meta.internal;

import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.PluginContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parallel part of a complete analysis: one {@code ctx.call} per wanted section, all at once, each with its own
 * deadline; every section ends in an answer or a {@link SectionError}, never in a failed whole.
 *
 * <p>The deadline is enforced twice: as the bus request's timeout (the runtime answers TIMEOUT) and, a little later
 * ({@value #GUARD_GRACE_MS} ms), by this class itself, so a context whose calls never time out cannot hang the
 * analysis. Durations are measured with {@link System#nanoTime()}: they are real elapsed time, also when a replay
 * clock runs faster.
 */
final class Fanout {

    /** Extra time the own guard waits beyond the bus deadline. */
    static final long GUARD_GRACE_MS = 250;

    private Fanout() {
    }

    /** What one section gave. */
    private record Part(Section section, JsonObject data, SectionError error, long durationMs) {
    }

    /**
     * Runs the wanted sections of {@code symbol} in parallel.
     *
     * @return always a succeeded future
     */
    static Future<CompleteResult> run(PluginContext ctx, String symbol, Set<Section> wanted, CompleteSettings s) {
        long requestedAt = ctx.clock().millis();
        List<Future<Part>> parts = new ArrayList<>();
        for (Section section : Section.values()) {
            if (wanted.contains(section)) {
                parts.add(one(ctx, symbol, section, s.deadline(section)));
            }
        }
        return Future.join(parts).transform(ignored -> {
            Map<Section, Part> bySection = new LinkedHashMap<>();
            for (Future<Part> f : parts) {
                Part p = f.result();
                bySection.put(p.section(), p);
            }
            return Future.succeededFuture(assemble(symbol, wanted, bySection, requestedAt));
        });
    }

    private static Future<Part> one(PluginContext ctx, String symbol, Section section, Duration deadline) {
        long started = System.nanoTime();
        Future<JsonObject> call;
        try {
            call = ctx.call(section.pluginId(), section.operation(), symbol, Map.of(), deadline);
        } catch (RuntimeException e) {
            call = Future.failedFuture(e);
        }
        return call.timeout(deadline.toMillis() + GUARD_GRACE_MS, TimeUnit.MILLISECONDS)
                .transform(ar -> {
                    long ms = (System.nanoTime() - started) / 1_000_000L;
                    if (ar.succeeded()) {
                        Object data = ar.result() == null ? null : ar.result().getValue("data");
                        if (data instanceof JsonObject o) {
                            return Future.succeededFuture(new Part(section, o, null, ms));
                        }
                        return Future.succeededFuture(new Part(section, null, new SectionError(
                                ErrorCode.UPSTREAM_ERROR.name(), "operation [" + section.pluginId() + "."
                                + section.operation() + "] answered without a {\"data\": {…}} object",
                                ErrorCode.UPSTREAM_ERROR.httpStatus(), section.pluginId(), Map.of()), ms));
                    }
                    return Future.succeededFuture(new Part(section, null, error(section, deadline, ar.cause()), ms));
                });
    }

    private static SectionError error(Section section, Duration deadline, Throwable cause) {
        String what = "operation [" + section.pluginId() + "." + section.operation() + "]";
        if (cause instanceof IntelException ie) {
            return new SectionError(ie.code().name(), ie.getMessage(), ie.code().httpStatus(), section.pluginId(),
                    ie.details());
        }
        if (cause instanceof TimeoutException) {
            return new SectionError(ErrorCode.TIMEOUT.name(), what + " did not answer within " + deadline.toMillis()
                    + " ms", ErrorCode.TIMEOUT.httpStatus(), section.pluginId(),
                    Map.of("deadline_ms", deadline.toMillis()));
        }
        return new SectionError(ErrorCode.INTERNAL_ERROR.name(), what + " failed: " + cause.getMessage(),
                ErrorCode.INTERNAL_ERROR.httpStatus(), section.pluginId(), Map.of());
    }

    private static CompleteResult assemble(String symbol, Set<Section> wanted, Map<Section, Part> parts,
                                           long requestedAt) {
        Map<String, SectionError> errors = new LinkedHashMap<>();
        Map<String, Long> durations = new LinkedHashMap<>();
        Map<Section, Map<String, Object>> data = new LinkedHashMap<>();
        Long dataTime = null;
        int ok = 0;
        for (Part p : parts.values()) {
            durations.put(p.section().key(), p.durationMs());
            if (p.error() != null) {
                errors.put(p.section().key(), p.error());
                continue;
            }
            ok++;
            data.put(p.section(), Jsons.plain(p.data()));
            Object t = p.data().getValue("data_time");
            if (t instanceof Number n) {
                dataTime = dataTime == null ? n.longValue() : Math.max(dataTime, n.longValue());
            }
        }
        return new CompleteResult(symbol, data.get(Section.FUNDING_SENTIMENT), data.get(Section.ORDERBOOK),
                data.get(Section.LIQUIDATIONS), data.get(Section.MTF_CONFLUENCE), data.get(Section.VOLUME_PROFILE),
                errors, ok, wanted.size(), durations, dataTime, requestedAt);
    }
}
