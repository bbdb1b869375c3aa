package io.marketintel.plugin.meta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketintel.api.market.Kline;
import io.marketintel.testkit.fakes.FakeMarketData;
import io.marketintel.testkit.fakes.FakePluginContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hand-made analyses shaped like the real plugins' answers (field names from their result records: funding
 * {@code SentimentResult}, orderbook {@code AnalysisResult}, liquidations {@code HeatmapResult}, mtf
 * {@code ConfluenceResult} / {@code TimeframeSignal}, volume-profile {@code ProfileResult}), and hourly candles.
 */
final class Fixtures {

    static final String BTC = "BTCUSDT";
    /** 2024-08-08T00:00:00Z. */
    static final long T0 = Instant.parse("2024-08-08T00:00:00Z").toEpochMilli();
    static final long H1 = 3_600_000L;

    private Fixtures() {
    }

    /** An mtf confluence answer with 1h and 4h timeframe signals carrying {@code adx} and {@code atr_pct}. */
    static JsonObject mtf(int confluence, String direction, int weighted, Double adx1h, Double adx4h, Double atrPct1h) {
        String bias = switch (direction) {
            case "BULLISH" -> "LONG";
            case "BEARISH" -> "SHORT";
            default -> "NEUTRAL";
        };
        JsonArray signals = new JsonArray()
                .add(signal("15m", direction, adx1h, atrPct1h == null ? null : atrPct1h / 2, 100.0))
                .add(signal("1h", direction, adx1h, atrPct1h, 100.0))
                .add(signal("4h", direction, adx4h, atrPct1h == null ? null : atrPct1h * 2, 100.0));
        return new JsonObject()
                .put("symbol", BTC)
                .put("confluence_score", confluence)
                .put("overall_direction", direction)
                .put("weighted_score", weighted)
                .put("aligned_timeframes", 3)
                .put("total_timeframes", 3)
                .put("timeframe_signals", signals)
                .put("anchor_timeframes", new JsonArray().add("4h").add("1h"))
                .put("bias", bias)
                .put("confidence", confluence)
                .put("entry_recommendation", confluence >= 70 ? "ENTER" : "WAIT")
                .put("coverage_pct", 100.0)
                .put("reasoning", new JsonArray().add("High confluence (" + confluence + "/100) - 3/3 timeframes"
                        + " aligned"))
                .put("data_time", T0 - 1)
                .put("source", "fake");
    }

    private static JsonObject signal(String tf, String direction, Double adx, Double atrPct, double close) {
        return new JsonObject()
                .put("timeframe", tf)
                .put("direction", direction)
                .put("strength", 60)
                .put("score", 60)
                .put("weight", 0.33)
                .put("sufficient_data", true)
                .put("bars", 499)
                .put("candle_close_time", T0 - 1)
                .put("close", close)
                .put("adx", adx)
                .put("plus_di", 25.0)
                .put("minus_di", 15.0)
                .put("atr", atrPct == null ? null : atrPct * close / 100)
                .put("atr_pct", atrPct)
                .put("votes", new JsonArray())
                .putNull("note");
    }

    /** A volume-profile analysis answer. */
    static JsonObject vp(String position, double price, double poc) {
        String bias = switch (position) {
            case "ABOVE_VALUE_AREA" -> "LONG";
            case "BELOW_VALUE_AREA" -> "SHORT";
            default -> "NEUTRAL";
        };
        return new JsonObject()
                .put("symbol", BTC)
                .put("interval", "5m")
                .put("lookback", 200)
                .put("candles", 200)
                .put("current_price", price)
                .put("poc", new JsonObject().put("price", poc).put("volume_pct", 12.5))
                .put("value_area_high", new JsonObject().put("price", poc * 1.01))
                .put("value_area_low", new JsonObject().put("price", poc * 0.99))
                .put("position_relative_to_value_area", position)
                .put("bias", bias)
                .put("confidence", 60)
                .put("data_time", T0 - 2)
                .put("source", "fake");
    }

