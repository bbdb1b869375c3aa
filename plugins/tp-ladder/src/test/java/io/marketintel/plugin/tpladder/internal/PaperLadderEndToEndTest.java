package io.marketintel.plugin.tpladder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketintel.api.Storage;
import io.marketintel.api.market.MarketData;
import io.marketintel.api.trading.ConditionalOrder;
import io.marketintel.api.trading.ConditionalOrderStatus;
import io.marketintel.api.trading.Exchange;
import io.marketintel.api.trading.JournalEntry;
import io.marketintel.api.trading.Order;
import io.marketintel.api.trading.OrderRequest;
import io.marketintel.api.trading.Position;
import io.marketintel.api.trading.Side;
import io.marketintel.runtime.MutableClock;
import io.marketintel.runtime.config.ConfigLoader;
import io.marketintel.runtime.config.PlatformConfig;
import io.marketintel.runtime.http.ApiToken;
import io.marketintel.runtime.http.HttpApi;
import io.marketintel.runtime.market.sim.PaperExchange;
import io.marketintel.runtime.market.sim.SimSettings;
import io.marketintel.runtime.market.sim.SimulatedMarket;
import io.marketintel.runtime.plugins.OperationInvoker;
import io.marketintel.runtime.plugins.PlatformServices;
import io.marketintel.runtime.plugins.PluginDiscovery;
import io.marketintel.runtime.plugins.PluginHandle;
import io.marketintel.runtime.plugins.PluginManager;
import io.marketintel.runtime.store.Database;
import io.marketintel.runtime.store.OrderJournalStore;
import io.marketintel.runtime.store.PlatformSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on the simulated market with a hand-moved clock: the runtime's own pieces (plugin manager and
 * context, parameter binding, REST with the API token, the journaling exchange over the H2 order journal) assembled
 * around a {@link SimulatedMarket} and its {@link PaperExchange} on a {@link MutableClock}. A short position is opened,
 * the ladder placed live, and the clock advanced minute by minute until the mark price crosses TP1: the paper
 * exchange then reduces the position by TP1's quantity.
 */
class PaperLadderEndToEndTest {

    private static final String TOKEN = "paper-e2e";
    private static final String BTC = "BTCUSDT";

    private final MutableClock clock = MutableClock.at("2024-06-15T10:20:00Z");
    private final SimulatedMarket market = new SimulatedMarket(SimSettings.defaults(), clock);
    private final PaperExchange exchange = new PaperExchange(market, clock, new BigDecimal("100000"));
    private Vertx vertx;
    private Database db;
    private OrderJournalStore journal;
    private HttpServer server;

    /** What the runtime shares with plugin contexts, here on the hand-moved clock and without a result cache. */
    private record Services(Vertx vertx, MarketData marketData, Exchange exchange, OrderJournalStore orderJournal,
                            Clock clock) implements PlatformServices {

        @Override
        public boolean liveTrading() {
            return false;
        }

        @Override
        public Storage storage(String pluginId) {
            throw new IllegalStateException("no plugin storage in this test");
        }

        @Override
        public <T> Future<T> cached(String pluginId, String key, Duration ttl, Supplier<Future<T>> loader) {
            return loader.get();
        }
    }

