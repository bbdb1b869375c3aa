package com.example.rsiextremes.internal;

import io.marketintel.api.Analyzer;
import io.marketintel.api.Operation;
import io.marketintel.api.OperationRequest;
import io.marketintel.api.ParamSpec;
import io.marketintel.api.ParamType;
import io.marketintel.api.Params;
import io.marketintel.api.PlatformApi;
import io.marketintel.api.PluginContext;
import io.marketintel.api.PluginDescriptor;
import io.marketintel.api.PluginKind;
import io.marketintel.api.market.Interval;
import io.marketintel.api.market.Kline;
import io.marketintel.api.ta.Oscillators;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * RSI extremes scanner: the Wilder RSI of the last closed candles of each symbol, and which symbols are overbought
 * or oversold.
 *
 * <ul>
 *   <li>{@code GET /api/intelligence/rsi-extremes/scan?symbols=BTCUSDT,ETHUSDT&interval=1h&period=14} — every
 *       symbol's reading, and the extremes, most extreme first;</li>
 *   <li>{@code GET /api/intelligence/rsi-extremes/rsi/{symbol}?interval=4h} — one symbol's reading.</li>
 * </ul>
 *
 * <p>The platform validates every declared parameter before a handler runs (a bad one is a 400 naming it) and
 * serialises the returned records to {@code {"data": …}} with snake_case names.
 */
public final class RsiExtremesPlugin implements Analyzer {

    /** Plugin id, REST route prefix, configuration section ({@code plugins.rsi-extremes}). */
    public static final String ID = "rsi-extremes";
    /** Intervals the scanner reads. */
    static final List<String> INTERVALS = List.of("15m", "1h", "4h", "1d");
    /** How many candles per RSI period are read: Wilder smoothing forgets its seed slowly. */
    static final int CANDLES_PER_PERIOD = 10;

    private final PluginDescriptor descriptor = new PluginDescriptor(
            ID,
            ID,
            "RSI Extremes Scanner",
            "1.0.0",
            PlatformApi.VERSION, // the API this plugin is built against, checked when the platform loads it
            PluginKind.ANALYZER,
            "Wilder RSI of each symbol and the ones beyond the overbought or oversold thresholds.",
            List.of(ParamSpec.decimal("overbought", 70.0).range(50.5, 100)
                            .describe("RSI at or above which a symbol is OVERBOUGHT (operations may override)"),
                    ParamSpec.decimal("oversold", 30.0).range(0, 49.5)
                            .describe("RSI at or below which a symbol is OVERSOLD (operations may override)")));

    private volatile PluginContext context;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public RsiExtremesPlugin() {
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("scan")
                        .param(new ParamSpec("symbols", ParamType.SYMBOL_LIST, false,
                                List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT"), 1.0, 20.0, List.of(),
                                "symbols to scan, comma separated"))
                        .param(interval())
                        .param(period())
                        .param(ParamSpec.decimal("overbought", 0).optional().range(50.5, 100)
                                .describe("overbought threshold (default: the configured one)"))
                        .param(ParamSpec.decimal("oversold", 0).optional().range(0, 49.5)
                                .describe("oversold threshold (default: the configured one)"))
                        .describe("RSI of each symbol and the overbought or oversold ones, most extreme first")
                        .handler(this::scan),
                Operation.get("rsi")
                        .withSymbol()
                        .param(interval())
                        .param(period())
                        .describe("RSI of one symbol with its zone")
                        .handler(this::rsi));
    }

    private static ParamSpec interval() {
        return ParamSpec.enumeration("interval", "1h", INTERVALS).describe("candle interval");
    }

    private static ParamSpec period() {
        return ParamSpec.integer("period", 14).range(2, 100).describe("RSI period in candles");
    }

    @Override
    public Future<Void> start(PluginContext context) {
        this.context = context;
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        this.context = null;
        return Future.succeededFuture();
    }

    private Future<Scan> scan(OperationRequest request) {
        Params p = request.params();
        Thresholds t = thresholds(p);
        Interval interval = Interval.fromCode(p.string("interval")).orElseThrow();
        int period = p.integer("period");
        List<Future<Reading>> readings = new ArrayList<>();
        for (String symbol : p.list("symbols")) {
            readings.add(reading(symbol, interval, period, t));
        }
        return Future.all(readings).map(all -> {
            List<Reading> list = all.<Reading>list();
            List<Reading> extremes = list.stream().filter(r -> r.zone() != Zone.NEUTRAL)
                    .sorted((a, b) -> Double.compare(Math.abs(b.rsi() - 50), Math.abs(a.rsi() - 50)))
                    .toList();
            return new Scan(interval.code(), period, t.overbought(), t.oversold(), list, extremes);
        });
    }

    private Future<Reading> rsi(OperationRequest request) {
        Params p = request.params();
        return reading(request.symbol(), Interval.fromCode(p.string("interval")).orElseThrow(), p.integer("period"),
                thresholds(p));
    }

    private Thresholds thresholds(Params p) {
        Params config = context.config();
        double overbought = p.has("overbought") ? p.decimal("overbought") : config.decimal("overbought");
        double oversold = p.has("oversold") ? p.decimal("oversold") : config.decimal("oversold");
        return new Thresholds(overbought, oversold);
    }

    private Future<Reading> reading(String symbol, Interval interval, int period, Thresholds t) {
        int candles = period * CANDLES_PER_PERIOD + 1;
        return context.marketData().klines(symbol, interval, candles).map(klines -> {
            double[] closes = new double[klines.size()];
            for (int i = 0; i < closes.length; i++) {
                closes[i] = klines.get(i).close();
            }
            double[] rsi = Oscillators.rsi(closes, period);
            double last = rsi.length == 0 ? Double.NaN : rsi[rsi.length - 1];
            Kline lastKline = klines.isEmpty() ? null : klines.get(klines.size() - 1);
            Zone zone = Double.isNaN(last) ? Zone.NEUTRAL
                    : last >= t.overbought() ? Zone.OVERBOUGHT : last <= t.oversold() ? Zone.OVERSOLD : Zone.NEUTRAL;
            return new Reading(symbol, last, zone, lastKline == null ? Double.NaN : lastKline.close(),
                    lastKline == null ? 0 : lastKline.openTime(), closes.length);
        });
    }

    private record Thresholds(double overbought, double oversold) {
    }
}
