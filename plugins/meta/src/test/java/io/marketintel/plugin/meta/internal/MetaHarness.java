package io.marketintel.plugin.meta.internal;

import static io.marketintel.plugin.meta.internal.Fixtures.await;

import io.marketintel.api.OperationRequest;
import io.marketintel.api.Params;
import io.marketintel.runtime.store.Database;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The meta plugin started on a fake context whose storage is the runtime's real H2 {@link Database} in a folder
 * (platform-runtime is a test dependency), with a hand-moved clock. The labelling timer is set to a day so that
 * passes run only when a test asks (unless it configures otherwise).
 */
final class MetaHarness implements AutoCloseable {

    final Vertx vertx;
    final Path dir;
    final Database database;
    final FakePluginContext ctx;
    final MetaPlugin plugin = new MetaPlugin();

    private MetaHarness(Vertx vertx, Path dir, Database database, FakePluginContext ctx) {
        this.vertx = vertx;
        this.dir = dir;
        this.database = database;
        this.ctx = ctx;
    }

    /** Opens the database in {@code dir} and starts a plugin with {@code config} overrides at {@code clockMillis}. */
    static MetaHarness start(Vertx vertx, Path dir, long clockMillis, Map<String, ?> config) {
        return start(vertx, dir, clockMillis, config, market -> { });
    }

    /**
     * As {@link #start(Vertx, Path, long, Map)}, with the market scripted by {@code script} before the plugin starts
     * (its first labelling pass runs at start, so data it must see has to be there already).
     */
    static MetaHarness start(Vertx vertx, Path dir, long clockMillis, Map<String, ?> config,
                             Consumer<FakeMarketData> script) {
        Database db = await(Database.open(vertx, dir));
        FakeMarketData market = Fixtures.market();
        script.accept(market);
        FakePluginContext ctx = new FakePluginContext(new MetaPlugin().descriptor(), MetaSettings.defaultParams(),
                market)
                .withVertx(vertx)
                .withStorage(db.storageFor(MetaPlugin.ID));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(MetaSettings.LABELLING_PERIOD_SECONDS, 86_400L);
        c.putAll(config);
        ctx.configure(c);
        ctx.clockAt(clockMillis);
        MetaHarness h = new MetaHarness(vertx, dir, db, ctx);
        await(h.plugin.start(ctx));
        return h;
    }

    static MetaHarness start(Vertx vertx, Path dir) {
        return start(vertx, dir, Fixtures.T0, Map.of());
    }

    /** analyze-and-recommend with {@code marketData} and an empty portfolio state (no risk call). */
    Recommendation recommend(JsonObject marketData) {
        return await(plugin.analyzeAndRecommend(new OperationRequest(null, request(marketData,
                new JsonObject().put("portfolio_heat_score", 10)))));
    }

    /** The parameters of analyze-and-recommend as the runtime binds them (every include flag true). */
    static Params request(JsonObject marketData, JsonObject portfolio) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(MetaPlugin.SYMBOL, Fixtures.BTC);
        for (Section s : Section.values()) {
            p.put(s.includeParam(), true);
        }
        if (marketData != null) {
            p.put(MetaPlugin.MARKET_DATA, marketData);
        }
        if (portfolio != null) {
            p.put(MetaPlugin.PORTFOLIO_STATE, portfolio);
        }
        return Params.of(p);
    }

    /** A posted outcome, as the runtime binds {@code POST …/outcomes}. */
    OutcomeAnswer post(String id, Map<String, ?> values) {
        return await(plugin.outcomes(new OperationRequest(null, outcome(id, values))));
    }

    static Params outcome(String id, Map<String, ?> values) {
        Map<String, Object> p = new LinkedHashMap<>(values);
        p.put(MetaPlugin.RECOMMENDATION_ID, id);
        return Params.of(p);
    }

    StoredRecommendation find(String id) {
        return await(plugin.recommendation(new OperationRequest(id, Params.empty())));
    }

    BestStrategies best(String condition, int topN) {
        return await(plugin.bestStrategies(new OperationRequest(null, Params.of(Map.of(MetaPlugin.CONDITION,
                condition, MetaPlugin.TOP_N, (long) topN)))));
    }

    LabelPass label() {
        return await(plugin.labelNow());
    }

    /** Stops the plugin and closes the database (the folder stays). */
    @Override
    public void close() {
        await(plugin.stop());
        await(database.close());
    }
}