    @BeforeEach
    void assemble(@TempDir Path dir) throws Exception {
        vertx = Vertx.vertx();
        db = Database.open(vertx, dir.resolve("data")).await(20, TimeUnit.SECONDS);
        journal = new OrderJournalStore(db.storageFor(PlatformSchema.OWNER));
        List<PluginHandle> handles = PluginDiscovery.of(List.of(new TpLadderPlugin()));
        PluginManager plugins = new PluginManager(handles, new Services(vertx, market, exchange, journal, clock));
        Path file = Files.writeString(dir.resolve("market-intel.yaml"), "");
        PlatformConfig config = new ConfigLoader(PluginManager.configSchemas(handles), Map.of()).load(file);
        plugins.apply(config).await(20, TimeUnit.SECONDS);
        OperationInvoker invoker = new OperationInvoker(market, clock, Duration.ofSeconds(30));
        HttpApi api = new HttpApi(vertx, plugins, invoker, ApiToken.of(TOKEN), 1 << 20,
                () -> Future.failedFuture(new IllegalStateException("no health here")));
        server = vertx.createHttpServer().requestHandler(api.router()).listen(0, "127.0.0.1")
                .await(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close().await(10, TimeUnit.SECONDS);
        }
        if (db != null) {
            db.close().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private RuntimeEndToEndTest.Answer post(String path, String body, String token) throws IOException {
        return RuntimeEndToEndTest.call(server.actualPort(), "POST", "/api/intelligence/tp-ladder/" + path, body, token);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.await(20, TimeUnit.SECONDS);
    }

    private BigDecimal position() throws Exception {
        List<Position> ps = await(exchange.positions());
        return ps.stream().filter(p -> p.symbol().equals(BTC)).map(Position::positionAmt).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    private static void write(String name, JsonNode json) throws IOException {
        Path out = Path.of("target", "examples", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.toPrettyString());
    }

    @Test
    void aLadderPlacedOnAPaperPositionReducesItWhenTheMarkPriceCrossesTp1() throws Exception {
        Order open = await(exchange.placeOrder(OrderRequest.market(BTC, Side.SELL, new BigDecimal("0.100"), false,
                "e2e-short")));
        BigDecimal entry = await(exchange.positions()).get(0).entryPrice();
        assertThat(open.executedQty()).isEqualByComparingTo("0.1");
        String body = "{\"symbol\":\"BTCUSDT\",\"side\":\"SHORT\",\"entry_price\":" + entry.toPlainString()
                + ",\"quantity\":0.100,\"leverage\":20,\"num_levels\":3,\"strategy\":\"ADAPTIVE\"}";

        RuntimeEndToEndTest.Answer calculated = post("calculate", body, null);
        assertThat(calculated.status()).as(calculated.body().toString()).isEqualTo(200);
        write("calculate-sim-BTCUSDT.json", calculated.body());
        JsonNode ladder = calculated.data();
        assertThat(ladder.get("source").asText()).isEqualTo("sim");

        assertThat(post("place-orders?dry_run=false", body, null).status()).as("the token is required").isEqualTo(401);
        RuntimeEndToEndTest.Answer dry = post("place-orders", body, TOKEN);
        assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
        write("place-orders-dry-run-sim-BTCUSDT.json", dry.body());
        assertThat(dry.data().get("blockers")).isEmpty();
        assertThat(dry.data().get("position_amt").decimalValue()).isEqualByComparingTo("-0.1");
        RuntimeEndToEndTest.Answer live = post("place-orders?dry_run=false", body, TOKEN);
        assertThat(live.status()).as(live.body().toString()).isEqualTo(200);
        write("place-orders-live-sim-BTCUSDT.json", live.body());
        JsonNode orders = live.data().get("orders");
        assertThat(orders).as("the dry run answered exactly what was sent").isEqualTo(dry.data().get("orders"));
        String ladderId = live.data().get("ladder_id").asText();

        // every order journaled before it was sent and completed with the paper exchange's answer
        List<JournalEntry> entries = await(journal.byPrefix("tp-ladder", ladderId));
        assertThat(entries).hasSameSizeAs(orders);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).state()).isEqualTo(JournalEntry.State.DONE);
            assertThat(entries.get(i).paper()).isTrue();
            assertThat(TestJson.parse(entries.get(i).request())).isEqualTo(orders.get(i));
            assertThat(TestJson.parse(entries.get(i).result())).isEqualTo(live.data().get("placed").get(i));
        }

        JsonNode tp1 = orders.get(0);
        String id1 = tp1.get("client_algo_id").asText();
        BigDecimal q1 = tp1.get("quantity").decimalValue();
        BigDecimal p1 = tp1.get("trigger_price").decimalValue();
        assertThat(tp1.get("working_type").asText()).isEqualTo("MARK_PRICE");
        assertThat(await(exchange.openConditionalOrders(BTC))).hasSameSizeAs(orders);

        // minute by minute until TP1 triggers (a week at most)
        long start = clock.millis();
        ConditionalOrder first = null;
        BigDecimal before = position();
        while (clock.millis() < start + Duration.ofDays(7).toMillis()) {
            before = position();
            clock.advance(Duration.ofMinutes(1));
            ConditionalOrder o = await(exchange.conditionalOrder(BTC, id1));
            if (o.status() != ConditionalOrderStatus.NEW) {
                first = o;
                break;
            }
        }
        assertThat(first).as("the mark price reaches TP1 " + p1 + " within a week").isNotNull();
        assertThat(before).as("untouched until then").isEqualByComparingTo("-0.1");
        assertThat(first.status()).isEqualTo(ConditionalOrderStatus.FINISHED);
        Order fill = await(exchange.order(BTC, id1));
        assertThat(fill.executedQty()).isEqualByComparingTo(q1);
        assertThat(fill.side()).isEqualTo(Side.BUY);
        Path trace = Path.of("target", "examples", "paper-tp1-trigger.txt");
        Files.writeString(trace, "TP1 " + id1 + " at " + p1 + " (mark price) triggered "
                + (first.triggerTime() - start) / 60_000 + " min after placement, at " + Instant.ofEpochMilli(
                first.triggerTime()) + "; bought " + fill.executedQty() + " at " + fill.avgPrice() + "; position "
                + position() + "\n");
        assertThat(fill.reduceOnly()).isTrue();
        BigDecimal others = BigDecimal.ZERO;   // later levels crossed in the same minute, if the price jumped
        for (int i = 1; i < orders.size(); i++) {
            ConditionalOrder o = await(exchange.conditionalOrder(BTC, orders.get(i).get("client_algo_id").asText()));
            if (o.status() == ConditionalOrderStatus.FINISHED) {
                assertThat(o.triggerTime()).isGreaterThanOrEqualTo(first.triggerTime());
                others = others.add(o.quantity());
            }
        }
        assertThat(position()).as("reduced by TP1's quantity").isEqualByComparingTo(
                new BigDecimal("-0.1").add(q1).add(others));

        // the trigger second is the first whose mark price reached TP1 (read from an independent market instance)
        MutableClock aside = new MutableClock(Instant.ofEpochMilli(first.triggerTime()));
        SimulatedMarket check = new SimulatedMarket(SimSettings.defaults(), aside);
        assertThat(await(check.premiumIndex(BTC)).markPrice()).isLessThanOrEqualTo(p1.doubleValue());
        aside.set(Instant.ofEpochMilli(first.triggerTime() - 1000));
        assertThat(await(check.premiumIndex(BTC)).markPrice()).isGreaterThan(p1.doubleValue());
    }
}
