package io.marketintel.runtime.market.binance;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Binance USDⓈ-M connector: {@link #connect(Vertx, Clock, BinanceSettings)} measures the server-time offset,
 * reads the rate limits from exchangeInfo and answers a connector exposing {@link #marketData()},
 * {@link #exchange()}, {@link #status()} and {@link #close()}.
 *
 * <p>Everything that talks to the same Binance host through one Vert.x instance shares one request-weight
 * budget (kept in the instance's shared data), so two connectors in one process cannot together exceed
 * Binance's per-IP limits. The server-time offset is refreshed every {@link BinanceSettings#timeSyncInterval()}
 * and after a {@code -1021} answer.
 */
public final class BinanceMarket {

    private static final System.Logger LOG = System.getLogger(BinanceMarket.class.getName());
    private static final String BUDGETS = "io.marketintel.runtime.market.binance.budgets";

    private final Vertx vertx;
    private final BinanceSettings settings;
    private final Scheduler scheduler;
    private final WebClient client;
    private final WeightBudget budget;
    private final String budgetKey;
    private final BinanceTransport transport;
    private final BinanceMarketData marketData;
    private final BinanceExchange exchange;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long syncTimer = -1;

    private BinanceMarket(Vertx vertx, BinanceSettings settings, Scheduler scheduler) {
        this.vertx = vertx;
        this.settings = settings;
        this.scheduler = scheduler;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("market-intel")
                .setDecompressionSupported(true)
                .setKeepAlive(true));
        this.budgetKey = budgetKey(settings.baseUrl());
        this.budget = sharedBudget(vertx, budgetKey, scheduler, settings.weightSafetyMarginPct());
        this.transport = new BinanceTransport(client, settings, scheduler, budget);
        this.marketData = new BinanceMarketData(transport);
        this.exchange = new BinanceExchange(transport);
    }

    /**
     * Connects: measures the server-time offset ({@code GET /fapi/v1/time}) and reads the rate limits
     * ({@code GET /fapi/v1/exchangeInfo}). Fails with the typed failure of those calls (unreachable, banned, …).
     *
     * @param clock the local clock (the platform's clock; tests pass a fake one)
     */
    public static Future<BinanceMarket> connect(Vertx vertx, Clock clock, BinanceSettings settings) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(clock, "clock");
        return connect(vertx, settings, new VertxScheduler(vertx, clock));
    }

    /** Same, with the connector's time and timers from {@code scheduler} (tests: virtual time). */
    static Future<BinanceMarket> connect(Vertx vertx, BinanceSettings settings, Scheduler scheduler) {
        Objects.requireNonNull(settings, "settings");
        BinanceMarket market;
        try {
            market = new BinanceMarket(vertx, settings, scheduler);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return market.transport.syncTime()
                .compose(offset -> market.marketData.exchangeInfo())
                .transform(ar -> {
                    if (ar.failed()) {
                        return market.close().transform(ignored -> Future.failedFuture(ar.cause()));
                    }
                    market.scheduleSync();
                    LOG.log(System.Logger.Level.INFO, "connected to Binance at " + settings.baseUrl()
                            + " (clock offset " + market.transport.clock().offsetMs() + " ms, "
                            + ar.result().symbols().size() + " symbols, credentials "
                            + (settings.hasCredentials() ? "set" : "not set") + ")");
                    return Future.succeededFuture(market);
                });
    }

    /** Market data ({@code source()} is {@code binance}). */
    public BinanceMarketData marketData() {
        return marketData;
    }

    /** The signed exchange for executors ({@code name()} is {@code binance}, not paper). */
    public BinanceExchange exchange() {
        return exchange;
    }

    /** The settings in force (secrets masked in {@code toString}). */
    public BinanceSettings settings() {
        return settings;
    }

    /** Weight used and limits, pause/ban, circuits, last error and clock offset. */
    public BinanceStatus status() {
        WeightBudget.Snapshot b = budget.snapshot();
        Map<String, String> circuits = transport.circuitStates();
        boolean allOpen = circuits.values().stream().allMatch("OPEN"::equals);
        boolean anyNotClosed = circuits.values().stream().anyMatch(s -> !"CLOSED".equals(s));
        String state = b.bannedUntil() > 0 || allOpen || closed.get() ? "DOWN"
                : b.pausedUntil() > 0 || anyNotClosed || b.queued() > 0 ? "DEGRADED" : "UP";
        ServerClock clock = transport.clock();
        return new BinanceStatus(state, settings.baseUrl(), settings.hasCredentials(), b.weightUsed(), b.weightLimit(),
                b.weightLimitRaw(), b.serverUsedWeight() < 0 ? null : b.serverUsedWeight(), b.orders10s(),
                b.orders10sLimit(), b.orders1m(), b.orders1mLimit(), b.statistics(), b.statisticsLimit(), b.queued(),
                transport.inFlight(), b.pausedUntil() > 0 ? b.pausedUntil() : null,
                b.bannedUntil() > 0 ? b.bannedUntil() : null, circuits, transport.lastError(),
                transport.lastErrorAt() > 0 ? transport.lastErrorAt() : null, clock.offsetMs(),
                clock.lastSync() > 0 ? clock.lastSync() : null);
    }

    /** Requests on the wire now (tests drive virtual time when this is zero). */
    int inFlight() {
        return transport.inFlight();
    }

    BinanceTransport transport() {
        return transport;
    }

    /** Stops time syncs, refuses new calls, releases the shared budget and the HTTP client. */
    public Future<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        long timer = syncTimer;
        if (timer >= 0) {
            scheduler.cancel(timer);
        }
        transport.close();
        LocalMap<String, WeightBudget> budgets = vertx.sharedData().getLocalMap(BUDGETS);
        synchronized (budgets) {
            if (budget.release()) {
                budgets.remove(budgetKey, budget);
            }
        }
        client.close();
        return Future.succeededFuture();
    }

    private void scheduleSync() {
        if (closed.get()) {
            return;
        }
        syncTimer = scheduler.schedule(settings.timeSyncInterval().toMillis(), () -> {
            if (closed.get()) {
                return;
            }
            transport.syncTime().onComplete(ar -> {
                if (ar.failed()) {
                    LOG.log(System.Logger.Level.WARNING, "Binance server-time refresh failed: "
                            + ar.cause().getMessage());
                }
                scheduleSync();
            });
        });
    }

    private static WeightBudget sharedBudget(Vertx vertx, String key, Scheduler scheduler, int marginPct) {
        LocalMap<String, WeightBudget> budgets = vertx.sharedData().getLocalMap(BUDGETS);
        synchronized (budgets) {
            WeightBudget budget = budgets.get(key);
            if (budget == null) {
                budget = new WeightBudget(scheduler, marginPct);
                budgets.put(key, budget);
            }
            budget.retain();
            return budget;
        }
    }

    private static String budgetKey(String baseUrl) {
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
