package io.marketintel.runtime.market.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Period;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small Binance-USDⓈ-M-compatible HTTP server for tests, on 127.0.0.1 and a random port. It serves the real
 * response formats, built from the shared data folder ({@link FakeData}): the real depth snapshots truncated to
 * the requested limit, real klines (spot 1h CSVs and the USDⓈ-M XRPUSDT 5m file as 12-field arrays), the real
 * exchangeInfo (rate limits replaced by the ones this fake enforces), real leverage brackets and XRPUSDT funding,
 * and plausible values for the rest in the documented shapes.
 *
 * <p>Like Binance it counts request weight per minute (its own copy of the documented table), statistics calls
 * per 5 minutes and orders per 10 s / minute, answers {@code X-MBX-USED-WEIGHT-1M} (and the order-count headers),
 * answers 429 with {@code Retry-After} and a {@code -1003} body when a limit is exceeded and 418 (an IP ban) after
 * repeated abuse. Signed endpoints check the API key, the HMAC-SHA256 signature of {@code query + body}
 * ({@code -1022}) and the timestamp against its own clock and recvWindow ({@code -1021}). Orders: MARKET orders fill
 * against the book, LIMIT orders fill when marketable or rest, client order ids are unique ({@code -4116}),
 * conditional types on {@code /fapi/v1/order} get {@code -4120}, conditional orders go through
 * {@code /fapi/v1/algoOrder}. Faults can be injected per endpoint ({@link Fault}).
 *
 * <p>Use: {@code new FakeBinance(clock).start(vertx)} answers the port; {@link #baseUrl()};
 * {@link #close()}. Standalone: {@link #main(String[])} (see its Javadoc). Thread-safe.
 */
public final class FakeBinance {

    /** API key the fake accepts unless {@link #credentials(String, String)} says otherwise. */
    public static final String API_KEY = "fake-binance-api-key";
    /** API secret the fake verifies signatures with unless {@link #credentials(String, String)} says otherwise. */
    public static final String API_SECRET = "fake-binance-api-secret";

    private static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    private static final Set<String> CONDITIONAL_TYPES = Set.of("STOP", "STOP_MARKET", "TAKE_PROFIT",
            "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET");
    private static final List<Integer> DEPTH_LIMITS = List.of(5, 10, 20, 50, 100, 500, 1000);
    private static final long MINUTE = 60_000L;
    private static final long FIVE_MINUTES = 300_000L;

    /**
     * A fault to inject into the next matching requests.
     *
     * @param kind            what happens
     * @param status          HTTP status for {@link Kind#STATUS}
     * @param body            body for {@link Kind#STATUS} (null: a Binance-like default)
     * @param delayMs         delay for {@link Kind#LATENCY}
     * @param after           apply it after the request took effect (an order placed, then the answer lost)
     */
    public record Fault(Kind kind, int status, String body, long delayMs, boolean after) {

        /** Fault kinds. */
        public enum Kind { STATUS, LATENCY, TRUNCATED_JSON, HANG, RESET }

        /** Answer {@code status} with a Binance-like body. */
        public static Fault status(int status) {
            return new Fault(Kind.STATUS, status, null, 0, false);
        }

        /** Answer {@code status} with {@code body}. */
        public static Fault status(int status, String body) {
            return new Fault(Kind.STATUS, status, body, 0, false);
        }

        /** Answer normally after {@code delay} (real time). */
        public static Fault latency(Duration delay) {
            return new Fault(Kind.LATENCY, 0, null, delay.toMillis(), false);
        }

        /** Answer 200 with the first half of the real body. */
        public static Fault truncatedJson() {
            return new Fault(Kind.TRUNCATED_JSON, 200, null, 0, true);
        }

        /** Never answer (until the fake closes). */
        public static Fault hang() {
            return new Fault(Kind.HANG, 0, null, 0, false);
        }

        /** Close the connection without an answer. */
        public static Fault reset() {
            return new Fault(Kind.RESET, 0, null, 0, false);
        }

        /** The same fault, applied after the request took effect. */
        public Fault afterProcessing() {
            return new Fault(kind, status, body, delayMs, true);
        }
    }

    /**
     * One request as the fake saw it.
     *
     * @param method     HTTP method
     * @param path       path
     * @param query      raw query string ("" when none)
     * @param serverTime the fake's server time when it arrived
     * @param status     the status answered (0 when it hung or was reset)
     * @param code       the Binance error code answered, 0 when none
     */
    public record Recorded(String method, String path, String query, long serverTime, int status, int code) {
    }

    private final Clock clock;
    private volatile boolean shiftKlines;
    private volatile long klineShift;
    private final Path dataDir;
    private final ObjectMapper json = new ObjectMapper();
    private final Object lock = new Object();
    private final Set<HttpServerRequest> hanging = ConcurrentHashMap.newKeySet();
    private final Map<String, String> depthBodies = new ConcurrentHashMap<>();

    // configuration and state, guarded by lock
    private String apiKey = API_KEY;
    private String apiSecret = API_SECRET;
    private int weightLimit = 2400;
    private int orders10sLimit = 300;
    private int orders1mLimit = 1200;
    private int statisticsLimit = 1000;
    private int fundingLimit = 500;
    private long offsetMs;
    private int banAfter = 10;
    private long banMs = 120_000;
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private long weightWindow = Long.MIN_VALUE;
    private int weightUsed;
    private int externalWeight;
    private int rejectedInWindow;
    private long statisticsWindow = Long.MIN_VALUE;
    private int statisticsUsed;
    private long fundingWindow = Long.MIN_VALUE;
    private int fundingUsed;
    private long orders10sWindow = Long.MIN_VALUE;
    private int orders10sUsed;
    private long orders1mWindow = Long.MIN_VALUE;
    private int orders1mUsed;
    private long bannedUntil;
    private final List<Recorded> log = new ArrayList<>();
    private final FakeTrading trading = new FakeTrading();

    private volatile FakeData data;
    private volatile Vertx vertx;
    private volatile HttpServer server;
    private volatile int port = -1;

    /** A fake on the system clock and the default data folder. */
    public FakeBinance() {
        this(Clock.systemUTC(), FakeData.defaultDir());
    }

    /** A fake on {@code clock} (tests pass the connector's fake clock) and the default data folder. */
    public FakeBinance(Clock clock) {
        this(clock, FakeData.defaultDir());
    }

    /** A fake on {@code clock} serving the data in {@code dataDir}. */
    public FakeBinance(Clock clock, Path dataDir) {
        this.clock = clock;
        this.dataDir = dataDir;
    }

    /** A fake on {@code clock} serving already loaded data (tests share one load). */
    FakeBinance(Clock clock, FakeData preloaded) {
        this.clock = clock;
        this.dataDir = null;
        this.data = preloaded;
    }

    /** Whether the shared data is there; tests that need the fake skip with this reason otherwise. */
    public static java.util.Optional<String> dataMissing() {
        return FakeData.missing(FakeData.defaultDir());
    }

    // ---- configuration ----

    /** Credentials the signed endpoints accept. */
    public FakeBinance credentials(String key, String secret) {
        synchronized (lock) {
            this.apiKey = key;
            this.apiSecret = secret;
        }
        return this;
    }

    /** REQUEST_WEIGHT per minute (announced in exchangeInfo and enforced). */
    public FakeBinance requestWeightLimit(int perMinute) {
        synchronized (lock) {
            this.weightLimit = perMinute;
        }
        return this;
    }

    /** ORDERS limits (announced and enforced). */
    public FakeBinance orderLimits(int per10s, int perMinute) {
        synchronized (lock) {
            this.orders10sLimit = per10s;
            this.orders1mLimit = perMinute;
        }
        return this;
    }

    /** Calls of {@code /futures/data/*} per 5 minutes. */
    public FakeBinance statisticsLimit(int per5min) {
        synchronized (lock) {
            this.statisticsLimit = per5min;
        }
        return this;
    }

    /**
     * Serves the recorded klines moved forward by whole days so that the last hourly candle closes within the
     * last day before now (at start), as a live exchange's history would: requests for "the last N candles
     * before now" then find data. Recorded 2021–2023 times are served as they are otherwise.
     */
    public FakeBinance shiftKlinesToNow() {
        this.shiftKlines = true;
        return this;
    }

    /** The server clock runs this far ahead of (negative: behind) the injected clock. */
    public FakeBinance serverClockOffset(Duration offset) {
        synchronized (lock) {
            this.offsetMs = offset.toMillis();
        }
        return this;
    }

    /** After {@code rejections} 429s within one minute the IP is banned (418) for {@code duration}. */
    public FakeBinance banAfter(int rejections, Duration duration) {
        synchronized (lock) {
            this.banAfter = rejections;
            this.banMs = duration.toMillis();
        }
        return this;
    }

    /** Bans the IP now for {@code duration}, as after earlier abuse. */
    public FakeBinance banFor(Duration duration) {
        synchronized (lock) {
            bannedUntil = serverNow() + duration.toMillis();
        }
        return this;
    }

    /** Spends weight in the current minute as another process on the same IP would. */
    public FakeBinance consumeWeight(int weight) {
        synchronized (lock) {
            rollWindows(serverNow());
            weightUsed += weight;
            externalWeight += weight;
        }
        return this;
    }

    /**
     * Injects {@code fault} into the next {@code times} requests of {@code endpoint}: {@code "/fapi/v1/depth"}
     * (any method) or {@code "POST /fapi/v1/order"}.
     */
    public FakeBinance inject(String endpoint, Fault fault, int times) {
        synchronized (lock) {
            Deque<Fault> q = faults.computeIfAbsent(endpoint, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.addLast(fault);
            }
        }
        return this;
    }

    /** Removes every pending fault. */
    public FakeBinance clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
        return this;
    }

    // ---- observation ----

    /** Every request seen, in arrival order. */
    public List<Recorded> requests() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    /** Requests of {@code endpoint} ({@code "/fapi/v1/depth"} or {@code "POST /fapi/v1/order"}). */
    public long count(String endpoint) {
        synchronized (lock) {
            return log.stream().filter(r -> matches(endpoint, r.method(), r.path())).count();
        }
    }

    /** Answers with HTTP {@code status} so far. */
    public long statusCount(int status) {
        synchronized (lock) {
            return log.stream().filter(r -> r.status() == status).count();
        }
    }

    /** Weight counted in the current minute. */
    public int usedWeight() {
        synchronized (lock) {
            rollWindows(serverNow());
            return weightUsed;
        }
    }

    /** Orders the fake holds (all states). */
    public int orderCount() {
        synchronized (lock) {
            return trading.orders.size();
        }
    }

    /** Conditional orders the fake holds (all states). */
    public int algoOrderCount() {
        synchronized (lock) {
            return trading.algoOrders.size();
        }
    }

    /** The fake's server time now. */
    public long serverNow() {
        return clock.millis() + offsetMs;
    }

    // ---- life cycle ----

    /** Loads the data (on a worker thread) and listens on 127.0.0.1 and a random port. */
    public Future<Integer> start(Vertx vertx) {
        return start(vertx, 0);
    }

    /** Same on {@code port} (0 = random). */
    public Future<Integer> start(Vertx vertx, int port) {
        this.vertx = vertx;
        FakeData loaded = data;
        Future<FakeData> ready = loaded != null ? Future.succeededFuture(loaded)
                : vertx.executeBlocking(() -> FakeData.load(dataDir));
        return ready.compose(d -> {
            this.data = d;
            if (shiftKlines) {
                List<FakeData.Bar> btc = d.bars("BTCUSDT", Interval.H1);
                long recordedEnd = btc.get(btc.size() - 1).openTime() + Interval.H1.millis();
                klineShift = Math.floorDiv(serverNow() - recordedEnd, Interval.D1.millis()) * Interval.D1.millis();
            }
            HttpServer s = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
            this.server = s;
            return s.requestHandler(this::onRequest).listen();
        }).map(s -> {
            this.port = s.actualPort();
            return this.port;
        });
    }

    /** The port, once started. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, once started. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Closes hung requests and the server. */
    public Future<Void> close() {
        for (HttpServerRequest r : hanging) {
            r.connection().close();
        }
        hanging.clear();
        HttpServer s = server;
        return s == null ? Future.succeededFuture() : s.close();
    }

    /**
     * Runs the fake standalone so the platform can be started against it. From the project root:
     * <pre>
     * mvn -B -q -pl platform-runtime -am test-compile
     * mvn -B -q -pl platform-runtime -am dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/mi-cp.txt
     * java -cp platform-runtime/target/test-classes:platform-runtime/target/classes:platform-api/target/classes:$(cat /tmp/mi-cp.txt) \
     *      io.marketintel.runtime.market.binance.FakeBinance --port 18181 --data ../shared/data/binance
     * MI_MARKET=binance MI_BINANCE_BASE_URL=http://127.0.0.1:18181 \
     *      MI_BINANCE_API_KEY=fake-binance-api-key MI_BINANCE_API_SECRET=fake-binance-api-secret bin/market-intel
     * </pre>
     * Arguments: {@code [--port N] [--data DIR] [--weight-limit N] [--key K --secret S]}; it runs on the system
     * clock until killed.
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        Path dir = FakeData.defaultDir();
        Integer limit = null;
        String key = API_KEY;
        String secret = API_SECRET;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> dir = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--weight-limit" -> limit = Integer.parseInt(args[++i]);
                case "--key" -> key = args[++i];
                case "--secret" -> secret = args[++i];
                default -> throw new IllegalArgumentException("unknown argument [" + args[i] + "]; use --port N "
                        + "--data DIR --weight-limit N --key K --secret S");
            }
        }
        Vertx vertx = Vertx.vertx();
        FakeBinance fake = new FakeBinance(Clock.systemUTC(), dir).credentials(key, secret);
        if (limit != null) {
            fake.requestWeightLimit(limit);
        }
        int actual = fake.start(vertx, port).toCompletionStage().toCompletableFuture().get();
        System.out.println("FakeBinance listening on http://127.0.0.1:" + actual + " (data " + dir + ")");
        System.out.println("  MI_MARKET=binance MI_BINANCE_BASE_URL=http://127.0.0.1:" + actual
                + " MI_BINANCE_API_KEY=" + key + " MI_BINANCE_API_SECRET="
                + (API_SECRET.equals(secret) ? API_SECRET : "<the --secret given>"));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            vertx.close();
            stop.countDown();
        }));
        stop.await();
    }

    // ---- request handling ----

    private record Reply(int status, String body, int code, Map<String, String> headers) {
    }

    /** A Binance error answer. */
    static final class FakeError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final int code;

        FakeError(int status, int code, String msg) {
            super(msg, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private void onRequest(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            try {
                handle(req, body);
            } catch (RuntimeException e) {
                req.response().setStatusCode(500).end("{\"code\":-1000,\"msg\":\"fake failure: " + e + "\"}");
            }
        });
    }

    private void handle(HttpServerRequest req, Buffer body) {
        String method = req.method().name();
        String path = req.path();
        String rawQuery = req.query() == null ? "" : req.query();
        String rawBody = body.toString(StandardCharsets.UTF_8);
        Map<String, String> params = parse(rawQuery);
        params.putAll(parse(rawBody));
        String route = method + " " + path;
        if (!ROUTES.contains(route)) {
            finish(req, record(method, path, rawQuery, serverNow()), new Reply(404, "{\"code\":-1000,\"msg\":\"Not "
                    + "found: " + route + "\"}", -1000, Map.of()));
            return;
        }
        long now = serverNow();
        Reply reject;
        Fault fault;
        Map<String, String> headers = new LinkedHashMap<>();
        int index;
        synchronized (lock) {
            index = record(method, path, rawQuery, now);
            reject = admit(route, params, now, headers);
            fault = reject == null ? pollFault(method, path) : null;
        }
        if (reject != null) {
            finish(req, index, reject);
            return;
        }
        if (fault != null && !fault.after() && fault.kind() != Fault.Kind.TRUNCATED_JSON) {
            switch (fault.kind()) {
                case HANG -> {
                    hanging.add(req);
                    return;
                }
                case RESET -> {
                    req.connection().close();
                    return;
                }
                case STATUS -> {
                    finish(req, index, faultReply(fault, headers));
                    return;
                }
                case LATENCY -> {
                    vertx.setTimer(Math.max(1, fault.delayMs()), id -> process(req, index, route, params, rawQuery,
                            rawBody, headers, null));
                    return;
                }
                default -> {
                    // handled below
                }
            }
        }
        process(req, index, route, params, rawQuery, rawBody, headers, fault);
    }

    private void process(HttpServerRequest req, int index, String route, Map<String, String> params,
                         String rawQuery, String rawBody, Map<String, String> headers, Fault after) {
        Reply reply;
        try {
            long now = serverNow();
            if (SIGNED.contains(route)) {
                verify(req.getHeader("X-MBX-APIKEY"), rawQuery, rawBody, params, now);
            }
            String out;
            synchronized (lock) {
                out = dispatch(route, params, now);
            }
            reply = new Reply(200, out, 0, headers);
        } catch (FakeError e) {
            reply = new Reply(e.status, error(e.code, e.getMessage()), e.code, headers);
        }
        if (after != null && after.kind() != Fault.Kind.LATENCY) {
            switch (after.kind()) {
                case HANG -> {
                    hanging.add(req);
                    return;
                }
                case RESET -> {
                    req.connection().close();
                    return;
                }
                case STATUS -> reply = faultReply(after, headers);
                case TRUNCATED_JSON -> reply = new Reply(200, reply.body().substring(0, reply.body().length() / 2), 0,
                        headers);
                default -> {
                    // no-op
                }
            }
        }
        finish(req, index, reply);
    }

    private Reply faultReply(Fault f, Map<String, String> headers) {
        String body = f.body() != null ? f.body() : f.status() >= 500
                ? error(-1001, "Internal error; unable to process your request. Please try again.")
                : error(-1000, "An unknown error occured while processing the request.");
        return new Reply(f.status(), body, 0, headers);
    }

    private void finish(HttpServerRequest req, int index, Reply reply) {
        synchronized (lock) {
            Recorded r = log.get(index);
            log.set(index, new Recorded(r.method(), r.path(), r.query(), r.serverTime(), reply.status(), reply.code()));
        }
        HttpServerResponse resp = req.response().setStatusCode(reply.status())
                .putHeader("Content-Type", "application/json");
        reply.headers().forEach(resp::putHeader);
        resp.end(reply.body());
    }

    private int record(String method, String path, String query, long now) {
        synchronized (lock) {
            log.add(new Recorded(method, path, query, now, 0, 0));
            return log.size() - 1;
        }
    }

    private Fault pollFault(String method, String path) {
        Deque<Fault> q = faults.get(method + " " + path);
        if (q == null || q.isEmpty()) {
            q = faults.get(path);
        }
        return q == null ? null : q.pollFirst();
    }

    private static boolean matches(String endpoint, String method, String path) {
        return endpoint.contains(" ") ? endpoint.equals(method + " " + path) : endpoint.equals(path);
    }

    // ---- limits (the fake's own copy of Binance's documented rules) ----

    /** Counts the request against the limits; a 429/418 reply when it does not fit. Holds lock. */
    private Reply admit(String route, Map<String, String> p, long now, Map<String, String> headers) {
        rollWindows(now);
        if (bannedUntil > now) {
            return banned(now);
        }
        int weight = weightOf(route, p);
        boolean statistics = route.startsWith("GET /futures/data/");
        boolean funding = route.equals("GET /fapi/v1/fundingRate");
        boolean order = route.equals("POST /fapi/v1/order") || route.equals("POST /fapi/v1/algoOrder");
        String exceeded = null;
        long windowEnd = 0;
        if (weightUsed + weight > weightLimit) {
            exceeded = "Too many requests; current limit is " + weightLimit + " request weight per 1 MINUTE. "
                    + "Please use the websocket for live updates to avoid polling the API.";
            windowEnd = weightWindow + MINUTE;
        } else if (statistics && statisticsUsed + 1 > statisticsLimit) {
            exceeded = "Too many requests; current limit is " + statisticsLimit + " requests per 5 MINUTE.";
            windowEnd = statisticsWindow + FIVE_MINUTES;
        } else if (funding && fundingUsed + 1 > fundingLimit) {
            exceeded = "Too many requests; current limit is " + fundingLimit + " requests per 5 MINUTE.";
            windowEnd = fundingWindow + FIVE_MINUTES;
        } else if (order && (orders10sUsed + 1 > orders10sLimit || orders1mUsed + 1 > orders1mLimit)) {
            boolean tenSeconds = orders10sUsed + 1 > orders10sLimit;
            exceeded = "Too many new orders; current limit is " + (tenSeconds ? orders10sLimit + " orders per 10 SECOND."
                    : orders1mLimit + " orders per 1 MINUTE.");
            windowEnd = tenSeconds ? orders10sWindow + 10_000 : orders1mWindow + MINUTE;
        }
        if (exceeded != null) {
            rejectedInWindow++;
            if (rejectedInWindow >= banAfter) {
                bannedUntil = now + banMs;
                return banned(now);
            }
            long retryAfter = Math.max(1, (windowEnd - now + 999) / 1000);
            return new Reply(429, error(-1003, exceeded), -1003, Map.of("Retry-After", Long.toString(retryAfter),
                    "X-MBX-USED-WEIGHT-1M", Integer.toString(weightUsed)));
        }
        weightUsed += weight;
        if (statistics) {
            statisticsUsed++;
        }
        if (funding) {
            fundingUsed++;
        }
        headers.put("X-MBX-USED-WEIGHT-1M", Integer.toString(weightUsed));
        if (order) {
            orders10sUsed++;
            orders1mUsed++;
            headers.put("X-MBX-ORDER-COUNT-10S", Integer.toString(orders10sUsed));
            headers.put("X-MBX-ORDER-COUNT-1M", Integer.toString(orders1mUsed));
        }
        return null;
    }

    private Reply banned(long now) {
        long retryAfter = Math.max(1, (bannedUntil - now + 999) / 1000);
        return new Reply(418, error(-1003, "Way too many requests; IP banned until " + bannedUntil
                + ". Please use the websocket for live updates to avoid bans."), -1003,
                Map.of("Retry-After", Long.toString(retryAfter)));
    }

    private void rollWindows(long now) {
        long minute = Math.floorDiv(now, MINUTE) * MINUTE;
        if (minute != weightWindow) {
            weightWindow = minute;
            weightUsed = 0;
            externalWeight = 0;
            rejectedInWindow = 0;
        }
        long five = Math.floorDiv(now, FIVE_MINUTES) * FIVE_MINUTES;
        if (five != statisticsWindow) {
            statisticsWindow = five;
            statisticsUsed = 0;
        }
        if (five != fundingWindow) {
            fundingWindow = five;
            fundingUsed = 0;
        }
        long tenSec = Math.floorDiv(now, 10_000L) * 10_000L;
        if (tenSec != orders10sWindow) {
            orders10sWindow = tenSec;
            orders10sUsed = 0;
        }
        if (minute != orders1mWindow) {
            orders1mWindow = minute;
            orders1mUsed = 0;
        }
    }

    /** Request weight as Binance documents it. */
    static int weightOf(String route, Map<String, String> p) {
        boolean symbol = p.containsKey("symbol");
        switch (route) {
            case "GET /fapi/v1/depth": {
                int limit = intOr(p.get("limit"), 500);
                return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
            }
            case "GET /fapi/v1/klines": {
                int limit = intOr(p.get("limit"), 500);
                return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
            }
            case "GET /fapi/v1/premiumIndex":
                return symbol ? 1 : 10;
            case "GET /fapi/v1/ticker/24hr":
                return symbol ? 1 : 40;
            case "GET /fapi/v1/ticker/bookTicker":
                return symbol ? 2 : 5;
            case "GET /fapi/v1/openOrders":
            case "GET /fapi/v1/openAlgoOrders":
                return symbol ? 1 : 40;
            case "GET /fapi/v2/positionRisk":
            case "GET /fapi/v3/account":
                return 5;
            case "POST /fapi/v1/order":
            case "POST /fapi/v1/algoOrder":
                return 0;
            default:
                return route.startsWith("GET /futures/data/") ? 0 : 1;
        }
    }

    private static int intOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---- signatures ----

    private void verify(String key, String rawQuery, String rawBody, Map<String, String> p, long now) {
        String expectedKey;
        String secret;
        synchronized (lock) {
            expectedKey = apiKey;
            secret = apiSecret;
        }
        if (key == null || !key.equals(expectedKey)) {
            throw new FakeError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        String signature = p.get("signature");
        if (signature == null) {
            throw new FakeError(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or "
                    + "malformed.");
        }
        String totalParams = withoutSignature(rawQuery) + withoutSignature(rawBody);
        if (!hmac(secret, totalParams).equals(signature)) {
            throw new FakeError(400, -1022, "Signature for this request is not valid.");
        }
        String ts = p.get("timestamp");
        if (ts == null) {
            throw new FakeError(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or "
                    + "malformed.");
        }
        long timestamp = Long.parseLong(ts);
        long recvWindow = intOr(p.get("recvWindow"), 5000);
        if (recvWindow > 60_000) {
            throw new FakeError(400, -1130, "Data sent for parameter 'recvWindow' is not valid.");
        }
        if (timestamp >= now + 1000 || now - timestamp > recvWindow) {
            throw new FakeError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    private static String withoutSignature(String raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        List<String> kept = new ArrayList<>();
        for (String part : raw.split("&")) {
            if (!part.startsWith("signature=")) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }

    /** Hex HMAC-SHA256, written independently of the connector's signer. */
    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private String error(int code, String msg) {
        ObjectNode n = json.createObjectNode();
        n.put("code", code);
        n.put("msg", msg);
        return n.toString();
    }

    // ---- endpoints ----

    private static final Set<String> SIGNED = Set.of("GET /fapi/v1/leverageBracket", "GET /fapi/v2/positionRisk",
            "GET /fapi/v3/account", "GET /fapi/v1/order", "POST /fapi/v1/order", "DELETE /fapi/v1/order",
            "GET /fapi/v1/openOrders", "POST /fapi/v1/leverage", "GET /fapi/v1/algoOrder", "POST /fapi/v1/algoOrder",
            "DELETE /fapi/v1/algoOrder", "GET /fapi/v1/openAlgoOrders");

    private static final Set<String> ROUTES;

    static {
        Set<String> r = new java.util.HashSet<>(SIGNED);
        r.addAll(List.of("GET /fapi/v1/ping", "GET /fapi/v1/time", "GET /fapi/v1/exchangeInfo", "GET /fapi/v1/depth",
                "GET /fapi/v1/klines", "GET /fapi/v1/premiumIndex", "GET /fapi/v1/fundingRate",
                "GET /fapi/v1/openInterest", "GET /fapi/v1/ticker/24hr", "GET /fapi/v1/ticker/bookTicker",
                "GET /futures/data/openInterestHist", "GET /futures/data/globalLongShortAccountRatio",
                "GET /futures/data/topLongShortAccountRatio", "GET /futures/data/topLongShortPositionRatio",
                "GET /futures/data/takerlongshortRatio"));
        ROUTES = Collections.unmodifiableSet(r);
    }

    /** Holds lock. */
    private String dispatch(String route, Map<String, String> p, long now) {
        return switch (route) {
            case "GET /fapi/v1/ping" -> "{}";
            case "GET /fapi/v1/time" -> "{\"serverTime\":" + now + "}";
            case "GET /fapi/v1/exchangeInfo" -> exchangeInfo(now);
            case "GET /fapi/v1/depth" -> depth(p);
            case "GET /fapi/v1/klines" -> klines(p);
            case "GET /fapi/v1/premiumIndex" -> perSymbolOrAll(p, s -> premiumIndex(s, now));
            case "GET /fapi/v1/fundingRate" -> fundingRate(p, now);
            case "GET /fapi/v1/openInterest" -> openInterest(symbol(p), now).toString();
            case "GET /fapi/v1/ticker/24hr" -> perSymbolOrAll(p, s -> ticker(s, now));
            case "GET /fapi/v1/ticker/bookTicker" -> perSymbolOrAll(p, s -> bookTicker(s, now));
            case "GET /futures/data/openInterestHist", "GET /futures/data/globalLongShortAccountRatio",
                    "GET /futures/data/topLongShortAccountRatio", "GET /futures/data/topLongShortPositionRatio",
                    "GET /futures/data/takerlongshortRatio" -> statistics(route.substring(route.lastIndexOf('/') + 1),
                    p, now);
            case "GET /fapi/v1/leverageBracket" -> leverageBracket(p);
            default -> trading.handle(route, p, now);
        };
    }

    private String exchangeInfo(long now) {
        ObjectNode info = data.exchangeInfo.deepCopy();
        info.put("serverTime", now);
        ArrayNode limits = info.putArray("rateLimits");
        limits.addObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
                .put("limit", weightLimit);
        limits.addObject().put("rateLimitType", "ORDERS").put("interval", "MINUTE").put("intervalNum", 1)
                .put("limit", orders1mLimit);
        limits.addObject().put("rateLimitType", "ORDERS").put("interval", "SECOND").put("intervalNum", 10)
                .put("limit", orders10sLimit);
        return info.toString();
    }

    private String symbol(Map<String, String> p) {
        String s = p.get("symbol");
        if (s == null || s.isEmpty()) {
            throw new FakeError(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or "
                    + "malformed.");
        }
        if (!data.symbols.contains(s)) {
            throw new FakeError(400, -1121, "Invalid symbol.");
        }
        return s;
    }

    private String perSymbolOrAll(Map<String, String> p, java.util.function.Function<String, ObjectNode> one) {
        if (p.containsKey("symbol")) {
            return one.apply(symbol(p)).toString();
        }
        ArrayNode all = json.createArrayNode();
        for (String s : data.symbols) {
            all.add(one.apply(s));
        }
        return all.toString();
    }

    private static int limit(Map<String, String> p, int fallback, int min, int max) {
        String v = p.get("limit");
        int limit;
        try {
            limit = v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new FakeError(400, -1100, "Illegal characters found in parameter 'limit'; legal range is "
                    + "'^[0-9]{1,20}$'.");
        }
        if (limit < min || limit > max) {
            throw new FakeError(400, -1130, "Data sent for parameter 'limit' is not valid.");
        }
        return limit;
    }

    private String depth(Map<String, String> p) {
        String s = symbol(p);
        int limit = limit(p, 500, 1, 1000);
        if (!DEPTH_LIMITS.contains(limit)) {
            throw new FakeError(400, -1130, "Data sent for parameter 'limit' is not valid.");
        }
        JsonNode book = data.depth.get(s);
        ObjectNode out = json.createObjectNode();
        if (book != null) {
            String cached = depthBodies.get(s + "/" + limit);
            if (cached != null) {
                return cached;
            }
            out.put("lastUpdateId", book.get("lastUpdateId").asLong());
            out.put("E", book.get("E").asLong());
            out.put("T", book.get("T").asLong());
            ArrayNode bids = out.putArray("bids");
            ArrayNode asks = out.putArray("asks");
            for (int i = 0; i < limit && i < book.get("bids").size(); i++) {
                bids.add(book.get("bids").get(i).deepCopy());
            }
            for (int i = 0; i < limit && i < book.get("asks").size(); i++) {
                asks.add(book.get("asks").get(i).deepCopy());
            }
            String body = out.toString();
            depthBodies.put(s + "/" + limit, body);
            return body;
        }
        BigDecimal mid = data.referencePrice(s);
        BigDecimal step = mid.multiply(new BigDecimal("0.0001")).setScale(8, RoundingMode.HALF_UP);
        long now = serverNow();
        out.put("lastUpdateId", now * 10);
        out.put("E", now);
        out.put("T", now - 3);
        ArrayNode bids = out.putArray("bids");
        ArrayNode asks = out.putArray("asks");
        SplittableRandom rnd = new SplittableRandom(s.hashCode());
        for (int i = 1; i <= limit; i++) {
            BigDecimal off = step.multiply(BigDecimal.valueOf(i));
            bids.addArray().add(plain(mid.subtract(off))).add(plain(qty(rnd)));
            asks.addArray().add(plain(mid.add(off))).add(plain(qty(rnd)));
        }
        return out.toString();
    }

    private static BigDecimal qty(SplittableRandom rnd) {
        return BigDecimal.valueOf(rnd.nextDouble(0.001, 25)).setScale(3, RoundingMode.HALF_UP);
    }

    private String klines(Map<String, String> p) {
        String s = symbol(p);
        String code = p.get("interval");
        Interval interval = code == null ? null : Interval.fromCode(code).orElse(null);
        if (interval == null) {
            throw new FakeError(400, -1120, "Invalid interval.");
        }
        int limit = limit(p, 500, 1, 1500);
        Long start = p.containsKey("startTime") ? Long.parseLong(p.get("startTime")) : null;
        Long end = p.containsKey("endTime") ? Long.parseLong(p.get("endTime")) : null;
        long shift = klineShift;
        start = start == null ? null : start - shift;
        end = end == null ? null : end - shift;
        List<FakeData.Bar> bars = data.bars(s, interval);
        List<String> rows = data.klineRows(s, interval, shift);
        int from;
        int to;
        if (start == null) {
            int last = bars.size() - 1;
            while (end != null && last >= 0 && bars.get(last).openTime() > end) {
                last--;
            }
            from = Math.max(0, last - limit + 1);
            to = last + 1;
        } else {
            from = 0;
            while (from < bars.size() && bars.get(from).openTime() < start) {
                from++;
            }
            to = from;
            while (to < bars.size() && to - from < limit && (end == null || bars.get(to).openTime() <= end)) {
                to++;
            }
        }
        return "[" + String.join(",", rows.subList(from, Math.max(from, to))) + "]";
    }

    private ObjectNode premiumIndex(String s, long now) {
        BigDecimal mark = data.referencePrice(s);
        boolean delivery = s.contains("_");
        ObjectNode n = json.createObjectNode();
        n.put("symbol", s);
        n.put("markPrice", plain8(mark));
        n.put("indexPrice", plain8(mark.multiply(new BigDecimal("0.9998"))));
        n.put("estimatedSettlePrice", plain8(mark.multiply(new BigDecimal("0.9999"))));
        if (delivery) {
            n.put("lastFundingRate", "");
            n.put("interestRate", "");
            n.put("nextFundingTime", 0);
        } else {
            BigDecimal rate = "XRPUSDT".equals(s) ? data.xrpFunding.get(data.xrpFunding.size() - 1).rate()
                    : new BigDecimal("0.0001");
            n.put("lastFundingRate", plain8(rate));
            n.put("interestRate", "0.00010000");
            n.put("nextFundingTime", (Math.floorDiv(now, 8 * 3_600_000L) + 1) * 8 * 3_600_000L);
        }
        n.put("time", now);
        return n;
    }

    private String fundingRate(Map<String, String> p, long now) {
        String s = symbol(p);
        int limit = limit(p, 100, 1, 1000);
        List<FakeData.Funding> rows = new ArrayList<>();
        if ("XRPUSDT".equals(s)) {
            rows.addAll(data.xrpFunding);
        } else {
            long last = Math.floorDiv(now, 8 * 3_600_000L) * 8 * 3_600_000L;
            for (int i = 199; i >= 0; i--) {
                long t = last - i * 8 * 3_600_000L;
                double r = 0.0001 + 0.0002 * noise(s, t);
                rows.add(new FakeData.Funding(t + (t / 7) % 20, BigDecimal.valueOf(r).setScale(8, RoundingMode.HALF_UP),
                        data.referencePrice(s)));
            }
        }
        if (p.containsKey("startTime")) {
            long start = Long.parseLong(p.get("startTime"));
            rows.removeIf(f -> f.time() < start);
        }
        if (p.containsKey("endTime")) {
            long end = Long.parseLong(p.get("endTime"));
            rows.removeIf(f -> f.time() > end);
        }
        List<FakeData.Funding> chosen = p.containsKey("startTime") ? rows.subList(0, Math.min(limit, rows.size()))
                : rows.subList(Math.max(0, rows.size() - limit), rows.size());
        ArrayNode out = json.createArrayNode();
        for (FakeData.Funding f : chosen) {
            ObjectNode n = out.addObject();
            n.put("symbol", s);
            n.put("fundingRate", plain8(f.rate()));
            n.put("fundingTime", f.time());
            n.put("markPrice", f.markPrice() == null ? "" : plain8(f.markPrice()));
        }
        return out.toString();
    }

    private ObjectNode openInterest(String s, long now) {
        ObjectNode n = json.createObjectNode();
        n.put("openInterest", plain(BigDecimal.valueOf(openInterestAt(s, now)).setScale(3, RoundingMode.HALF_UP)));
        n.put("symbol", s);
        n.put("time", now);
        return n;
    }

    private double openInterestAt(String s, long t) {
        double base = 1_000_000 / Math.max(1e-6, data.referencePrice(s).doubleValue()) * 80;
        return base * (1 + 0.05 * noise(s, Math.floorDiv(t, 300_000L)));
    }

    private ObjectNode ticker(String s, long now) {
        List<FakeData.Bar> bars = data.bars(s, Interval.H1);
        BigDecimal last = data.referencePrice(s);
        BigDecimal open = last;
        BigDecimal high = last;
        BigDecimal low = last;
        BigDecimal volume = BigDecimal.ZERO;
        if (!bars.isEmpty()) {
            List<FakeData.Bar> day = bars.subList(Math.max(0, bars.size() - 24), bars.size());
            open = day.get(0).open();
            for (FakeData.Bar b : day) {
                high = high.max(b.high());
                low = low.min(b.low());
                volume = volume.add(b.volume());
            }
        }
        BigDecimal change = last.subtract(open);
        ObjectNode n = json.createObjectNode();
        n.put("symbol", s);
        n.put("priceChange", plain8(change));
        n.put("priceChangePercent", plain(change.multiply(BigDecimal.valueOf(100)).divide(open, 3,
                RoundingMode.HALF_UP)));
        n.put("weightedAvgPrice", plain8(open.add(last).divide(BigDecimal.valueOf(2), 8, RoundingMode.HALF_UP)));
        n.put("lastPrice", plain8(last));
        n.put("lastQty", "0.010");
        n.put("openPrice", plain8(open));
        n.put("highPrice", plain8(high));
        n.put("lowPrice", plain8(low));
        n.put("volume", plain8(volume));
        n.put("quoteVolume", plain8(volume.multiply(last)));
        n.put("openTime", now - 86_400_000L);
        n.put("closeTime", now);
        n.put("firstId", 28385);
        n.put("lastId", 28460 + (now / 1000) % 1000);
        n.put("count", 76 + (now / 1000) % 1000);
        return n;
    }

    private ObjectNode bookTicker(String s, long now) {
        JsonNode book = data.depth.get(s);
        ObjectNode n = json.createObjectNode();
        n.put("symbol", s);
        if (book != null) {
            n.put("bidPrice", book.get("bids").get(0).get(0).asText());
            n.put("bidQty", book.get("bids").get(0).get(1).asText());
            n.put("askPrice", book.get("asks").get(0).get(0).asText());
            n.put("askQty", book.get("asks").get(0).get(1).asText());
        } else {
            BigDecimal mid = data.referencePrice(s);
            n.put("bidPrice", plain8(mid.multiply(new BigDecimal("0.9999"))));
            n.put("bidQty", "12.000");
            n.put("askPrice", plain8(mid.multiply(new BigDecimal("1.0001"))));
            n.put("askQty", "9.000");
        }
        n.put("time", now);
        n.put("lastUpdateId", now * 10);
        return n;
    }

    private String statistics(String kind, Map<String, String> p, long now) {
        String s = symbol(p);
        String code = p.get("period");
        Period period = code == null ? null : Period.fromCode(code).orElse(null);
        if (period == null) {
            throw new FakeError(400, -1130, "Data sent for parameter 'period' is not valid.");
        }
        int limit = limit(p, 30, 1, 500);
        long last = Math.floorDiv(now, period.millis()) * period.millis();
        if (p.containsKey("endTime")) {
            last = Math.min(last, Math.floorDiv(Long.parseLong(p.get("endTime")), period.millis()) * period.millis());
        }
        long first = last - (long) (limit - 1) * period.millis();
        if (p.containsKey("startTime")) {
            long start = Long.parseLong(p.get("startTime"));
            long aligned = Math.floorDiv(start + period.millis() - 1, period.millis()) * period.millis();
            first = Math.max(first, aligned);
        }
        first = Math.max(first, last - 30 * 86_400_000L); // only the last 30 days exist
        ArrayNode out = json.createArrayNode();
        for (long t = first; t <= last; t += period.millis()) {
            double x = noise(s + kind, t / period.millis());
            ObjectNode n = out.addObject();
            switch (kind) {
                case "openInterestHist" -> {
                    double oi = openInterestAt(s, t);
                    n.put("symbol", s);
                    n.put("sumOpenInterest", plain(BigDecimal.valueOf(oi).setScale(8, RoundingMode.HALF_UP)));
                    n.put("sumOpenInterestValue", plain(BigDecimal.valueOf(oi * data.referencePrice(s)
                            .doubleValue()).setScale(8, RoundingMode.HALF_UP)));
                    n.put("timestamp", t); // current Binance sends a number here; older answers sent a string
                }
                case "takerlongshortRatio" -> {
                    double buy = 300 + 100 * x;
                    double sell = 300 - 80 * x;
                    n.put("buySellRatio", plain(BigDecimal.valueOf(buy / sell).setScale(4, RoundingMode.HALF_UP)));
                    n.put("buyVol", plain(BigDecimal.valueOf(buy).setScale(4, RoundingMode.HALF_UP)));
                    n.put("sellVol", plain(BigDecimal.valueOf(sell).setScale(4, RoundingMode.HALF_UP)));
                    n.put("timestamp", Long.toString(t)); // as the documentation's example: a string
                }
                default -> {
                    double longShare = 0.5 + 0.12 * x;
                    BigDecimal l = BigDecimal.valueOf(longShare).setScale(4, RoundingMode.HALF_UP);
                    BigDecimal sh = BigDecimal.ONE.subtract(l);
                    n.put("symbol", s);
                    n.put("longShortRatio", plain(l.divide(sh, 4, RoundingMode.HALF_UP)));
                    n.put("longAccount", plain(l));
                    n.put("shortAccount", plain(sh));
                    n.put("timestamp", t);
                }
            }
        }
        return out.toString();
    }

    private String leverageBracket(Map<String, String> p) {
        if (p.containsKey("symbol")) {
            String s = symbol(p);
            JsonNode b = data.brackets.get(s);
            if (b == null) {
                throw new FakeError(400, -1121, "Invalid symbol.");
            }
            return b.toString();
        }
        ArrayNode all = json.createArrayNode();
        data.brackets.values().forEach(all::add);
        return all.toString();
    }

    /** Deterministic noise in [-1, 1). */
    private static double noise(String key, long t) {
        return new SplittableRandom(key.hashCode() * 31L + t).nextDouble(-1, 1);
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    private static String plain8(BigDecimal d) {
        return d.setScale(8, RoundingMode.HALF_UP).toPlainString();
    }

    // ---- trading ----

    /** Orders, conditional orders, positions and the wallet; guarded by the fake's lock. */
    private final class FakeTrading {
        final Map<String, ObjectNode> orders = new LinkedHashMap<>();
        final Map<String, ObjectNode> algoOrders = new LinkedHashMap<>();
        final Map<String, BigDecimal[]> positions = new LinkedHashMap<>(); // {amount, entry}
        final Map<String, Integer> leverage = new HashMap<>();
        BigDecimal wallet = new BigDecimal("10000");
        long nextOrderId = 4_087_922_044L;
        long nextAlgoId = 2_146_760L;

        String handle(String route, Map<String, String> p, long now) {
            return switch (route) {
                case "POST /fapi/v1/order" -> newOrder(p, now).toString();
                case "GET /fapi/v1/order" -> findOrder(p).toString();
                case "DELETE /fapi/v1/order" -> cancelOrder(p, now).toString();
                case "GET /fapi/v1/openOrders" -> openOrders(p).toString();
                case "POST /fapi/v1/leverage" -> setLeverage(p).toString();
                case "GET /fapi/v2/positionRisk" -> positionRisk(now).toString();
                case "GET /fapi/v3/account" -> account(now).toString();
                case "POST /fapi/v1/algoOrder" -> newAlgoOrder(p, now).toString();
                case "GET /fapi/v1/algoOrder" -> findAlgoOrder(p).toString();
                case "DELETE /fapi/v1/algoOrder" -> cancelAlgoOrder(p, now).toString();
                case "GET /fapi/v1/openAlgoOrders" -> openAlgoOrders(p).toString();
                default -> throw new FakeError(404, -1000, "unknown route " + route);
            };
        }

        private String required(Map<String, String> p, String name) {
            String v = p.get(name);
            if (v == null || v.isEmpty()) {
                throw new FakeError(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or "
                        + "malformed.");
            }
            return v;
        }

        private BigDecimal bestPrice(String s, String side) {
            JsonNode book = data.depth.get(s);
            if (book != null) {
                return new BigDecimal(book.get("BUY".equals(side) ? "asks" : "bids").get(0).get(0).asText());
            }
            BigDecimal mid = data.referencePrice(s);
            return "BUY".equals(side) ? mid.multiply(new BigDecimal("1.0001")) : mid.multiply(new BigDecimal("0.9999"));
        }

        ObjectNode newOrder(Map<String, String> p, long now) {
            String s = symbol(p);
            String side = required(p, "side");
            if (!side.equals("BUY") && !side.equals("SELL")) {
                throw new FakeError(400, -1117, "Invalid side.");
            }
            String type = required(p, "type");
            if (CONDITIONAL_TYPES.contains(type)) {
                throw new FakeError(400, -4120, "Order type not supported for this endpoint. Please use the Algo "
                        + "Order API endpoints instead.");
            }
            if (!type.equals("MARKET") && !type.equals("LIMIT")) {
                throw new FakeError(400, -1116, "Invalid orderType.");
            }
            BigDecimal qty = new BigDecimal(required(p, "quantity"));
            if (qty.signum() <= 0) {
                throw new FakeError(400, -4003, "Quantity less than or equal to zero.");
            }
            String id = p.getOrDefault("newClientOrderId", "fake" + nextOrderId);
            if (!CLIENT_ID.matcher(id).matches()) {
                throw new FakeError(400, -4015, "Client order id is not valid.");
            }
            if (orders.containsKey(id)) {
                throw new FakeError(400, -4116, "ClientOrderId is duplicated.");
            }
            boolean reduceOnly = "true".equalsIgnoreCase(p.get("reduceOnly"));
            BigDecimal held = positions.getOrDefault(s, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0];
            BigDecimal signed = "BUY".equals(side) ? qty : qty.negate();
            if (reduceOnly && (held.signum() == 0 || held.signum() == signed.signum()
                    || qty.compareTo(held.abs()) > 0)) {
                throw new FakeError(400, -2022, "ReduceOnly Order is rejected.");
            }
            BigDecimal price = BigDecimal.ZERO;
            String tif = "GTC";
            if (type.equals("LIMIT")) {
                price = new BigDecimal(required(p, "price"));
                tif = required(p, "timeInForce");
            }
            ObjectNode o = json.createObjectNode();
            o.put("orderId", nextOrderId++);
            o.put("symbol", s);
            o.put("status", "NEW");
            o.put("clientOrderId", id);
            o.put("price", plain(price));
            o.put("avgPrice", "0.00");
            o.put("origQty", plain(qty));
            o.put("executedQty", "0");
            o.put("cumQty", "0");
            o.put("cumQuote", "0.00000");
            o.put("timeInForce", tif);
            o.put("type", type);
            o.put("reduceOnly", reduceOnly);
            o.put("closePosition", false);
            o.put("side", side);
            o.put("positionSide", "BOTH");
            o.put("stopPrice", "0.00");
            o.put("workingType", "CONTRACT_PRICE");
            o.put("priceProtect", false);
            o.put("origType", type);
            o.put("priceMatch", "NONE");
            o.put("selfTradePreventionMode", "NONE");
            o.put("goodTillDate", 0);
            o.put("updateTime", now);
            BigDecimal best = bestPrice(s, side);
            boolean marketable = type.equals("MARKET")
                    || ("BUY".equals(side) ? price.compareTo(best) >= 0 : price.compareTo(best) <= 0);
            if (marketable && !"GTX".equals(tif)) {
                fill(o, s, signed, best, now);
            } else if ("IOC".equals(tif) || "FOK".equals(tif) || "GTX".equals(tif)) {
                o.put("status", "EXPIRED");
            }
            orders.put(id, o);
            return o;
        }

        private void fill(ObjectNode o, String s, BigDecimal signed, BigDecimal price, long now) {
            BigDecimal qty = signed.abs();
            BigDecimal quote = qty.multiply(price);
            o.put("status", "FILLED");
            o.put("executedQty", plain(qty));
            o.put("cumQty", plain(qty));
            o.put("avgPrice", plain(price));
            o.put("cumQuote", plain(quote.setScale(5, RoundingMode.HALF_UP)));
            o.put("updateTime", now);
            BigDecimal[] pos = positions.computeIfAbsent(s, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal amount = pos[0];
            if (amount.signum() == 0 || amount.signum() == signed.signum()) {
                BigDecimal total = amount.add(signed);
                pos[1] = amount.abs().multiply(pos[1]).add(qty.multiply(price)).divide(total.abs(), 8,
                        RoundingMode.HALF_UP);
                pos[0] = total;
            } else {
                BigDecimal closed = qty.min(amount.abs());
                BigDecimal pnl = price.subtract(pos[1]).multiply(closed).multiply(BigDecimal.valueOf(amount.signum()));
                wallet = wallet.add(pnl);
                BigDecimal total = amount.add(signed);
                if (total.signum() != 0 && total.signum() != amount.signum()) {
                    pos[1] = price;
                }
                pos[0] = total;
                if (total.signum() == 0) {
                    pos[1] = BigDecimal.ZERO;
                }
            }
            wallet = wallet.subtract(quote.multiply(new BigDecimal("0.0004")));
        }

        ObjectNode findOrder(Map<String, String> p) {
            String s = symbol(p);
            ObjectNode o = null;
            if (p.containsKey("origClientOrderId")) {
                o = orders.get(p.get("origClientOrderId"));
            } else if (p.containsKey("orderId")) {
                long id = Long.parseLong(p.get("orderId"));
                o = orders.values().stream().filter(x -> x.get("orderId").asLong() == id).findFirst().orElse(null);
            } else {
                throw new FakeError(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were "
                        + "empty/null!");
            }
            if (o == null || !o.get("symbol").asText().equals(s)) {
                throw new FakeError(400, -2013, "Order does not exist.");
            }
            return o;
        }

        ObjectNode cancelOrder(Map<String, String> p, long now) {
            ObjectNode o;
            try {
                o = findOrder(p);
            } catch (FakeError e) {
                if (e.code == -2013) {
                    throw new FakeError(400, -2011, "Unknown order sent.");
                }
                throw e;
            }
            String status = o.get("status").asText();
            if (!status.equals("NEW") && !status.equals("PARTIALLY_FILLED")) {
                throw new FakeError(400, -2011, "Unknown order sent.");
            }
            o.put("status", "CANCELED");
            o.put("updateTime", now);
            return o;
        }

        ArrayNode openOrders(Map<String, String> p) {
            String s = p.containsKey("symbol") ? symbol(p) : null;
            ArrayNode out = json.createArrayNode();
            for (ObjectNode o : orders.values()) {
                String status = o.get("status").asText();
                if ((s == null || s.equals(o.get("symbol").asText()))
                        && (status.equals("NEW") || status.equals("PARTIALLY_FILLED"))) {
                    out.add(o);
                }
            }
            return out;
        }

        ObjectNode setLeverage(Map<String, String> p) {
            String s = symbol(p);
            int lev = intOr(required(p, "leverage"), -1);
            JsonNode b = data.brackets.get(s);
            int max = b == null ? 125 : b.get("brackets").get(0).get("initialLeverage").asInt();
            if (lev < 1 || lev > max) {
                throw new FakeError(400, -4028, "Leverage " + p.get("leverage") + " is not valid");
            }
            leverage.put(s, lev);
            ObjectNode n = json.createObjectNode();
            n.put("leverage", lev);
            n.put("maxNotionalValue", b == null ? "1000000" : b.get("brackets").get(0).get("notionalCap").asText());
            n.put("symbol", s);
            return n;
        }

        ArrayNode positionRisk(long now) {
            ArrayNode out = json.createArrayNode();
            for (String s : data.symbols) {
                if (s.contains("_")) {
                    continue;
                }
                BigDecimal[] pos = positions.getOrDefault(s, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal mark = data.referencePrice(s);
                BigDecimal upnl = mark.subtract(pos[1]).multiply(pos[0]);
                ObjectNode n = out.addObject();
                n.put("symbol", s);
                n.put("positionAmt", plain(pos[0]));
                n.put("entryPrice", plain(pos[1]));
                n.put("breakEvenPrice", "0.0");
                n.put("markPrice", plain8(mark));
                n.put("unRealizedProfit", plain8(pos[0].signum() == 0 ? BigDecimal.ZERO : upnl));
                n.put("liquidationPrice", "0");
                n.put("leverage", Integer.toString(leverage.getOrDefault(s, 20)));
                n.put("maxNotionalValue", "100000000");
                n.put("marginType", "cross");
                n.put("isolatedMargin", "0.00000000");
                n.put("isAutoAddMargin", "false");
                n.put("positionSide", "BOTH");
                n.put("notional", plain8(pos[0].multiply(mark)));
                n.put("isolatedWallet", "0");
                n.put("updateTime", pos[0].signum() == 0 ? 0 : now);
            }
            return out;
        }

        ObjectNode account(long now) {
            BigDecimal upnl = BigDecimal.ZERO;
            BigDecimal initial = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal[]> e : positions.entrySet()) {
                BigDecimal mark = data.referencePrice(e.getKey());
                upnl = upnl.add(mark.subtract(e.getValue()[1]).multiply(e.getValue()[0]));
                initial = initial.add(e.getValue()[0].abs().multiply(mark).divide(BigDecimal.valueOf(
                        leverage.getOrDefault(e.getKey(), 20)), 8, RoundingMode.HALF_UP));
            }
            BigDecimal margin = wallet.add(upnl);
            ObjectNode n = json.createObjectNode();
            n.put("totalInitialMargin", plain8(initial));
            n.put("totalMaintMargin", plain8(initial.divide(BigDecimal.valueOf(5), 8, RoundingMode.HALF_UP)));
            n.put("totalWalletBalance", plain8(wallet));
            n.put("totalUnrealizedProfit", plain8(upnl));
            n.put("totalMarginBalance", plain8(margin));
            n.put("totalPositionInitialMargin", plain8(initial));
            n.put("totalOpenOrderInitialMargin", "0.00000000");
            n.put("totalCrossWalletBalance", plain8(wallet));
            n.put("totalCrossUnPnl", plain8(upnl));
            n.put("availableBalance", plain8(margin.subtract(initial)));
            n.put("maxWithdrawAmount", plain8(margin.subtract(initial)));
            ObjectNode usdt = n.putArray("assets").addObject();
            usdt.put("asset", "USDT");
            usdt.put("walletBalance", plain8(wallet));
            usdt.put("unrealizedProfit", plain8(upnl));
            usdt.put("marginBalance", plain8(margin));
            usdt.put("updateTime", now);
            n.putArray("positions");
            return n;
        }

        private String param(Map<String, String> p, String name) {
            for (Map.Entry<String, String> e : p.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        ObjectNode newAlgoOrder(Map<String, String> p, long now) {
            if (!"CONDITIONAL".equals(p.get("algoType"))) {
                throw new FakeError(400, -1130, "Data sent for parameter 'algoType' is not valid.");
            }
            String s = symbol(p);
            String side = required(p, "side");
            String type = required(p, "type");
            if (!CONDITIONAL_TYPES.contains(type)) {
                throw new FakeError(400, -1116, "Invalid orderType.");
            }
            String trigger = param(p, "triggerPrice");
            boolean close = "true".equalsIgnoreCase(p.get("closePosition"));
            String qty = p.get("quantity");
            if (!type.equals("TRAILING_STOP_MARKET") && trigger == null) {
                throw new FakeError(400, -1102, "Mandatory parameter 'triggerPrice' was not sent, was empty/null, or "
                        + "malformed.");
            }
            if (close == (qty != null)) {
                throw new FakeError(400, -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or "
                        + "malformed.");
            }
            if ((type.equals("STOP") || type.equals("TAKE_PROFIT")) && p.get("price") == null) {
                throw new FakeError(400, -1102, "Mandatory parameter 'price' was not sent, was empty/null, or "
                        + "malformed.");
            }
            String id = p.getOrDefault("clientAlgoId", "algo" + nextAlgoId);
            if (!CLIENT_ID.matcher(id).matches()) {
                throw new FakeError(400, -4015, "Client order id is not valid.");
            }
            if (algoOrders.containsKey(id)) {
                throw new FakeError(400, -4116, "ClientOrderId is duplicated.");
            }
            ObjectNode o = json.createObjectNode();
            o.put("algoId", nextAlgoId++);
            o.put("clientAlgoId", id);
            o.put("algoType", "CONDITIONAL");
            o.put("orderType", type);
            o.put("symbol", s);
            o.put("side", side);
            o.put("positionSide", "BOTH");
            o.put("timeInForce", p.getOrDefault("timeInForce", "GTC"));
            o.put("quantity", qty == null ? "0" : qty);
            o.put("algoStatus", "NEW");
            o.put("actualOrderId", "");
            o.put("actualPrice", "0.00000");
            o.put("triggerPrice", trigger == null ? "0.000" : trigger);
            o.put("price", p.getOrDefault("price", "0.000"));
            o.putNull("icebergQuantity");
            o.put("tpTriggerPrice", "0.000");
            o.put("tpPrice", "0.000");
            o.put("slTriggerPrice", "0.000");
            o.put("slPrice", "0.000");
            o.put("tpOrderType", "");
            o.put("selfTradePreventionMode", "EXPIRE_MAKER");
            o.put("workingType", p.getOrDefault("workingType", "CONTRACT_PRICE"));
            o.put("priceMatch", "NONE");
            o.put("closePosition", close);
            o.put("priceProtect", "TRUE".equalsIgnoreCase(p.get("priceProtect")));
            o.put("reduceOnly", "true".equalsIgnoreCase(p.get("reduceOnly")));
            o.put("createTime", now);
            o.put("updateTime", now);
            o.put("triggerTime", 0);
            o.put("goodTillDate", 0);
            algoOrders.put(id, o);
            return o;
        }

        ObjectNode findAlgoOrder(Map<String, String> p) {
            String clientId = param(p, "clientAlgoId");
            String algoId = param(p, "algoId");
            ObjectNode o = null;
            if (clientId != null) {
                o = algoOrders.get(clientId);
            } else if (algoId != null) {
                long id = Long.parseLong(algoId);
                o = algoOrders.values().stream().filter(x -> x.get("algoId").asLong() == id).findFirst().orElse(null);
            } else {
                throw new FakeError(400, -1102, "Param 'algoId' or 'clientAlgoId' must be sent, but both were "
                        + "empty/null!");
            }
            if (o == null) {
                throw new FakeError(400, -2013, "Order does not exist.");
            }
            return o;
        }

        ObjectNode cancelAlgoOrder(Map<String, String> p, long now) {
            ObjectNode o;
            try {
                o = findAlgoOrder(p);
            } catch (FakeError e) {
                throw e.code == -2013 ? new FakeError(400, -2011, "Unknown order sent.") : e;
            }
            if (!o.get("algoStatus").asText().equals("NEW")) {
                throw new FakeError(400, -2011, "Unknown order sent.");
            }
            o.put("algoStatus", "CANCELED");
            o.put("updateTime", now);
            ObjectNode ack = json.createObjectNode();
            ack.put("algoId", o.get("algoId").asLong());
            ack.put("clientAlgoId", o.get("clientAlgoId").asText());
            ack.put("code", "200");
            ack.put("msg", "success");
            return ack;
        }

        ArrayNode openAlgoOrders(Map<String, String> p) {
            String s = p.containsKey("symbol") ? symbol(p) : null;
            ArrayNode out = json.createArrayNode();
            for (ObjectNode o : algoOrders.values()) {
                if ((s == null || s.equals(o.get("symbol").asText())) && o.get("algoStatus").asText().equals("NEW")) {
                    out.add(o);
                }
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return "FakeBinance[" + (port < 0 ? "not started" : baseUrl()) + "]";
    }
}
