package io.marketintel.benchmarks;

import io.marketintel.api.Analyzer;
import io.marketintel.api.ErrorCode;
import io.marketintel.api.IntelException;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.Params;
import io.marketintel.api.Plugin;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.Storage;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.trading.Exchange;
import io.marketintel.runtime.json.Json;
import io.marketintel.runtime.market.replay.ReplayClock;
import io.marketintel.runtime.market.replay.ReplayMarket;
import io.marketintel.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Walk-forward evaluation of the meta strategy selector on replayed hourly klines (the shared
 * {@code klines-spot-1h} files: BTC, ETH, BNB, SOL, XRP, 2021-04 … 2023-12).
 *
 * <p>The real plugins run on the classpath with a hand-made {@link PluginContext}: {@code mtf} (timeframes 1h, 4h, 1d,
 * aggregated by the replay from the 1h files) and {@code volume-profile} (1h, 168 candles) answer from a
 * {@link ReplayMarket} whose {@link ReplayClock} is moved step by step, so every analysis sees closed candles before
 * "now" only; {@code meta} gets their answers as {@code market_data} (funding, order book and liquidations are not in
 * the files and are left out), stores its recommendation in an H2 database in a temporary folder, and labels every
 * recommendation once its 24 h horizon has passed on the same replay clock — the labels it learns from are exactly the
 * outcomes the table scores. Every step: move the clock, run the labelling pass (which labels the previous step's
 * recommendations), recommend for every symbol.
 *
 * <p>Scoring: each recommendation's outcome per arm is the plugin's own simulated return (entry, targets, stop and
 * routing cost over the 24 hourly candles after the recommendation, see the meta README). (a) is the arm the selector
 * recommended, decided before the outcome existed (out of sample); (b) the prior tree's arm for the same
 * recommendation; (c) the single arm with the best mean over all recommendations, chosen with hindsight (in sample);
 * (d) long every symbol over the same 24 h windows, no cost; (e) the recommended direction held to the horizon with no
 * stop or target, 0.05 % per side. NEUTRAL recommendations (no direction) are no trade for (a), (b), (c) and (e).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.marketintel.benchmarks.WalkForward \
 *     [--data ../shared/data/binance/klines-spot-1h] [--from 2021-07-15] [--to 2023-12-29] [--step-hours 24]
 *     [--symbols BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT] [--min-samples 20] [--switch-probability 0.95]
 * </pre>
 */
public final class WalkForward {

    private static final long HOUR = 3_600_000L;
    private static final int HORIZON_HOURS = 24;
    /** Cost per side of (e), %. */
    private static final double DIRECTION_ONLY_COST_PCT = 0.05;

    private WalkForward() {
    }

