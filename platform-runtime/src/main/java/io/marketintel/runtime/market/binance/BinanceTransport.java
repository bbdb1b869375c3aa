package io.marketintel.runtime.market.binance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Binance call end to end: circuit breaker → request-weight budget → signing (timestamp from the
 * server-time offset, recvWindow, HMAC of the exact query/body) → HTTP with a timeout → headers correct the
 * budget → the answer is classified ({@link BinanceFailure}) → bounded retries with exponential backoff and
 * jitter for idempotent GETs only; a {@code -1021} answer resynchronises the clock and is sent once more
 * (Binance rejected it unexecuted). Answers are JSON trees with exact decimals.
 */
final class BinanceTransport {

    private static final System.Logger LOG = System.getLogger(BinanceTransport.class.getName());

    /** Jackson tree reader: decimals stay exact ({@code "0.00010000"} and {@code 0.1} lose nothing). */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,})");
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final long DEFAULT_BAN_MS = 120_000;

    private final WebClient client;
    private final BinanceSettings settings;
    private final Scheduler scheduler;
    private final WeightBudget budget;
    private final ServerClock clock;
    private final BinanceSigner signer;
    private final Map<Endpoint.Family, CircuitBreaker> breakers = new EnumMap<>(Endpoint.Family.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object syncLock = new Object();

    private volatile boolean closed;
    private volatile String lastError;
    private volatile long lastErrorAt;
    private Future<Long> syncInFlight; // guarded by syncLock

    BinanceTransport(WebClient client, BinanceSettings settings, Scheduler scheduler, WeightBudget budget) {
        this.client = client;
        this.settings = settings;
        this.scheduler = scheduler;
        this.budget = budget;
        this.clock = new ServerClock(scheduler);
        this.signer = settings.hasCredentials() ? new BinanceSigner(settings.apiSecret()) : null;
        for (Endpoint.Family f : Endpoint.Family.values()) {
            breakers.put(f, new CircuitBreaker(f.label(), settings.breakerFailureThreshold(),
                    settings.breakerOpenDuration().toMillis(), scheduler));
        }
    }

    /** An answer with the local times around its HTTP exchange. */
    record Answer(JsonNode json, long sentAt, long receivedAt) {
    }

    /**
     * Calls {@code endpoint} with {@code params} (in the order given; signed endpoints get timestamp,
     * recvWindow and signature appended). The future completes on the caller's Vert.x context.
     */
    Future<JsonNode> call(Endpoint endpoint, Map<String, String> params) {
        return onCallerContext(attempt(endpoint, params, 0, false).map(Answer::json));
    }

    /** Measures the server-time offset from {@code /fapi/v1/time}; concurrent calls share one request. */
    Future<Long> syncTime() {
        synchronized (syncLock) {
            if (syncInFlight != null) {
                return syncInFlight;
            }
            Future<Long> f = attempt(Endpoint.TIME, Map.of(), 0, true).map(answer -> {
                JsonNode t = answer.json().get("serverTime");
                if (t == null || !t.canConvertToLong()) {
                    throw BinanceFailure.malformed(Endpoint.TIME, 200, "field [serverTime] is missing", false, null);
                }
                clock.update(t.asLong(), answer.sentAt(), answer.receivedAt());
                return clock.offsetMs();
            });
            syncInFlight = f;
            f.onComplete(ar -> {
                synchronized (syncLock) {
                    syncInFlight = null;
                }
            });
            return onCallerContext(f);
        }
    }

    ServerClock clock() {
        return clock;
    }

    WeightBudget budget() {
        return budget;
    }

    /** Requests on the wire now. */
    int inFlight() {
        return inFlight.get();
    }

    /** State of each family's circuit. */
    Map<String, String> circuitStates() {
        Map<String, String> out = new LinkedHashMap<>();
        breakers.forEach((f, b) -> out.put(f.label(), b.state().name()));
        return out;
    }

    CircuitBreaker breaker(Endpoint.Family family) {
        return breakers.get(family);
    }

    String lastError() {
        return lastError;
    }

    long lastErrorAt() {
        return lastErrorAt;
    }

    boolean hasCredentials() {
        return signer != null;
    }

    /** Refuses new calls. */
    void close() {
        closed = true;
    }

    // ---- pipeline ----

    private Future<Answer> attempt(Endpoint ep, Map<String, String> params, int retry, boolean resynced) {
        if (closed) {
            return Future.failedFuture(BinanceFailure.closed(ep));
        }
        if (ep.signed() && signer == null) {
            return Future.failedFuture(BinanceFailure.credentials(ep));
        }
        CircuitBreaker breaker = breakers.get(ep.family());
        if (!breaker.tryAcquire()) {
            return recordFailure(Future.failedFuture(BinanceFailure.circuitOpen(ep, breaker.retryInMs(),
                    breaker.lastFailure())));
        }
        Cost cost;
        try {
            cost = ep.cost(params);
        } catch (RuntimeException e) {
            breaker.abandon();
            return Future.failedFuture(e);
        }
        return budget.acquire(ep, cost, settings.maxQueueWait().toMillis()).transform(ar -> {
            if (ar.failed()) {
                breaker.abandon();
                return recordFailure(Future.failedFuture(ar.cause()));
            }
            return exchange(ep, params, breaker).recover(f -> afterFailure(ep, params, retry, resynced, f));
        });
    }

    private Future<Answer> afterFailure(Endpoint ep, Map<String, String> params, int retry, boolean resynced,
                                        Throwable failure) {
        if (failure instanceof BinanceFailure bf && !closed) {
            if (bf.kind() == BinanceFailure.Kind.REJECTED && bf.binanceCode() == -1021 && ep.signed() && !resynced) {
                // Rejected before execution because our timestamp was off: resync, send once more.
                LOG.log(System.Logger.Level.WARNING, ep.label() + " answered -1021 (timestamp outside recvWindow); "
                        + "resynchronising with the server clock");
                return syncTime().transform(ignored -> attempt(ep, params, retry, true));
            }
            if (ep.idempotent() && bf.retryable() && retry < settings.maxRetries()) {
                long delay = bf.kind() == BinanceFailure.Kind.RATE_LIMITED ? 0 : backoffMs(retry);
                return delay(delay).compose(v -> attempt(ep, params, retry + 1, resynced));
            }
        }
        return recordFailure(Future.failedFuture(failure));
    }

    private Future<Answer> exchange(Endpoint ep, Map<String, String> params, CircuitBreaker breaker) {
        Map<String, String> all = params;
        if (ep.signed()) {
            all = new LinkedHashMap<>(params);
            all.put("timestamp", Long.toString(clock.serverNow()));
            all.put("recvWindow", Long.toString(settings.recvWindowMs()));
        }
        String encoded = encode(all);
        if (ep.signed()) {
            encoded = (encoded.isEmpty() ? "" : encoded + "&") + "signature=" + signer.sign(encoded);
        }
        boolean inBody = ep.method() == HttpMethod.POST || ep.method() == HttpMethod.PUT;
        String uri = settings.baseUrl() + ep.path() + (!inBody && !encoded.isEmpty() ? "?" + encoded : "");
        long timeoutMs = settings.requestTimeout().toMillis();
        HttpRequest<Buffer> request = client.requestAbs(ep.method(), uri).timeout(timeoutMs);
        if (ep.signed()) {
            request.putHeader("X-MBX-APIKEY", settings.apiKey());
        }
        long sentAt = scheduler.now();
        inFlight.incrementAndGet();
        Future<HttpResponse<Buffer>> sent;
        try {
            sent = inBody
                    ? request.putHeader("Content-Type", "application/x-www-form-urlencoded")
                    .sendBuffer(Buffer.buffer(encoded))
                    : request.send();
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            breaker.abandon();
            return Future.failedFuture(e);
        }
        return sent.transform(ar -> {
            inFlight.decrementAndGet();
            long receivedAt = scheduler.now();
            if (ar.failed()) {
                return Future.failedFuture(transportFailure(ep, ar.cause(), breaker, timeoutMs));
            }
            try {
                return Future.succeededFuture(new Answer(handle(ep, ar.result(), breaker), sentAt, receivedAt));
            } catch (BinanceFailure f) {
                return Future.failedFuture(f);
            }
        });
    }

    private BinanceFailure transportFailure(Endpoint ep, Throwable cause, CircuitBreaker breaker, long timeoutMs) {
        boolean timeout = cause instanceof TimeoutException;
        breaker.onFailure(timeout ? "timeout" : String.valueOf(cause.getMessage()));
        // A refused connection never carried the request; anything else may have reached Binance.
        boolean unknown = !ep.idempotent() && !(cause instanceof ConnectException);
        // Vert.x's timeout message carries the full URI (for signed calls: parameters and signature): not kept.
        return timeout ? BinanceFailure.timeout(ep, timeoutMs, unknown, null)
                : BinanceFailure.connection(ep, cause, unknown);
    }

    private JsonNode handle(Endpoint ep, HttpResponse<Buffer> response, CircuitBreaker breaker) {
        int status = response.statusCode();
        budget.observe(intHeader(response, "X-MBX-USED-WEIGHT-1M"), intHeader(response, "X-MBX-ORDER-COUNT-10S"),
                intHeader(response, "X-MBX-ORDER-COUNT-1M"), clock.serverNow(), clock.offsetMs());
        Buffer body = response.body();
        if (status >= 200 && status < 300) {
            JsonNode json;
            try {
                json = body == null ? null : MAPPER.readTree(body.getBytes());
            } catch (IOException e) {
                breaker.onFailure("malformed answer");
                throw BinanceFailure.malformed(ep, status, shortReason(e), !ep.idempotent(), e);
            }
            if (json == null || json.isMissingNode()) {
                breaker.onFailure("empty answer");
                throw BinanceFailure.malformed(ep, status, "the body is empty", !ep.idempotent(), null);
            }
            breaker.onSuccess();
            return json;
        }
        String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        ErrorBody error = ErrorBody.parse(text);
        if (status == 429) {
            breaker.abandon();
            long retryAfter = retryAfterMs(response, 60_000 - Math.floorMod(clock.serverNow(), 60_000L) + 1000);
            budget.pause(scheduler.now() + retryAfter);
            throw BinanceFailure.rateLimited(ep, status, retryAfter, error.code, error.msg);
        }
        if (status == 418) {
            breaker.abandon();
            long until = scheduler.now() + retryAfterMs(response, DEFAULT_BAN_MS);
            if (error.msg != null) {
                Matcher m = BANNED_UNTIL.matcher(error.msg);
                if (m.find()) {
                    until = Math.max(until, Long.parseLong(m.group(1)) - clock.offsetMs());
                }
            }
            budget.ban(until);
            throw BinanceFailure.banned(ep, until, error.code, error.msg);
        }
        if (status == 403) {
            breaker.abandon();
            throw BinanceFailure.forbidden(ep, text);
        }
        if (status == 408 || status >= 500 || error.code == -1006 || error.code == -1007) {
            breaker.onFailure("HTTP " + status);
            throw BinanceFailure.serverError(ep, status, text, !ep.idempotent());
        }
        breaker.onSuccess(); // a Binance 4xx answer: the endpoint works, the request was refused
        if (error.code == 0) {
            throw BinanceFailure.malformed(ep, status, "HTTP " + status + " without a Binance error body", false,
                    null);
        }
        throw BinanceFailure.rejected(ep, status, error.code, error.msg);
    }

    private long retryAfterMs(HttpResponse<Buffer> response, long fallbackMs) {
        String value = response.getHeader("Retry-After");
        if (value != null) {
            try {
                return Math.max(1000L, Long.parseLong(value.strip()) * 1000L);
            } catch (NumberFormatException ignored) {
                // an HTTP date or garbage: use the fallback
            }
        }
        return Math.max(1000L, fallbackMs);
    }

    private static int intHeader(HttpResponse<Buffer> response, String name) {
        String v = response.getHeader(name);
        if (v == null) {
            return -1;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String shortReason(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /** Exponential backoff with equal jitter: half of {@code base·2^retry}, plus up to the other half. */
    long backoffMs(int retry) {
        long exp = settings.retryBaseDelay().toMillis() << Math.min(retry, 20);
        long capped = Math.min(MAX_BACKOFF_MS, exp);
        long half = Math.max(1, capped / 2);
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }

    private Future<Void> delay(long ms) {
        Promise<Void> p = Promise.promise();
        scheduler.schedule(ms, p::tryComplete);
        return p.future();
    }

    private <T> Future<T> recordFailure(Future<T> failed) {
        Throwable cause = failed.cause();
        if (cause != null) {
            lastError = cause.getMessage();
            lastErrorAt = scheduler.now();
        }
        return failed;
    }

    private static <T> Future<T> onCallerContext(Future<T> future) {
        Context ctx = Vertx.currentContext();
        if (ctx == null) {
            return future;
        }
        Promise<T> promise = Promise.promise();
        future.onComplete(ar -> {
            if (Vertx.currentContext() == ctx) {
                promise.handle(ar);
            } else {
                ctx.runOnContext(v -> promise.handle(ar));
            }
        });
        return promise.future();
    }

    /** {@code k=v&k=v}, each part form-URL-encoded; the exact string that is signed and sent. */
    static String encode(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** Binance's error body {@code {"code":-1121,"msg":"Invalid symbol."}}; code 0 when absent. */
    record ErrorBody(int code, String msg) {
        static ErrorBody parse(String text) {
            if (text == null || text.isBlank()) {
                return new ErrorBody(0, null);
            }
            try {
                JsonNode n = MAPPER.readTree(text);
                if (n != null && n.isObject() && n.has("code")) {
                    JsonNode msg = n.get("msg");
                    return new ErrorBody(n.get("code").asInt(), msg == null ? null : msg.asText());
                }
            } catch (IOException ignored) {
                // not JSON
            }
            return new ErrorBody(0, null);
        }
    }
}