    /** A funding sentiment answer. */
    static JsonObject funding(String sentiment, double ratePct, String bias) {
        return new JsonObject()
                .put("symbol", BTC)
                .put("funding_rate", ratePct)
                .put("funding_rate_raw", ratePct / 100)
                .put("mark_price", 100.0)
                .put("sentiment", sentiment)
                .put("bias", bias)
                .put("confidence", 55)
                .put("data_time", T0 - 3)
                .put("source", "fake");
    }

    /** An order book analysis answer. */
    static JsonObject orderbook(double imbalance, int depthScore, String bias) {
        return new JsonObject()
                .put("symbol", BTC)
                .put("current_price", 100.0)
                .put("bid_ask_imbalance", imbalance)
                .put("dominant_side", imbalance > 10 ? "BID" : imbalance < -10 ? "ASK" : "NEUTRAL")
                .put("bias", bias)
                .put("confidence", 50)
                .put("depth_score", depthScore)
                .put("data_time", T0 - 4)
                .put("source", "fake");
    }

    /** A liquidation heatmap answer. */
    static JsonObject liquidations(int cascadeRisk, String bias) {
        return new JsonObject()
                .put("symbol", BTC)
                .put("estimate", true)
                .put("current_price", 100.0)
                .put("cascade_risk_score", cascadeRisk)
                .put("bias", bias)
                .put("confidence", 40)
                .put("data_time", T0 - 5)
                .put("source", "fake");
    }

    /** A complete analysis (any section may be null). */
    static JsonObject complete(JsonObject funding, JsonObject orderbook, JsonObject liquidations, JsonObject mtf,
                               JsonObject vp) {
        return new JsonObject()
                .put("symbol", BTC)
                .put("funding_sentiment", funding)
                .put("orderbook", orderbook)
                .put("liquidations", liquidations)
                .put("mtf_confluence", mtf)
                .put("volume_profile", vp)
                .put("errors", new JsonObject());
    }

    /** A neutral background: every section present, none voting. */
    static JsonObject quiet(JsonObject mtf, JsonObject vp) {
        return complete(funding("NEUTRAL", 0.01, "NEUTRAL"), orderbook(2.0, 60, "NEUTRAL"),
                liquidations(20, "NEUTRAL"), mtf, vp);
    }

    /** Hourly candle {@code i} (open at {@code start + i·1h}). */
    static Kline hour(long start, int i, double open, double high, double low, double close) {
        long openTime = start + i * H1;
        return new Kline(openTime, open, high, low, close, 10, openTime + H1 - 1, 10 * close, 100, 5, 5 * close);
    }

    /** {@code n} flat hourly candles at {@code price} from {@code start}. */
    static List<Kline> flat(long start, int n, double price) {
        List<Kline> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(hour(start, i, price, price, price, price));
        }
        return out;
    }

    /** The market the labeller reads: BTCUSDT with no klines yet (a test scripts the horizon it needs). */
    static FakeMarketData market() {
        return new FakeMarketData().klines(BTC, List.of());
    }

    /**
     * The calls the plugin made on the bus, one line each as the tests compare them:
     * {@code "<plugin>.<operation> <path value> <params> <timeout ms>"}, e.g. {@code "mtf.confluence BTCUSDT {} 5000"}.
     */
    static List<String> calls(FakePluginContext ctx) {
        synchronized (ctx.calls()) {
            return ctx.calls().stream().map(Fixtures::line).toList();
        }
    }

    /** One call as a line of {@link #calls}. */
    static String line(FakePluginContext.Call c) {
        return c.pluginId() + "." + c.operation() + " " + c.pathValue() + " " + c.params() + " "
                + c.timeout().toMillis();
    }

    /** Waits for {@code f} (tests run off the event loop). */
    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    /** The failure of {@code f}. */
    static Throwable failure(Future<?> f) {
        try {
            Object v = f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + v);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }
}