    /** One recommendation and what followed. */
    private record Scored(String id, String symbol, long time, String condition, String direction, String arm,
                          String priorArm, boolean overridden, Double price, Map<String, Double> armReturns,
                          Map<String, Boolean> filled, Double holdReturnPct, Double longReturnPct) {
        boolean directional() {
            return !direction.equals("NEUTRAL") && !armReturns.isEmpty();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path data = Path.of(opt.getOrDefault("data", "../shared/data/binance/klines-spot-1h"));
        Instant from = Instant.parse(opt.getOrDefault("from", "2021-07-15") + "T00:00:00Z");
        Instant to = Instant.parse(opt.getOrDefault("to", "2023-12-29") + "T00:00:00Z");
        long step = Long.parseLong(opt.getOrDefault("step-hours", "24")) * HOUR;
        List<String> symbols = List.of(opt.getOrDefault("symbols", "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT")
                .split(","));
        if (!Files.isDirectory(data)) {
            System.err.println("no data folder " + data.toAbsolutePath() + " (--data)");
            System.exit(2);
        }
        Vertx vertx = Vertx.vertx();
        Path work = Files.createTempDirectory("walk-forward");
        List<Plugin> started = new ArrayList<>();
        Database db = null;
        long wall = System.nanoTime();
        String learner;
        try {
            ReplayClock clock = new ReplayClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), from, 1.0);
            ReplayMarket market = ReplayMarket.open(vertx, data, clock).await();
            market.preload().await();
            db = Database.open(vertx, work).await();

            Plugin mtf = find("mtf");
            Plugin vp = find("volume-profile");
            Plugin meta = find("meta");
            start(mtf, vertx, market, clock, null, Map.of("timeframes", List.of("1h", "4h", "1d")), started);
            start(vp, vertx, market, clock, null, Map.of(), started);
            Map<String, Object> metaConfig = new LinkedHashMap<>(Map.of("labelling_period_seconds", 86_400L,
                    "horizon_minutes", (long) HORIZON_HOURS * 60, "label_interval", "1h"));
            if (opt.containsKey("min-samples")) {
                metaConfig.put("min_samples", Long.parseLong(opt.get("min-samples")));
            }
            if (opt.containsKey("switch-probability")) {
                metaConfig.put("switch_probability", Double.parseDouble(opt.get("switch-probability")));
            }
            start(meta, vertx, market, clock, db.storageFor("meta"), metaConfig, started);
            learner = "min_samples " + metaConfig.getOrDefault("min_samples", 20L) + ", switch_probability "
                    + metaConfig.getOrDefault("switch_probability", 0.95);

            List<String[]> recs = new ArrayList<>();
            Map<String, Integer> failures = new TreeMap<>();
            int steps = 0;
            for (long t = from.toEpochMilli(); t <= to.toEpochMilli(); t += step) {
                clock.seek(Instant.ofEpochMilli(t));
                invoke(meta, "label-pending", null, Map.of());
                for (String symbol : symbols) {
                    try {
                        JsonObject m = json(invoke(mtf, "confluence", symbol, Map.of()));
                        JsonObject v = json(invoke(vp, "analysis", symbol, Map.of("interval", "1h", "lookback", 168L)));
                        JsonObject marketData = new JsonObject().put("symbol", symbol).put("mtf_confluence", m)
                                .put("volume_profile", v);
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("symbol", symbol);
                        p.put("include_funding", false);
                        p.put("include_orderbook", false);
                        p.put("include_liquidations", false);
                        p.put("market_data", marketData);
                        p.put("portfolio_state", new JsonObject());
                        JsonObject r = json(invoke(meta, "analyze-and-recommend", null, p));
                        recs.add(new String[] {r.getString("recommendation_id"), symbol, Long.toString(t)});
                    } catch (IntelException e) {
                        failures.merge(e.code() + ": " + e.getMessage().replaceAll("\\d{4}-\\d\\d-\\d\\dT[^ )]*", "…"),
                                1, Integer::sum);
                    }
                }
                steps++;
                if (steps % 100 == 0) {
                    System.err.printf("… %s: %d recommendations%n", Instant.ofEpochMilli(t), recs.size());
                }
            }
            // Let the last horizon pass and label everything.
            clock.seek(Instant.ofEpochMilli(to.toEpochMilli() + (HORIZON_HOURS + 2) * HOUR));
            JsonObject lastPass = json(invoke(meta, "label-pending", null, Map.of()));

            List<Scored> scored = new ArrayList<>();
            for (String[] r : recs) {
                JsonObject s = json(invoke(meta, "recommendation", r[0], Map.of()));
                long t = Long.parseLong(r[2]);
                scored.add(score(s, r[1], t, longReturn(market, r[1], t, s.getDouble("price"))));
            }
            Map<String, JsonObject> finalState = new LinkedHashMap<>();
            for (String c : List.of("strong_uptrend", "mild_uptrend", "ranging", "mild_downtrend", "strong_downtrend",
                    "high_volatility", "low_volatility")) {
                finalState.put(c, json(invoke(meta, "best-strategies", null, Map.of("condition", c, "top_n", 6L))));
            }
            report(scored, finalState, from, to, step, symbols, steps, failures, lastPass, learner,
                    (System.nanoTime() - wall) / 1e9);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).stop().await();
            }
            if (db != null) {
                db.close().await();
            }
            vertx.close().await();
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: WalkForward [--data DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD]"
                        + " [--step-hours N] [--symbols A,B] [--min-samples N] [--switch-probability P]");
                System.exit(2);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static Scored score(JsonObject s, String symbol, long t, Double longReturn) {
        Map<String, Double> returns = new LinkedHashMap<>();
        Map<String, Boolean> filled = new LinkedHashMap<>();
        JsonArray rows = s.getJsonArray("arm_returns");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject a = rows.getJsonObject(i);
            returns.put(a.getString("arm"), a.getDouble("return_pct"));
            filled.put(a.getString("arm"), a.getBoolean("filled"));
        }
        JsonObject outcome = s.getJsonObject("outcome");
        Double hold = outcome == null ? null : outcome.getDouble("hold_return_pct");
        return new Scored(s.getString("id"), symbol, t, s.getString("market_condition"), s.getString("direction"),
                s.getString("arm"), s.getString("prior_arm"), s.getBoolean("overridden"), s.getDouble("price"),
                returns, filled, hold, longReturn);
    }

    /** Long from the recommendation price to the close of the 24th hourly candle after {@code t}, %. */
    private static Double longReturn(io.marketintel.api.market.MarketData market, String symbol, long t, Double p0) {
        if (p0 == null) {
            return null;
        }
        List<Kline> k = market.klines(symbol, Interval.H1, t, t + HORIZON_HOURS * HOUR - 1, HORIZON_HOURS).await();
        if (k.size() < HORIZON_HOURS) {
            return null;
        }
        return 100.0 * (k.get(k.size() - 1).close() - p0) / p0;
    }

    // ---------------------------------------------------------------- the table

    /** Statistics of one row. */
    private record Row(String name, int n, int trades, int hits, double mean, double meanPerTrade, double sum,
                       double t) {
        static Row of(String name, List<Double> perRec, List<Boolean> traded) {
            int n = perRec.size();
            int trades = 0;
            int hits = 0;
            double sum = 0;
            double tradeSum = 0;
            for (int i = 0; i < n; i++) {
                double r = perRec.get(i);
                sum += r;
                if (traded.get(i)) {
                    trades++;
                    tradeSum += r;
                    if (r > 0) {
                        hits++;
                    }
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (double r : perRec) {
                ss += (r - mean) * (r - mean);
            }
            double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
            return new Row(name, n, trades, hits, mean, trades == 0 ? Double.NaN : tradeSum / trades, sum,
                    mean / (sd / Math.sqrt(n)));
        }

        String line() {
            return String.format("%-66s %6d %7d %8.1f%% %+10.3f %+11.3f %+10.1f %7.2f", name, n, trades,
                    trades == 0 ? Double.NaN : 100.0 * hits / trades, mean, meanPerTrade, sum, t);
        }
    }

    private static void table(String title, List<Scored> all, Predicate<Scored> window) {
        List<Scored> recs = all.stream().filter(window).toList();
        List<Scored> dir = recs.stream().filter(Scored::directional).toList();
        System.out.println();
        System.out.println(title + ": " + recs.size() + " recommendations, " + dir.size() + " with a direction");
        System.out.println(String.format("%-66s %6s %7s %9s %10s %11s %10s %7s", "strategy", "recs", "trades",
                "hit rate", "mean/rec%", "mean/trade%", "sum %", "t-stat"));
        System.out.println(armRow("(a) learning selector (out of sample)", dir, Scored::arm).line());
        System.out.println(armRow("(b) prior decision tree alone", dir, Scored::priorArm).line());
        String bestArm = null;
        double best = Double.NEGATIVE_INFINITY;
        for (String arm : dir.isEmpty() ? List.<String>of() : dir.get(0).armReturns().keySet()) {
            Row r = armRow(arm, dir, s -> arm);
            if (r.mean() > best) {
                best = r.mean();
                bestArm = arm;
            }
        }
        if (bestArm != null) {
            String a = bestArm;
            System.out.println(armRow("(c) best fixed arm, hindsight: " + a, dir, s -> a).line());
        }
        List<Double> hold = new ArrayList<>();
        List<Boolean> yes = new ArrayList<>();
        for (Scored s : recs) {
            if (s.longReturnPct() != null) {
                hold.add(s.longReturnPct());
                yes.add(true);
            }
        }
        System.out.println(Row.of("(d) buy-and-hold (long every symbol, same 24h, no cost)", hold, yes).line());
        List<Double> direction = new ArrayList<>();
        List<Boolean> traded = new ArrayList<>();
        for (Scored s : dir) {
            if (s.holdReturnPct() != null) {
                direction.add(s.holdReturnPct() - 2 * DIRECTION_ONLY_COST_PCT);
                traded.add(true);
            }
        }
        System.out.println(Row.of("(e) direction only (hold to horizon, 0.05%/side)", direction, traded).line());
    }

    private static Row armRow(String name, List<Scored> dir, java.util.function.Function<Scored, String> arm) {
        List<Double> r = new ArrayList<>();
        List<Boolean> t = new ArrayList<>();
        for (Scored s : dir) {
            String a = arm.apply(s);
            r.add(s.armReturns().getOrDefault(a, 0.0));
            t.add(s.filled().getOrDefault(a, false));
        }
        return Row.of(name, r, t);
    }

    private static void report(List<Scored> all, Map<String, JsonObject> finalState, Instant from, Instant to,
                               long step, List<String> symbols, int steps, Map<String, Integer> failures,
                               JsonObject lastPass, String learner, double seconds) {
        System.out.println("Walk-forward of the meta strategy selector on replayed 1h klines");
        System.out.printf("period %s .. %s, step %d h, horizon %d h, %d steps x %s%n", from, to, step / HOUR,
                HORIZON_HOURS, steps, symbols);
        System.out.printf("analyses: mtf (1h/4h/1d) + volume-profile (1h x 168); funding/orderbook/liquidations not"
                + " in the data; learner: %s%n", learner);
        System.out.println("returns in % of the planned notional per 24h trade, after the routing cost of the arm"
                + " (0.02-0.06 %/side); recs = directional recommendations (unfilled sniper = 0)");
        table("ALL", all, s -> true);
        long secondHalf = from.toEpochMilli() + Duration.ofDays(365).toMillis();
        table("AFTER THE FIRST YEAR (" + Instant.ofEpochMilli(secondHalf) + " ..)", all, s -> s.time() >= secondHalf);

        System.out.println();
        System.out.println("by condition (directional recommendations):");
        System.out.println(String.format("%-17s %6s %6s %9s %10s %10s  %-38s %10s", "condition", "recs", "dir",
                "override%", "(a) mean%", "(b) mean%", "best arm in hindsight", "its mean%"));
        Map<String, List<Scored>> byCondition = new TreeMap<>();
        all.forEach(s -> byCondition.computeIfAbsent(s.condition(), k -> new ArrayList<>()).add(s));
        for (var e : byCondition.entrySet()) {
            List<Scored> dir = e.getValue().stream().filter(Scored::directional).toList();
            long overridden = dir.stream().filter(Scored::overridden).count();
            String bestArm = "-";
            double best = Double.NaN;
            if (!dir.isEmpty()) {
                for (String arm : dir.get(0).armReturns().keySet()) {
                    double m = armRow(arm, dir, s -> arm).mean();
                    if (Double.isNaN(best) || m > best) {
                        best = m;
                        bestArm = arm;
                    }
                }
            }
            System.out.println(String.format("%-17s %6d %6d %8.1f%% %+10.3f %+10.3f  %-38s %+10.3f", e.getKey(),
                    e.getValue().size(), dir.size(), dir.isEmpty() ? 0 : 100.0 * overridden / dir.size(),
                    armRow("", dir, Scored::arm).mean(), armRow("", dir, Scored::priorArm).mean(), bestArm, best));
        }
        System.out.println();
        System.out.println("learner at the end (GET best-strategies):");
        for (var e : finalState.entrySet()) {
            JsonObject b = e.getValue().getJsonObject("data") != null ? e.getValue().getJsonObject("data")
                    : e.getValue();
            System.out.printf("  %-17s outcomes %5d  recommends %-38s %s%n", e.getKey(), b.getInteger("outcomes"),
                    b.getString("recommended_arm"), b.getBoolean("overridden") ? "(overrides the prior "
                            + b.getString("prior_arm") + ")" : "(prior)");
        }
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("steps without a recommendation:");
            failures.forEach((k, v) -> System.out.printf("  %5d x %s%n", v, k));
        }
        System.out.printf("%nlast labelling pass: %s; %.1f s%n", lastPass.encode(), seconds);
    }

    // ---------------------------------------------------------------- plugins on the class path

    private static Plugin find(String id) {
        for (Analyzer a : ServiceLoader.load(Analyzer.class)) {
            if (a.descriptor().id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no plugin [" + id + "] on the class path");
    }

    private static void start(Plugin plugin, Vertx vertx, io.marketintel.api.market.MarketData market, Clock clock,
                              Storage storage, Map<String, Object> overrides, List<Plugin> started) {
        Map<String, Object> config = new LinkedHashMap<>();
        plugin.descriptor().config().forEach(s -> config.put(s.name(), s.defaultValue()));
        config.putAll(overrides);
        Params params = Params.of(config);
        plugin.checkConfig(params);
        plugin.start(new WalkContext(vertx, plugin.descriptor(), market, clock, params, storage, new HashMap<>()))
                .await();
        started.add(plugin);
    }

    /** Calls operation {@code name} of {@code plugin} with its declared defaults overridden by {@code given}. */
    private static Object invoke(Plugin plugin, String name, String path, Map<String, ?> given) {
        Operation op = plugin.operations().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + name));
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : op.params()) {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        values.putAll(given);
        Future<?> f = op.handler().handle(new OperationRequest(path, Params.of(values)));
        try {
            return f.await();
        } catch (IntelException e) {
            throw e;
        } catch (Exception e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            if (c instanceof IntelException ie) {
                throw ie;
            }
            throw new IllegalStateException(plugin.descriptor().id() + "." + name + " failed: " + c, c);
        }
    }

    /** A result as the runtime serialises it. */
    private static JsonObject json(Object value) {
        return new JsonObject(Json.encode(value));
    }

    /**
     * What a plugin gets: the replay market and clock, its configuration, storage when it keeps state, a result cache
     * whose entries expire by the replay clock (as the runtime's does under replay), no other plugins.
     */
    private record WalkContext(Vertx vertx, PluginDescriptor descriptor,
                               io.marketintel.api.market.MarketData marketData, Clock clock, Params config,
                               Storage storage, Map<String, Object[]> cache) implements PluginContext {
        @Override
        public Exchange exchange() {
            throw new IllegalStateException("analyzers only");
        }

        @Override
        public boolean liveTrading() {
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <T> Future<T> cached(String key, Duration ttl, Supplier<Future<T>> loader) {
            Object[] e = cache.get(key);
            long now = clock.millis();
            if (e != null && now < (long) e[1] && now >= (long) e[2]) {
                return (Future<T>) e[0];
            }
            Future<T> f = loader.get();
            cache.put(key, new Object[] {f, now + ttl.toMillis(), now});
            return f;
        }

        @Override
        public Future<JsonObject> call(String pluginId, String operation, String pathValue, Map<String, ?> params,
                                       Duration timeout) {
            return Future.failedFuture(new IntelException(ErrorCode.NOT_FOUND, "nobody serves operation ["
                    + pluginId + "." + operation + "] in the walk-forward"));
        }

        @Override
        public Storage storage() {
            if (storage == null) {
                throw new IllegalStateException("no storage for " + descriptor.id());
            }
            return storage;
        }

        @Override
        public void publish(String type, Object event) {
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("walk-forward." + descriptor.id());
        }
    }
}
